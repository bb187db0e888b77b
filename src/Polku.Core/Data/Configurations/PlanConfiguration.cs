using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Polku.Core.Clients;
using Polku.Core.Paths;
using Polku.Core.Plans;

namespace Polku.Core.Data.Configurations;

/// <summary>
/// A plan per episode; its versions and follow-ups are owned rows (append-only). A version's goals, actions and dates,
/// and a follow-up's scores, are stored as JSON text: they are always read and written whole with their row.
/// </summary>
internal sealed class ClientPlanConfiguration : IEntityTypeConfiguration<ClientPlan>
{
    public void Configure(EntityTypeBuilder<ClientPlan> b)
    {
        b.Property(p => p.Id).ValueGeneratedNever();
        b.Ignore(p => p.Current);
        b.Ignore(p => p.NextFollowUp);
        b.HasIndex(p => p.EpisodeId).IsUnique();
        b.HasIndex(p => p.ClientId);
        b.HasOne<Episode>().WithMany().HasForeignKey(p => p.EpisodeId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Client>().WithMany().HasForeignKey(p => p.ClientId).OnDelete(DeleteBehavior.Cascade);
        b.OwnsMany(p => p.Versions, v =>
        {
            v.ToTable("ClientPlanVersions");
            v.WithOwner().HasForeignKey(x => x.PlanId);
            v.HasKey(x => new { x.PlanId, x.Number });
            v.Property(x => x.Number).ValueGeneratedNever();
            v.Property(x => x.AuthorName).HasMaxLength(200);
            v.Property(x => x.ClientComment).HasMaxLength(ClientPlan.TextMaxLength);
            v.Property(x => x.Content)
                .HasConversion(c => c.ToJson(), json => PlanContent.FromJson(json),
                    new ValueComparer<PlanContent>((x, y) => x!.ToJson() == y!.ToJson(), c => c.ToJson().GetHashCode(StringComparison.Ordinal), c => PlanContent.FromJson(c.ToJson())));
        });
        b.OwnsMany(p => p.FollowUps, f =>
        {
            f.ToTable("ClientPlanFollowUps");
            f.WithOwner().HasForeignKey(x => x.PlanId);
            f.HasKey(x => new { x.PlanId, x.Number });
            f.Property(x => x.Number).ValueGeneratedNever();
            f.Property(x => x.ByName).HasMaxLength(200);
            f.Property(x => x.Note).HasMaxLength(ClientPlan.TextMaxLength);
            f.Property(x => x.Scores)
                .HasConversion(s => GoalScore.ToJson(s), json => GoalScore.FromJson(json),
                    new ValueComparer<List<GoalScore>>((x, y) => x!.SequenceEqual(y!), s => s.Count, s => s.ToList()));
            f.Property(x => x.LifeSituation).HasMaxLength(40)
                .HasConversion(v => v == null ? null : v.ToString(), text => ParseMeter(text));
            f.Ignore(x => x.TScore);
        });
        b.Navigation(p => p.Versions).AutoInclude();
        b.Navigation(p => p.FollowUps).AutoInclude();
    }

    private static Assistant.LifeVector? ParseMeter(string? text) => Assistant.LifeVector.TryParse(text, out var vector) ? vector : null;
}

/// <summary>A county's goal templates: one row per saved version, the set as JSON text.</summary>
internal sealed class GoalTemplateVersionConfiguration : IEntityTypeConfiguration<GoalTemplateVersion>
{
    public void Configure(EntityTypeBuilder<GoalTemplateVersion> b)
    {
        b.HasKey(v => v.Version);
        b.Property(v => v.Version).ValueGeneratedNever();
        b.Property(v => v.AuthorName).HasMaxLength(200);
    }
}
