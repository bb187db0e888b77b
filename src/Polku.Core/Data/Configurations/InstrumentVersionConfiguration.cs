using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Polku.Core.Segmentation;

namespace Polku.Core.Data.Configurations;

internal sealed class InstrumentVersionConfiguration : IEntityTypeConfiguration<InstrumentVersion>
{
    public void Configure(EntityTypeBuilder<InstrumentVersion> b)
    {
        b.Property(v => v.Key).HasMaxLength(50);
        b.HasIndex(v => new { v.Key, v.Version }).IsUnique();
        b.Property(v => v.LoadedBy).HasMaxLength(200);
    }
}
