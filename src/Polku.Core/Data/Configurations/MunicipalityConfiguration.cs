using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Polku.Core.Catalogue;

namespace Polku.Core.Data.Configurations;

internal sealed class MunicipalityConfiguration : IEntityTypeConfiguration<Municipality>
{
    public void Configure(EntityTypeBuilder<Municipality> b)
    {
        b.HasKey(m => m.Code);
        b.Property(m => m.Code).HasMaxLength(3);
        b.ComplexProperty(m => m.Name, n => LocalisedTextMapping.Columns(n, "Name", 200));
    }
}
