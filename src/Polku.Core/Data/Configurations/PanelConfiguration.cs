using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Polku.Core.Catalogue;
using Polku.Core.Participation.Panels;

namespace Polku.Core.Data.Configurations;

internal sealed class PanelConfiguration : IEntityTypeConfiguration<Panel>
{
    public void Configure(EntityTypeBuilder<Panel> b)
    {
        b.Property(p => p.Name).HasMaxLength(200);
        b.Property(p => p.Purpose).HasMaxLength(4000);
        b.Property(p => p.Seed).HasMaxLength(20);
        b.Property(p => p.Phase).HasConversion<string>().HasMaxLength(30);
        b.Property(p => p.StratifyBy).HasConversion<string>().HasMaxLength(30);
        b.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(p => p.Quotas).WithOne().HasForeignKey(q => q.PanelId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.Volunteers).WithOne().HasForeignKey(v => v.PanelId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.Meetings).WithOne().HasForeignKey(m => m.PanelId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.Proposals).WithOne().HasForeignKey(x => x.PanelId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PanelQuotaConfiguration : IEntityTypeConfiguration<PanelQuota>
{
    public void Configure(EntityTypeBuilder<PanelQuota> b)
    {
        b.HasKey(q => new { q.PanelId, q.Stratum });
        b.Property(q => q.Stratum).HasMaxLength(100);
    }
}

internal sealed class PanelVolunteerConfiguration : IEntityTypeConfiguration<PanelVolunteer>
{
    public void Configure(EntityTypeBuilder<PanelVolunteer> b)
    {
        b.HasIndex(v => new { v.PanelId, v.UserId }).IsUnique();
        b.HasIndex(v => new { v.PanelId, v.Number }).IsUnique();
        b.Property(v => v.UserId).HasMaxLength(450);
        b.Property(v => v.Number).HasMaxLength(20);
        b.Property(v => v.AgeGroup).HasMaxLength(100);
        b.Property(v => v.Area).HasMaxLength(100);
        b.Property(v => v.Language).HasMaxLength(100);
        b.Property(v => v.LifeSituation).HasMaxLength(100);
    }
}

internal sealed class PanelMeetingConfiguration : IEntityTypeConfiguration<PanelMeeting>
{
    public void Configure(EntityTypeBuilder<PanelMeeting> b)
    {
        b.Property(m => m.Agenda).HasMaxLength(4000);
        b.Property(m => m.Minutes).HasMaxLength(8000);
    }
}

internal sealed class PanelProposalConfiguration : IEntityTypeConfiguration<PanelProposal>
{
    public void Configure(EntityTypeBuilder<PanelProposal> b)
    {
        b.Property(p => p.Title).HasMaxLength(200);
        b.Property(p => p.Text).HasMaxLength(4000);
        b.Property(p => p.Answer).HasMaxLength(4000);
    }
}
