using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Polku.Core.Clients;

namespace Polku.Core.Data.Configurations;

internal sealed class FamilyConfiguration : IEntityTypeConfiguration<Family>
{
    public void Configure(EntityTypeBuilder<Family> b)
    {
        b.Property(f => f.Key).HasMaxLength(100);
        b.HasIndex(f => f.Key).IsUnique();
        b.Property(f => f.MunicipalityCode).HasMaxLength(3);
    }
}
