using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Polku.Core.Clients;

namespace Polku.Core.Data.Configurations;

internal sealed class ClientConfiguration : IEntityTypeConfiguration<Client>
{
    public void Configure(EntityTypeBuilder<Client> b)
    {
        b.Property(c => c.Key).HasMaxLength(100);
        b.HasIndex(c => c.Key).IsUnique();
        b.Property(c => c.PersonalIdentityCode).HasMaxLength(11);
        b.HasIndex(c => c.PersonalIdentityCode).IsUnique();
        b.Property(c => c.FirstName).HasMaxLength(100);
        b.Property(c => c.LastName).HasMaxLength(100);
        b.Property(c => c.Sex).HasMaxLength(1);
        b.Property(c => c.Language).HasMaxLength(2);
        b.Property(c => c.MunicipalityCode).HasMaxLength(3);
        b.Property(c => c.Phone).HasMaxLength(30);
        b.Property(c => c.Email).HasMaxLength(254);
        b.Property(c => c.FamilyRole).HasConversion<string>().HasMaxLength(20);
        b.HasOne(c => c.Family).WithMany(f => f.Members).HasForeignKey(c => c.FamilyId).OnDelete(DeleteBehavior.SetNull);
    }
}
