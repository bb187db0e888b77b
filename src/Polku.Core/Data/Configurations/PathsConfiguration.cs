using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Polku.Core.Catalogue;
using Polku.Core.Clients;
using Polku.Core.Paths;

namespace Polku.Core.Data.Configurations;

internal sealed class EpisodeConfiguration : IEntityTypeConfiguration<Episode>
{
    public void Configure(EntityTypeBuilder<Episode> b)
    {
        b.Property(e => e.Title).HasMaxLength(200);
        b.Property(e => e.Customership).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.Version).IsConcurrencyToken();
        b.HasIndex(e => e.ClientId);
        b.HasIndex(e => e.ResponsibleWorkerId);
        b.HasOne<Client>().WithMany().HasForeignKey(e => e.ClientId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organisation>().WithMany().HasForeignKey(e => e.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Professional>().WithMany().HasForeignKey(e => e.ResponsibleWorkerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Professional>().WithMany().HasForeignKey(e => e.ProposedWorkerId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(e => e.Team).WithOne().HasForeignKey(t => t.EpisodeId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(e => e.History).WithOne().HasForeignKey(h => h.EpisodeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EpisodeEventConfiguration : IEntityTypeConfiguration<EpisodeEvent>
{
    public void Configure(EntityTypeBuilder<EpisodeEvent> b)
    {
        b.Property(h => h.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(h => h.FromCustomership).HasConversion<string>().HasMaxLength(20);
        b.Property(h => h.ToCustomership).HasConversion<string>().HasMaxLength(20);
        b.Property(h => h.Note).HasMaxLength(2000);
        b.HasIndex(h => new { h.EpisodeId, h.At });
        b.HasOne<Professional>().WithMany().HasForeignKey(h => h.ProfessionalId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Professional>().WithMany().HasForeignKey(h => h.MemberProfessionalId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TeamMemberConfiguration : IEntityTypeConfiguration<TeamMember>
{
    public void Configure(EntityTypeBuilder<TeamMember> b)
    {
        b.HasIndex(t => new { t.EpisodeId, t.ProfessionalId });
        b.HasOne<Professional>().WithMany().HasForeignKey(t => t.ProfessionalId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TouchpointConfiguration : IEntityTypeConfiguration<Touchpoint>
{
    public void Configure(EntityTypeBuilder<Touchpoint> b)
    {
        b.Property(t => t.Channel).HasConversion<string>().HasMaxLength(20);
        b.Property(t => t.Note).HasMaxLength(2000);
        b.HasIndex(t => new { t.ClientId, t.At });
        b.HasIndex(t => new { t.OrganisationId, t.At });
        b.HasOne<Episode>().WithMany().HasForeignKey(t => t.EpisodeId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organisation>().WithMany().HasForeignKey(t => t.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Service>().WithMany().HasForeignKey(t => t.ServiceId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Professional>().WithMany().HasForeignKey(t => t.ProfessionalId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> b)
    {
        b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Reason).HasMaxLength(2000);
        b.Property(r => r.OverrideReason).HasMaxLength(2000);
        b.Property(r => r.RejectionReason).HasMaxLength(2000);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasIndex(r => new { r.ClientId, r.RequestedAt });
        b.HasIndex(r => new { r.ToOrganisationId, r.Status });
        b.HasOne<Episode>().WithMany().HasForeignKey(r => r.EpisodeId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organisation>().WithMany().HasForeignKey(r => r.FromOrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(r => r.ToOrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Professional>().WithMany().HasForeignKey(r => r.FromProfessionalId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Professional>().WithMany().HasForeignKey(r => r.ToProfessionalId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Professional>().WithMany().HasForeignKey(r => r.AnsweredByProfessionalId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Service>().WithMany().HasForeignKey(r => r.ServiceId).OnDelete(DeleteBehavior.SetNull);
    }
}
