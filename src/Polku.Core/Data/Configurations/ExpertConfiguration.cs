using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Polku.Core.Catalogue;
using Polku.Core.Participation.Experts;

namespace Polku.Core.Data.Configurations;

internal sealed class ExpertConfiguration : IEntityTypeConfiguration<Expert>
{
    public void Configure(EntityTypeBuilder<Expert> b)
    {
        b.Property(e => e.Name).HasMaxLength(200);
        b.Property(e => e.Training).HasMaxLength(1000);
        b.Property(e => e.Available).HasConversion<int>();
        Codes(b.Property(e => e.Areas)).HasMaxLength(1000);
        Codes(b.Property(e => e.Languages)).HasMaxLength(200);
    }

    /// <summary>A short list of codes stored as one comma-separated column, the same on both providers.</summary>
    private static PropertyBuilder<List<string>> Codes(PropertyBuilder<List<string>> property) =>
        property.HasConversion(
            v => string.Join(',', v),
            v => v.Split(',', StringSplitOptions.RemoveEmptyEntries).ToList(),
            new ValueComparer<List<string>>((a, c) => a!.SequenceEqual(c!), v => v.Aggregate(0, (h, s) => HashCode.Combine(h, s)), v => v.ToList()));
}

internal sealed class ExpertRequestConfiguration : IEntityTypeConfiguration<ExpertRequest>
{
    public void Configure(EntityTypeBuilder<ExpertRequest> b)
    {
        b.Property(r => r.Description).HasMaxLength(2000);
        b.Property(r => r.Area).HasMaxLength(100);
        b.Property(r => r.Language).HasMaxLength(10);
        b.Property(r => r.Fee).HasPrecision(18, 2);
        b.Ignore(r => r.Booked);
        b.HasIndex(r => new { r.Date, r.BookedExpertId });
        b.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Expert>().WithMany().HasForeignKey(r => r.BookedExpertId).OnDelete(DeleteBehavior.Restrict);
    }
}
