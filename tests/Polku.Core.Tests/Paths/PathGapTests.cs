using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Polku.Core.Audit;
using Polku.Core.Catalogue;
using Polku.Core.Clients;
using Polku.Core.Data;
using Polku.Core.Paths;
using Polku.Core.Segmentation;
using Customership = Polku.Core.Segmentation.Customership;

namespace Polku.Core.Tests.Paths;

public sealed class PathGapSqliteTests() : PathGapTests(DatabaseProvider.Sqlite);

public sealed class PathGapPostgresTests() : PathGapTests(DatabaseProvider.Postgres);

/// <summary>A reassessment changes the open episodes' customership; closing an episode; adding and removing team members.</summary>
public abstract class PathGapTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly PathAlertOptions Options = new() { UnansweredDays = 7, ReturnWindowDays = 90, WaitDays = 30, BouncingProviders = 3, BouncingWindowDays = 90 };
    private PathWorld _w = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _w = await PathWorld.CreateAsync(provider);

    public async ValueTask DisposeAsync()
    {
        await _w.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private async Task<List<AlertKind>> KindsAsync() =>
        [.. (await new PathAlerts(_w.Db, _w.Access(), new AuditLog(_w.Db, _w.Clock), Microsoft.Extensions.Options.Options.Create(Options), _w.Clock).AllAsync(Ct))
            .Select(a => a.Kind).Order()];

    private async Task<Episode> EpisodeAsync(Customership? customership) =>
        (await _w.Paths().OpenEpisodeAsync(PathWorld.As(_w.Nurse), _w.Mother.Id, "Polku", customership, Ct)).Value!;

    /// <summary>A full assessment by the nurse whose answers are all at the top (self-acting) or all at the bottom (network), confirmed as <paramref name="outcome"/>.</summary>
    private async Task<Assessment> AssessAsync(bool resourceful, Customership outcome, PolkuDb? db = null)
    {
        db ??= _w.Db;
        var instruments = new Instruments(db, _w.Clock);
        await instruments.EnsureExampleAsync(Ct);
        var assessments = new Assessments(db, new ClientAccess(db, new AuditLog(db, _w.Clock), _w.Clock), instruments, _w.Clock);
        var nurse = PathWorld.As(_w.Nurse);
        var assessment = (await assessments.StartAsync(nurse, _w.Mother.Id, Ct)).Value!;
        var instrument = (await instruments.CurrentAsync(Ct))!.Parse();
        Dictionary<string, int> Answers(AssessmentPart part) =>
            instrument.ItemsOf(part).ToDictionary(i => i.Key, i => resourceful ? instrument.ScaleOf(i).Max : instrument.ScaleOf(i).Min);
        Assert.Null((await assessments.AnswerClientPartAsync(nurse, _w.Mother.Id, assessment.Id, Answers(AssessmentPart.Client), Ct)).Error);
        Assert.Null((await assessments.AnswerProfessionalPartAsync(nurse, _w.Mother.Id, assessment.Id, Answers(AssessmentPart.Professional), Ct)).Error);
        var reason = outcome == assessment.Computed ? null : "Tilanne on muuttunut";
        var confirmed = await assessments.ConfirmAsync(nurse, _w.Mother.Id, assessment.Id, outcome, reason, Ct);
        Assert.Null(confirmed.Error);
        _w.Clock.Advance(TimeSpan.FromDays(1));
        return assessment;
    }

    private async Task<Episode> StoredAsync(Guid id)
    {
        _w.Db.ChangeTracker.Clear();
        return await _w.Db.Episodes.AsNoTracking().Include(e => e.Team).Include(e => e.History).SingleAsync(e => e.Id == id, Ct);
    }

    private Task<bool> HasTeamCareAsync(Professional p) =>
        _w.Db.CareRelationships.AnyAsync(r => r.ProfessionalId == p.Id && r.ClientId == _w.Mother.Id && r.Basis == CareBasis.Team && r.Until == null, Ct);

    [Fact]
    public async Task Reassessment_ToNetwork_GivesTheOpenEpisodeTheCustomership_AndRaisesTheNoOwnerAlert_ThenClearsIt()
    {
        var episode = await EpisodeAsync(Customership.Cooperating);
        Assert.Empty(await KindsAsync());

        var toNetwork = await AssessAsync(resourceful: false, Customership.Network);

        var stored = await StoredAsync(episode.Id);
        Assert.Equal(Customership.Network, stored.Customership);
        var change = Assert.Single(stored.History);
        Assert.Equal(
            (EpisodeEventKind.CustomershipChanged, Customership.Cooperating, Customership.Network, toNetwork.Id, _w.Nurse.Id),
            (change.Kind, change.FromCustomership, change.ToCustomership, change.AssessmentId, change.ProfessionalId));
        Assert.Equal([AlertKind.NoOwner], await KindsAsync());

        await AssessAsync(resourceful: true, Customership.SelfActing);

        Assert.Equal(Customership.SelfActing, (await StoredAsync(episode.Id)).Customership);
        Assert.Empty(await KindsAsync());
    }

    [Fact]
    public async Task Reassessment_ToExit_KeepsTheEpisodeOpen_RecordsExit_AndClearsTheNoOwnerAlert()
    {
        await AssessAsync(resourceful: false, Customership.Network);
        var episode = await EpisodeAsync(null);
        Assert.Equal(Customership.Network, episode.Customership);
        Assert.Equal([AlertKind.NoOwner], await KindsAsync());

        await AssessAsync(resourceful: true, Customership.Exit);

        var stored = await StoredAsync(episode.Id);
        Assert.True(stored.IsOpen);
        Assert.Equal(Customership.Exit, stored.Customership);
        Assert.Empty(await KindsAsync());
    }

    [Fact]
    public async Task Reassessment_LeavesClosedEpisodes_AndUnchangedCustomerships_AsTheyWere()
    {
        var closed = await EpisodeAsync(Customership.Cooperating);
        Assert.Null((await _w.Paths().CloseEpisodeAsync(PathWorld.As(_w.Nurse), closed.Id, closed.Version, null, Ct)).Error);
        var same = await EpisodeAsync(Customership.Network);

        await AssessAsync(resourceful: false, Customership.Network);

        Assert.Equal(Customership.Cooperating, (await StoredAsync(closed.Id)).Customership);
        var unchanged = await StoredAsync(same.Id);
        Assert.Equal((0, Customership.Network), (unchanged.Version, unchanged.Customership));
        Assert.Empty(unchanged.History);
    }

    [Fact]
    public async Task Reassessment_WhenSomeoneChangesTheEpisodeAtTheSameTime_StartsOverOnce_AndKeepsBothChanges()
    {
        var episode = await EpisodeAsync(Customership.Cooperating);
        var options = new DbContextOptionsBuilder<PolkuDb>();
        options.UsePolkuDatabase(_w.Database.Provider, _w.Database.ConnectionString);
        options.AddInterceptors(new ProposeWorkerBeforeFirstEpisodeSave(_w.Database, episode.Id, _w.SocialWorker.Id));
        await using var db = new PolkuDb(options.Options);

        await AssessAsync(resourceful: false, Customership.Network, db);

        var stored = await StoredAsync(episode.Id);
        Assert.Equal((Customership.Network, _w.SocialWorker.Id), (stored.Customership, stored.ProposedWorkerId));
        Assert.Single(stored.History);
    }

    /// <summary>Plays a second professional who proposes a worker for the episode just before the first save that changes it.</summary>
    private sealed class ProposeWorkerBeforeFirstEpisodeSave(Polku.Testing.TestDatabase database, Guid episodeId, int workerId) : SaveChangesInterceptor
    {
        private bool _done;

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (!_done && eventData.Context!.ChangeTracker.Entries<Episode>().Any(e => e.State == EntityState.Modified))
            {
                _done = true;
                await using var other = database.CreateContext();
                var episode = await other.Episodes.SingleAsync(e => e.Id == episodeId, cancellationToken);
                Assert.Null(episode.ProposeWorker(workerId));
                await other.SaveChangesAsync(cancellationToken);
            }

            return result;
        }
    }

    [Fact]
    public async Task ClosingAnEpisode_WithAPendingReferral_IsRefused_UntilTheReferralIsRevoked()
    {
        var episode = await EpisodeAsync(Customership.Cooperating);
        var referral = (await _w.Paths().RequestReferralAsync(
            PathWorld.As(_w.Nurse), _w.Mother.Id, new ReferralInput(episode.Id, ReferralKind.Referral, _w.Ngo.Id, null, null, "Perhetyö", true, null), Ct)).Value!;

        var refused = await _w.Paths().CloseEpisodeAsync(PathWorld.As(_w.Nurse), episode.Id, episode.Version, "Valmis", Ct);
        Assert.Equal(PathError.PendingReferrals, refused.Error);
        Assert.True((await StoredAsync(episode.Id)).IsOpen);

        Assert.Null((await _w.Paths().ActAsync(PathWorld.As(_w.Nurse), referral.Id, ReferralAction.Revoke, referral.Version, ct: Ct)).Error);
        var closed = await _w.Paths().CloseEpisodeAsync(PathWorld.As(_w.Nurse), episode.Id, (await StoredAsync(episode.Id)).Version, "Tavoitteet saavutettu", Ct);

        Assert.Null(closed.Error);
        var stored = await StoredAsync(episode.Id);
        Assert.Equal(_w.Clock.GetUtcNow().UtcDateTime, stored.EndedAt);
        var entry = Assert.Single(stored.History);
        Assert.Equal((EpisodeEventKind.Closed, "Tavoitteet saavutettu", _w.Nurse.Id), (entry.Kind, entry.Note, entry.ProfessionalId));
        Assert.Contains(await _w.Db.AuditEntries.ToListAsync(Ct), e => e.ActorName == _w.Nurse.FullName && e.Action == AuditAction.Change && e.Resource == AuditResources.Path);
    }

    [Fact]
    public async Task ClosingAnEpisode_WithAnOldVersion_IsAConflict_AndNothingChanges()
    {
        var episode = await EpisodeAsync(Customership.Cooperating);
        var seen = episode.Version;
        Assert.Null((await _w.Paths().AddTeamMemberAsync(PathWorld.As(_w.Nurse), episode.Id, _w.Deacon.Id, seen, Ct)).Error);

        var outcome = await _w.Paths().CloseEpisodeAsync(PathWorld.As(_w.Nurse), episode.Id, seen, null, Ct);

        Assert.Equal(PathError.Conflict, outcome.Error);
        Assert.True((await StoredAsync(episode.Id)).IsOpen);
    }

    [Fact]
    public async Task ClosingAnEpisode_EndsItsTeam_AndTheirTeamCareRelationships()
    {
        var episode = await EpisodeAsync(Customership.Cooperating);
        Assert.Null((await _w.Paths().AddTeamMemberAsync(PathWorld.As(_w.Nurse), episode.Id, _w.Deacon.Id, episode.Version, Ct)).Error);
        Assert.True(await HasTeamCareAsync(_w.Deacon));

        Assert.Null((await _w.Paths().CloseEpisodeAsync(PathWorld.As(_w.Nurse), episode.Id, episode.Version, null, Ct)).Error);

        Assert.All((await StoredAsync(episode.Id)).Team, t => Assert.NotNull(t.Until));
        Assert.False(await HasTeamCareAsync(_w.Deacon));
        Assert.False((await _w.Access().DecideAsync(PathWorld.As(_w.Deacon), _w.Mother.Id, Ct)).Allowed);
    }

    [Fact]
    public async Task ProfessionalWithoutCareRelationship_CannotCloseOrChangeTheTeam()
    {
        var episode = await EpisodeAsync(Customership.Cooperating);

        Assert.Equal(PathError.Denied, (await _w.Paths().CloseEpisodeAsync(PathWorld.As(_w.Deacon), episode.Id, episode.Version, null, Ct)).Error);
        Assert.Equal(PathError.Denied, (await _w.Paths().AddTeamMemberAsync(PathWorld.As(_w.Deacon), episode.Id, _w.Deacon.Id, episode.Version, Ct)).Error);
        Assert.Equal(PathError.ProfessionalOnly, (await _w.Paths().CloseEpisodeAsync(_w.AsMother(), episode.Id, episode.Version, null, Ct)).Error);
        Assert.True((await StoredAsync(episode.Id)).IsOpen);
    }

    [Fact]
    public async Task AddingATeamMemberTwice_IsRefused()
    {
        var episode = await EpisodeAsync(Customership.Cooperating);
        Assert.Null((await _w.Paths().AddTeamMemberAsync(PathWorld.As(_w.Nurse), episode.Id, _w.Deacon.Id, episode.Version, Ct)).Error);

        var again = await _w.Paths().AddTeamMemberAsync(PathWorld.As(_w.Nurse), episode.Id, _w.Deacon.Id, episode.Version, Ct);

        Assert.Equal(PathError.AlreadyMember, again.Error);
        Assert.Single((await StoredAsync(episode.Id)).Team);
    }

    [Fact]
    public async Task RemovingATeamMember_EndsTheirTeamCareRelationship_UnlessAnotherOpenEpisodeStillHasThem()
    {
        var first = await EpisodeAsync(Customership.Cooperating);
        var second = await EpisodeAsync(Customership.Cooperating);
        Assert.Null((await _w.Paths().AddTeamMemberAsync(PathWorld.As(_w.Nurse), first.Id, _w.Deacon.Id, first.Version, Ct)).Error);
        Assert.Null((await _w.Paths().AddTeamMemberAsync(PathWorld.As(_w.Nurse), second.Id, _w.Deacon.Id, second.Version, Ct)).Error);
        _w.Clock.Advance(TimeSpan.FromDays(3));

        var memberOfFirst = (await StoredAsync(first.Id)).Team.Single().Id;
        Assert.Null((await _w.Paths().RemoveTeamMemberAsync(PathWorld.As(_w.Nurse), first.Id, memberOfFirst, (await StoredAsync(first.Id)).Version, Ct)).Error);
        Assert.True(await HasTeamCareAsync(_w.Deacon));

        var afterFirst = await StoredAsync(first.Id);
        Assert.Equal(_w.Clock.GetUtcNow().UtcDateTime, afterFirst.Team.Single().Until);
        Assert.Equal([EpisodeEventKind.TeamMemberAdded, EpisodeEventKind.TeamMemberRemoved], afterFirst.History.OrderBy(h => h.At).Select(h => h.Kind));

        var memberOfSecond = (await StoredAsync(second.Id)).Team.Single().Id;
        Assert.Null((await _w.Paths().RemoveTeamMemberAsync(PathWorld.As(_w.Nurse), second.Id, memberOfSecond, (await StoredAsync(second.Id)).Version, Ct)).Error);
        Assert.False(await HasTeamCareAsync(_w.Deacon));
        Assert.False((await _w.Access().DecideAsync(PathWorld.As(_w.Deacon), _w.Mother.Id, Ct)).Allowed);
    }
}
