using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Polku.Core.Participation.Budgeting;

namespace Polku.Core.Data.Configurations;

internal sealed class BudgetRoundConfiguration : IEntityTypeConfiguration<BudgetRound>
{
    public void Configure(EntityTypeBuilder<BudgetRound> b)
    {
        b.Property(r => r.Name).HasMaxLength(200);
        b.Property(r => r.Area).HasMaxLength(200);
        b.Property(r => r.Budget).HasPrecision(18, 2);
        b.Property(r => r.MinCost).HasPrecision(18, 2);
        b.Property(r => r.MaxCost).HasPrecision(18, 2);
        b.Property(r => r.Phase).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.RuleKind).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.WinnerRule).HasConversion<string>().HasMaxLength(30).HasDefaultValue(WinnerRule.Greedy).HasSentinel((WinnerRule)(-1));
        b.Ignore(r => r.Rules);
        b.Ignore(r => r.RulesLocked);
        b.Ignore(r => r.MinSpendPercent);
        b.HasMany(r => r.Projects).WithOne().HasForeignKey(p => p.RoundId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BudgetProjectConfiguration : IEntityTypeConfiguration<BudgetProject>
{
    public void Configure(EntityTypeBuilder<BudgetProject> b)
    {
        b.HasIndex(p => new { p.RoundId, p.Code }).IsUnique();
        b.Property(p => p.Code).HasMaxLength(100);
        b.Property(p => p.Name).HasMaxLength(200);
        b.Property(p => p.Description).HasMaxLength(4000);
        b.Property(p => p.Cost).HasPrecision(18, 2);
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.RejectionReason).HasMaxLength(1000);
        b.Property(p => p.ProposedByUserId).HasMaxLength(450);
    }
}

internal sealed class BudgetBallotConfiguration : IEntityTypeConfiguration<BudgetBallot>
{
    public void Configure(EntityTypeBuilder<BudgetBallot> b)
    {
        b.HasIndex(x => new { x.RoundId, x.VoterId }).IsUnique();
        b.HasIndex(x => new { x.RoundId, x.UserId }).IsUnique();
        b.Property(x => x.VoterId).HasMaxLength(100);
        b.Property(x => x.UserId).HasMaxLength(450);
        b.HasOne<BudgetRound>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Choices).WithOne().HasForeignKey(c => c.BallotId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BudgetBallotChoiceConfiguration : IEntityTypeConfiguration<BudgetBallotChoice>
{
    public void Configure(EntityTypeBuilder<BudgetBallotChoice> b)
    {
        b.HasKey(c => new { c.BallotId, c.ProjectId });
        b.HasOne<BudgetProject>().WithMany().HasForeignKey(c => c.ProjectId).OnDelete(DeleteBehavior.Restrict);
    }
}
