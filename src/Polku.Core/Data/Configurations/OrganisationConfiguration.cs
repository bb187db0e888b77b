using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Polku.Core.Catalogue;

namespace Polku.Core.Data.Configurations;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> b)
    {
        b.Property(o => o.Key).HasMaxLength(100);
        b.HasIndex(o => o.Key).IsUnique();
        b.HasIndex(o => o.PtvId).IsUnique();
        b.Property(o => o.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(o => o.BusinessId).HasMaxLength(9);
        b.Property(o => o.MunicipalityCode).HasMaxLength(3);
        b.ComplexProperty(o => o.Name, n => LocalisedTextMapping.Columns(n, "Name", 300));
        b.ComplexProperty(o => o.Description, n => LocalisedTextMapping.Columns(n, "Description", 2000));
    }
}
