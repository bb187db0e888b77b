using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Polku.Core.Catalogue;
using Polku.Core.Clients;
using Polku.Core.Segmentation;

namespace Polku.Core.Data.Configurations;

internal sealed class AssessmentConfiguration : IEntityTypeConfiguration<Assessment>
{
    public void Configure(EntityTypeBuilder<Assessment> b)
    {
        b.HasOne<Client>().WithMany().HasForeignKey(a => a.ClientId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(a => a.InstrumentVersion).WithMany().HasForeignKey(a => a.InstrumentVersionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Professional>().WithMany().HasForeignKey(a => a.StartedByProfessionalId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => new { a.ClientId, a.StartedAt });
        b.Property(a => a.ClientPartBy).HasMaxLength(200);
        b.Property(a => a.ClientPartVia).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.ProfessionalPartBy).HasMaxLength(200);
        b.Property(a => a.Computed).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.Outcome).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.OverrideReason).HasMaxLength(2000);
        b.Property(a => a.ConfirmedBy).HasMaxLength(200);
        b.Property(a => a.CodeHash).HasMaxLength(64);
        b.HasIndex(a => a.CodeHash).IsUnique();
        b.HasMany(a => a.Answers).WithOne().HasForeignKey(x => x.AssessmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AssessmentAnswerConfiguration : IEntityTypeConfiguration<AssessmentAnswer>
{
    public void Configure(EntityTypeBuilder<AssessmentAnswer> b)
    {
        b.Property(a => a.Part).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.ItemKey).HasMaxLength(50);
        b.HasIndex(a => new { a.AssessmentId, a.Part });
    }
}
