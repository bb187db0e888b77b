using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Polku.Core.Catalogue;
using Polku.Core.Clients;
using Polku.Core.Identity;

namespace Polku.Core.Data.Configurations;

internal sealed class UserConfiguration : IEntityTypeConfiguration<PolkuUser>
{
    public void Configure(EntityTypeBuilder<PolkuUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(200);
        b.Property(u => u.Language).HasMaxLength(2);
        b.HasOne<Professional>().WithMany().HasForeignKey(u => u.ProfessionalId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Client>().WithMany().HasForeignKey(u => u.ClientId).OnDelete(DeleteBehavior.SetNull);
    }
}
