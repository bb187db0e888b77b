using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Polku.Core.Catalogue;
using Polku.Core.Clients;

namespace Polku.Core.Data.Configurations;

internal sealed class CareRelationshipConfiguration : IEntityTypeConfiguration<CareRelationship>
{
    public void Configure(EntityTypeBuilder<CareRelationship> b)
    {
        b.Property(r => r.Basis).HasConversion<string>().HasMaxLength(30);
        b.HasIndex(r => new { r.ProfessionalId, r.ClientId });
        b.HasIndex(r => r.ClientId);
        b.HasOne<Professional>().WithMany().HasForeignKey(r => r.ProfessionalId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Client>().WithMany().HasForeignKey(r => r.ClientId).OnDelete(DeleteBehavior.Cascade);
    }
}
