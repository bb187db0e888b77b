using Polku.Core.Audit;
using Polku.Core.Catalogue;
using Polku.Core.Data;
using Polku.Core.Paths;
using Customership = Polku.Core.Segmentation.Customership;

namespace Polku.Core.Tests.Paths;

public sealed class PathAlertSqliteTests() : PathAlertTests(DatabaseProvider.Sqlite);

public sealed class PathAlertPostgresTests() : PathAlertTests(DatabaseProvider.Postgres);

/// <summary>Each alert fires exactly at its threshold (driven by a fake clock) and clears when its cause does.</summary>
public abstract class PathAlertTests(DatabaseProvider provider) : IAsyncLifetime
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

    private PathAlerts Alerts() => new(_w.Db, _w.Access(), new AuditLog(_w.Db, _w.Clock), Microsoft.Extensions.Options.Options.Create(Options), _w.Clock);

    private async Task<List<AlertKind>> KindsAsync() => [.. (await Alerts().AllAsync(Ct)).Select(a => a.Kind).Order()];

    private async Task<Episode> EpisodeAsync(Customership? customership = Customership.Cooperating) =>
        (await _w.Paths().OpenEpisodeAsync(PathWorld.As(_w.Nurse), _w.Mother.Id, "Polku", customership, Ct)).Value!;

    private async Task<Referral> ReferAsync(Professional from, Episode episode, Organisation to)
    {
        var outcome = await _w.Paths().RequestReferralAsync(
            PathWorld.As(from), _w.Mother.Id, new ReferralInput(episode.Id, ReferralKind.Referral, to.Id, null, null, "Syy", true, null), Ct);
        return outcome.Value ?? throw new InvalidOperationException(outcome.Error.ToString());
    }

    private async Task OwnAsync(Episode episode, Professional worker)
    {
        var stored = _w.Db.Episodes.Single(e => e.Id == episode.Id);
        var proposed = await _w.Paths().ProposeWorkerAsync(PathWorld.As(_w.Nurse), episode.Id, worker.Id, stored.Version, Ct);
        Assert.Null((await _w.Paths().AnswerWorkerRoleAsync(PathWorld.As(worker), episode.Id, true, proposed.Value!.Version, Ct)).Error);
    }

    private async Task TouchAsync(Professional by, Episode episode)
    {
        var outcome = await _w.Paths().RecordTouchpointAsync(
            PathWorld.As(by), _w.Mother.Id, new TouchpointInput(episode.Id, _w.Clock.GetUtcNow().UtcDateTime, null, ChannelKind.ServiceLocation, null, null), Ct);
        Assert.Null(outcome.Error);
    }

    [Fact]
    public async Task NetworkClientWithoutAcceptedOwner_RaisesAlert_UntilTheProposedWorkerAccepts()
    {
        var episode = await EpisodeAsync(Customership.Network);
        Assert.Equal([AlertKind.NoOwner], await KindsAsync());

        var proposed = await _w.Paths().ProposeWorkerAsync(PathWorld.As(_w.Nurse), episode.Id, _w.SocialWorker.Id, episode.Version, Ct);
        Assert.Equal([AlertKind.NoOwner], await KindsAsync());

        await _w.Paths().AnswerWorkerRoleAsync(PathWorld.As(_w.SocialWorker), episode.Id, true, proposed.Value!.Version, Ct);
        Assert.Empty(await KindsAsync());
    }

    [Fact]
    public async Task CooperatingClientWithoutOwner_HasNoOwnerAlert()
    {
        await EpisodeAsync(Customership.Cooperating);

        Assert.Empty(await KindsAsync());
    }

    [Fact]
    public async Task Referral_NotAnsweredInSevenDays_RaisesAlert_AndAnsweringClearsIt()
    {
        var referral = await ReferAsync(_w.Nurse, await EpisodeAsync(), _w.Ngo);

        _w.Clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1));
        Assert.Empty(await KindsAsync());
        _w.Clock.Advance(TimeSpan.FromSeconds(1));
        var alert = Assert.Single(await Alerts().AllAsync(Ct));
        Assert.Equal((AlertKind.Unanswered, referral.Id), (alert.Kind, alert.ReferralId!.Value));
        Assert.Contains(_w.Ngo.Id, alert.Organisations);

        await _w.Paths().ActAsync(PathWorld.As(_w.FamilyWorker), referral.Id, ReferralAction.Reject, referral.Version, "Ei meille", Ct);
        Assert.Empty(await KindsAsync());
    }

    [Fact]
    public async Task AcceptedReferral_WithoutTouchpointInThirtyDays_IsALongWait_UntilTheReceiverMeetsTheClient()
    {
        var episode = await EpisodeAsync();
        var referral = await ReferAsync(_w.Nurse, episode, _w.Ngo);
        await _w.Paths().ActAsync(PathWorld.As(_w.FamilyWorker), referral.Id, ReferralAction.Accept, referral.Version, ct: Ct);

        _w.Clock.Advance(TimeSpan.FromDays(30) - TimeSpan.FromMinutes(1));
        Assert.Empty(await KindsAsync());
        _w.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal([AlertKind.LongWait], await KindsAsync());

        await TouchAsync(_w.FamilyWorker, episode);
        Assert.Empty(await KindsAsync());
    }

    [Fact]
    public async Task ReferralBackToTheSender_WithinNinetyDays_IsReturned_UntilSomeoneTakesOwnership()
    {
        var episode = await EpisodeAsync();
        var there = await ReferAsync(_w.Nurse, episode, _w.Ngo);
        await _w.Paths().ActAsync(PathWorld.As(_w.FamilyWorker), there.Id, ReferralAction.Accept, there.Version, ct: Ct);
        await TouchAsync(_w.FamilyWorker, episode);
        _w.Clock.Advance(TimeSpan.FromDays(90));

        var back = await ReferAsync(_w.FamilyWorker, episode, _w.FamilyCentre);
        var alert = Assert.Single(await Alerts().AllAsync(Ct), a => a.Kind == AlertKind.Returned);
        Assert.Equal(back.Id, alert.ReferralId);

        await OwnAsync(episode, _w.SocialWorker);
        Assert.DoesNotContain(AlertKind.Returned, await KindsAsync());
    }

    [Fact]
    public async Task ReferralBack_AfterNinetyDays_IsNotReturned()
    {
        var episode = await EpisodeAsync();
        var there = await ReferAsync(_w.Nurse, episode, _w.Ngo);
        await _w.Paths().ActAsync(PathWorld.As(_w.FamilyWorker), there.Id, ReferralAction.Accept, there.Version, ct: Ct);
        await TouchAsync(_w.FamilyWorker, episode);
        _w.Clock.Advance(TimeSpan.FromDays(90) + TimeSpan.FromSeconds(1));

        await ReferAsync(_w.FamilyWorker, episode, _w.FamilyCentre);

        Assert.DoesNotContain(AlertKind.Returned, await KindsAsync());
    }

    [Fact]
    public async Task TouchpointsAtThreeProviders_InNinetyDays_WithoutOwner_IsBouncing_UntilOwned()
    {
        var episode = await EpisodeAsync();
        await _w.Paths().AddTeamMemberAsync(PathWorld.As(_w.Nurse), episode.Id, _w.FamilyWorker.Id, episode.Version, Ct);
        await _w.Paths().AddTeamMemberAsync(PathWorld.As(_w.Nurse), episode.Id, _w.Deacon.Id, episode.Version, Ct);
        await TouchAsync(_w.Nurse, episode);
        _w.Clock.Advance(TimeSpan.FromDays(45));
        await TouchAsync(_w.FamilyWorker, episode);
        Assert.Empty(await KindsAsync());

        _w.Clock.Advance(TimeSpan.FromDays(45));
        await TouchAsync(_w.Deacon, episode);
        Assert.Equal([AlertKind.Bouncing], await KindsAsync());

        _w.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Empty(await KindsAsync());
    }

    [Fact]
    public async Task Bouncing_ClearsWhenAResponsibleWorkerAccepts()
    {
        var episode = await EpisodeAsync();
        await _w.Paths().AddTeamMemberAsync(PathWorld.As(_w.Nurse), episode.Id, _w.FamilyWorker.Id, episode.Version, Ct);
        await _w.Paths().AddTeamMemberAsync(PathWorld.As(_w.Nurse), episode.Id, _w.Deacon.Id, episode.Version, Ct);
        await TouchAsync(_w.Nurse, episode);
        await TouchAsync(_w.FamilyWorker, episode);
        await TouchAsync(_w.Deacon, episode);
        Assert.Equal([AlertKind.Bouncing], await KindsAsync());

        await OwnAsync(episode, _w.Nurse);

        Assert.Empty(await KindsAsync());
    }

    [Fact]
    public async Task WorkerAndUnitLists_ShowOnlyTheirAlerts_AndOnlyClientsTheyMaySee()
    {
        var episode = await EpisodeAsync(Customership.Network);
        var referral = await ReferAsync(_w.Nurse, episode, _w.Ngo);
        _w.Clock.Advance(TimeSpan.FromDays(8));

        var nurse = await Alerts().ForWorkerAsync(PathWorld.As(_w.Nurse), Ct);
        var ngoUnit = await Alerts().ForUnitAsync(PathWorld.As(_w.NgoColleague), Ct);
        var parishUnit = await Alerts().ForUnitAsync(PathWorld.As(_w.Deacon), Ct);

        Assert.Equal([AlertKind.Unanswered], nurse.Select(v => v.Alert.Kind));
        Assert.Equal([AlertKind.Unanswered], ngoUnit.Select(v => v.Alert.Kind));
        Assert.Equal(referral.Id, ngoUnit[0].Alert.ReferralId);
        Assert.Empty(parishUnit);
        Assert.Contains(_w.Db.AuditEntries, e => e.Resource == AuditResources.Alerts && e.ActorName == _w.NgoColleague.FullName);
    }
}
