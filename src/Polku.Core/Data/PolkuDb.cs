using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Polku.Core.Assistant;
using Polku.Core.Audit;
using Polku.Core.Catalogue;
using Polku.Core.Clients;
using Polku.Core.Identity;
using Polku.Core.Notifications;
using Polku.Core.Participation.Budgeting;
using Polku.Core.Participation.Experts;
using Polku.Core.Participation.Feedback;
using Polku.Core.Participation.Notes;
using Polku.Core.Participation.Panels;
using Polku.Core.Paths;
using Polku.Core.Segmentation;

namespace Polku.Core.Data;

/// <summary>The unit of work for all of Polku's data. One schema, two providers (SQLite and PostgreSQL).</summary>
public class PolkuDb(DbContextOptions<PolkuDb> options) : IdentityDbContext<PolkuUser>(options)
{
    public DbSet<Municipality> Municipalities => Set<Municipality>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Professional> Professionals => Set<Professional>();
    public DbSet<Service> Services => Set<Service>();
    public DbSet<ServiceChannel> ServiceChannels => Set<ServiceChannel>();
    public DbSet<Family> Families => Set<Family>();
    public DbSet<Client> Clients => Set<Client>();
    public DbSet<Guardianship> Guardianships => Set<Guardianship>();
    public DbSet<CareRelationship> CareRelationships => Set<CareRelationship>();
    public DbSet<Consent> Consents => Set<Consent>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<InstrumentVersion> InstrumentVersions => Set<InstrumentVersion>();
    public DbSet<Assessment> Assessments => Set<Assessment>();
    public DbSet<AssessmentAnswer> AssessmentAnswers => Set<AssessmentAnswer>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<NotificationOptOut> NotificationOptOuts => Set<NotificationOptOut>();
    public DbSet<Episode> Episodes => Set<Episode>();
    public DbSet<TeamMember> TeamMembers => Set<TeamMember>();
    public DbSet<EpisodeEvent> EpisodeEvents => Set<EpisodeEvent>();
    public DbSet<Touchpoint> Touchpoints => Set<Touchpoint>();
    public DbSet<Referral> Referrals => Set<Referral>();
    public DbSet<FeedbackItem> FeedbackItems => Set<FeedbackItem>();
    public DbSet<DevelopmentAction> DevelopmentActions => Set<DevelopmentAction>();
    public DbSet<Milestone> Milestones => Set<Milestone>();
    public DbSet<CoWrittenNote> CoWrittenNotes => Set<CoWrittenNote>();
    public DbSet<BudgetRound> BudgetRounds => Set<BudgetRound>();
    public DbSet<BudgetProject> BudgetProjects => Set<BudgetProject>();
    public DbSet<BudgetBallot> BudgetBallots => Set<BudgetBallot>();
    public DbSet<BudgetBallotChoice> BudgetBallotChoices => Set<BudgetBallotChoice>();
    public DbSet<Panel> Panels => Set<Panel>();
    public DbSet<Expert> Experts => Set<Expert>();
    public DbSet<ExpertRequest> ExpertRequests => Set<ExpertRequest>();
    public DbSet<PanelVolunteer> PanelVolunteers => Set<PanelVolunteer>();
    public DbSet<PanelMeeting> PanelMeetings => Set<PanelMeeting>();
    public DbSet<PanelProposal> PanelProposals => Set<PanelProposal>();
    public DbSet<HandoffMessage> HandoffMessages => Set<HandoffMessage>();
    public DbSet<Plans.ClientPlan> ClientPlans => Set<Plans.ClientPlan>();
    public DbSet<Networks.ServiceNetwork> ServiceNetworks => Set<Networks.ServiceNetwork>();
    public DbSet<Plans.GoalTemplateVersion> GoalTemplateVersions => Set<Plans.GoalTemplateVersion>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PolkuDb).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefuseAuditChanges();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefuseAuditChanges();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void RefuseAuditChanges()
    {
        if (ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("The audit log is append-only: entries cannot be changed or removed.");
        }
    }
}
