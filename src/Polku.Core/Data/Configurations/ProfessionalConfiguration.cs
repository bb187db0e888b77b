using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Polku.Core.Catalogue;

namespace Polku.Core.Data.Configurations;

internal sealed class ProfessionalConfiguration : IEntityTypeConfiguration<Professional>
{
    public void Configure(EntityTypeBuilder<Professional> b)
    {
        b.Property(p => p.Key).HasMaxLength(100);
        b.HasIndex(p => p.Key).IsUnique();
        b.Property(p => p.FirstName).HasMaxLength(100);
        b.Property(p => p.LastName).HasMaxLength(100);
        b.Property(p => p.Email).HasMaxLength(254);
        b.ComplexProperty(p => p.Title, n => LocalisedTextMapping.Columns(n, "Title", 200));
        b.HasOne(p => p.Organisation).WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
