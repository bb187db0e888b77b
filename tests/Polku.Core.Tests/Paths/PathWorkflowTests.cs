using Microsoft.EntityFrameworkCore;
using Polku.Core.Audit;
using Polku.Core.Catalogue;
using Polku.Core.Clients;
using Polku.Core.Data;
using Polku.Core.Paths;
using Customership = Polku.Core.Segmentation.Customership;

namespace Polku.Core.Tests.Paths;

public sealed class PathWorkflowSqliteTests() : PathWorkflowTests(DatabaseProvider.Sqlite);

public sealed class PathWorkflowPostgresTests() : PathWorkflowTests(DatabaseProvider.Postgres);

/// <summary>The referral workflow through the database: care relationships, auditing and optimistic concurrency, on both providers.</summary>
public abstract class PathWorkflowTests(DatabaseProvider provider) : IAsyncLifetime
{
    private PathWorld _w = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _w = await PathWorld.CreateAsync(provider);

    public async ValueTask DisposeAsync()
    {
        await _w.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private async Task<Episode> OpenEpisodeAsync() =>
        (await _w.Paths().OpenEpisodeAsync(PathWorld.As(_w.Nurse), _w.Mother.Id, "Vauvaperheen tuki", Customership.Network, Ct)).Value!;

    private async Task<Referral> ReferToNgoAsync(Episode episode, ReferralKind kind = ReferralKind.Referral)
    {
        var outcome = await _w.Paths().RequestReferralAsync(
            PathWorld.As(_w.Nurse), _w.Mother.Id, new ReferralInput(episode.Id, kind, _w.Ngo.Id, null, null, "Kotiin annettava perhetyö", true, null), Ct);
        Assert.Null(outcome.Error);
        return outcome.Value!;
    }

    private Task<AccessDecision> DecideAsync(Professional p) => _w.Access().DecideAsync(PathWorld.As(p), _w.Mother.Id, Ct);

    [Fact]
    public async Task PendingReferral_IsReadOnly_NoTouchpointNoTeamNoLastingRelationship_UntilAccepted()
    {
        var episode = await OpenEpisodeAsync();
        var referral = await ReferToNgoAsync(episode);
        var receiver = PathWorld.As(_w.FamilyWorker);

        Assert.NotNull((await _w.Paths().PathAsync(receiver, _w.Mother.Id, Ct)).Value);
        var touchpoint = await _w.Paths().RecordTouchpointAsync(
            receiver, _w.Mother.Id, new TouchpointInput(episode.Id, PathWorld.Start.UtcDateTime, null, ChannelKind.ServiceLocation, null, null), Ct);
        var stored = await _w.Db.Episodes.AsNoTracking().SingleAsync(e => e.Id == episode.Id, Ct);
        var joined = await _w.Paths().AddTeamMemberAsync(receiver, episode.Id, _w.FamilyWorker.Id, stored.Version, Ct);

        Assert.Equal(PathError.Denied, touchpoint.Error);
        Assert.Equal(PathError.Denied, joined.Error);
        Assert.False(await _w.Db.CareRelationships.AnyAsync(r => r.ProfessionalId == _w.FamilyWorker.Id, Ct));
        Assert.Contains(await _w.Db.AuditEntries.ToListAsync(Ct), e => e.ActorName == _w.FamilyWorker.FullName && e.Action == AuditAction.Denied);

        var rejected = await _w.Paths().ActAsync(receiver, referral.Id, ReferralAction.Reject, referral.Version, "Ei resursseja", Ct);

        Assert.Null(rejected.Error);
        Assert.False((await DecideAsync(_w.FamilyWorker)).Allowed);
    }

    [Theory]
    [InlineData("0001-01-01T12:00:00Z")]
    [InlineData("1989-12-31T12:00:00Z")]
    [InlineData("2026-11-03T12:00:00Z")]
    public async Task Touchpoint_DatedBeforeBirthOrInTheFuture_IsRefused_AndNothingIsStored(string at)
    {
        var episode = await OpenEpisodeAsync();
        var instant = DateTime.Parse(at, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);

        var outcome = await _w.Paths().RecordTouchpointAsync(
            PathWorld.As(_w.Nurse), _w.Mother.Id, new TouchpointInput(episode.Id, instant, null, ChannelKind.ServiceLocation, null, null), Ct);

        Assert.Equal(PathError.DateOutOfRange, outcome.Error);
        Assert.False(await _w.Db.Touchpoints.AnyAsync(Ct));
    }

    [Fact]
    public async Task Consent_IsReadOnly()
    {
        _w.Db.Consents.Add(new Consent
        {
            ClientId = _w.Mother.Id,
            OrganisationId = _w.Parish.Id,
            Purpose = new LocalisedText("Diakoniatyö"),
            GivenAt = PathWorld.Start.UtcDateTime.AddDays(-1),
        });
        await _w.Db.SaveChangesAsync(Ct);
        var episode = await OpenEpisodeAsync();
        var deacon = PathWorld.As(_w.Deacon);

        Assert.Equal(AuditPurpose.Consent, (await DecideAsync(_w.Deacon)).Purpose);
        var touchpoint = await _w.Paths().RecordTouchpointAsync(
            deacon, _w.Mother.Id, new TouchpointInput(episode.Id, PathWorld.Start.UtcDateTime, null, ChannelKind.ServiceLocation, null, null), Ct);

        Assert.Equal(PathError.Denied, touchpoint.Error);
        Assert.False(await _w.Db.CareRelationships.AnyAsync(r => r.ProfessionalId == _w.Deacon.Id, Ct));
    }

    [Fact]
    public async Task ProposedWorker_MayOnlyAnswer_NotPassTheProposalOn_AndTheAnswerIsAudited()
    {
        var episode = await OpenEpisodeAsync();
        var proposed = await _w.Paths().ProposeWorkerAsync(PathWorld.As(_w.Nurse), episode.Id, _w.FamilyWorker.Id, episode.Version, Ct);
        Assert.Null(proposed.Error);
        var version = proposed.Value!.Version;

        var passedOn = await _w.Paths().ProposeWorkerAsync(PathWorld.As(_w.FamilyWorker), episode.Id, _w.NgoColleague.Id, version, Ct);

        Assert.Equal(PathError.Denied, passedOn.Error);
        Assert.Equal(_w.FamilyWorker.Id, (await _w.Db.Episodes.AsNoTracking().SingleAsync(e => e.Id == episode.Id, Ct)).ProposedWorkerId);

        var declined = await _w.Paths().AnswerWorkerRoleAsync(PathWorld.As(_w.FamilyWorker), episode.Id, accept: false, version, Ct);

        Assert.Null(declined.Error);
        Assert.Contains(await _w.Db.AuditEntries.ToListAsync(Ct), e =>
            e.ActorName == _w.FamilyWorker.FullName && e.Action == AuditAction.Change && e.Purpose == AuditPurpose.WorkerProposal);
    }

    [Fact]
    public async Task PendingReferral_OpensTheClientToTheReceivingUnit_AndAcceptanceMakesItACareRelationship()
    {
        var episode = await OpenEpisodeAsync();
        Assert.False((await DecideAsync(_w.FamilyWorker)).Allowed);

        var referral = await ReferToNgoAsync(episode);
        Assert.Equal(AuditPurpose.PendingReferral, (await DecideAsync(_w.FamilyWorker)).Purpose);

        var accepted = await _w.Paths().ActAsync(PathWorld.As(_w.FamilyWorker), referral.Id, ReferralAction.Accept, referral.Version, ct: Ct);

        Assert.Null(accepted.Error);
        Assert.Equal(AuditPurpose.CareRelationship, (await DecideAsync(_w.FamilyWorker)).Purpose);
        Assert.False((await DecideAsync(_w.NgoColleague)).Allowed);
        var relationship = await _w.Db.CareRelationships.SingleAsync(r => r.ProfessionalId == _w.FamilyWorker.Id, Ct);
        Assert.Equal(CareBasis.Referral, relationship.Basis);
        Assert.Contains(await _w.Db.AuditEntries.ToListAsync(Ct), e => e.ActorName == _w.FamilyWorker.FullName && e.Action == AuditAction.Change && e.Resource == AuditResources.Referral);
    }

    [Fact]
    public async Task RejectedReferral_ClosesTheReceiversView_AndKeepsTheReason()
    {
        var referral = await ReferToNgoAsync(await OpenEpisodeAsync());

        var rejected = await _w.Paths().ActAsync(PathWorld.As(_w.FamilyWorker), referral.Id, ReferralAction.Reject, referral.Version, "Ei asu alueella", Ct);

        Assert.Equal(("Ei asu alueella", ReferralStatus.Rejected), (rejected.Value!.RejectionReason, rejected.Value.Status));
        Assert.False((await DecideAsync(_w.FamilyWorker)).Allowed);
    }

    [Fact]
    public async Task ReceiverAcceptsWhileSenderRevokes_OneWins_TheOtherGetsAConflict_AndNothingIsLost()
    {
        var referral = await ReferToNgoAsync(await OpenEpisodeAsync());
        await using var secondDb = _w.Database.CreateContext();
        var first = _w.Paths();
        var second = _w.Paths(secondDb);

        var secondSees = await secondDb.Referrals.AsNoTracking().SingleAsync(r => r.Id == referral.Id, Ct);
        var secondLoaded = await secondDb.Referrals.SingleAsync(r => r.Id == referral.Id, Ct);
        var accepted = await first.ActAsync(PathWorld.As(_w.FamilyWorker), referral.Id, ReferralAction.Accept, referral.Version, ct: Ct);
        var revoked = await second.ActAsync(PathWorld.As(_w.Nurse), referral.Id, ReferralAction.Revoke, secondSees.Version, ct: Ct);

        Assert.Null(accepted.Error);
        Assert.Equal(PathError.Conflict, revoked.Error);
        Assert.NotNull(secondLoaded);
        await using var fresh = _w.Database.CreateContext();
        var stored = await fresh.Referrals.SingleAsync(r => r.Id == referral.Id, Ct);
        Assert.Equal((ReferralStatus.Accepted, _w.FamilyWorker.Id, 1, (string?)null), (stored.Status, stored.AnsweredByProfessionalId!.Value, stored.Version, stored.RejectionReason));
        Assert.True(await fresh.CareRelationships.AnyAsync(r => r.ProfessionalId == _w.FamilyWorker.Id && r.Basis == CareBasis.Referral, Ct));
    }

    [Fact]
    public async Task AnswerFromAStaleForm_IsAConflict()
    {
        var referral = await ReferToNgoAsync(await OpenEpisodeAsync());
        await _w.Paths().ActAsync(PathWorld.As(_w.Nurse), referral.Id, ReferralAction.Revoke, referral.Version, ct: Ct);

        var late = await _w.Paths().ActAsync(PathWorld.As(_w.FamilyWorker), referral.Id, ReferralAction.Accept, referral.Version, ct: Ct);

        Assert.Equal(PathError.Denied, late.Error);
        var lateNurse = await _w.Paths().ActAsync(PathWorld.As(_w.Nurse), referral.Id, ReferralAction.Revoke, 0, ct: Ct);
        Assert.Equal(PathError.Conflict, lateNurse.Error);
    }

    [Fact]
    public async Task ConcurrentSaves_OfTheSameReferral_RaiseAConcurrencyConflictInTheDatabase()
    {
        var referral = await ReferToNgoAsync(await OpenEpisodeAsync());
        var episode = await _w.Db.Episodes.SingleAsync(Ct);
        await using var a = _w.Database.CreateContext();
        await using var b = _w.Database.CreateContext();
        var inA = await a.Referrals.SingleAsync(r => r.Id == referral.Id, Ct);
        var inB = await b.Referrals.SingleAsync(r => r.Id == referral.Id, Ct);

        Assert.Null(inA.Accept(episode, _w.Ngo.Id, _w.FamilyWorker.Id, DateTime.UtcNow));
        Assert.Null(inB.Reject(_w.Ngo.Id, _w.NgoColleague.Id, "Ei tilaa", DateTime.UtcNow));
        await a.SaveChangesAsync(Ct);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => b.SaveChangesAsync(Ct));
    }

    [Fact]
    public async Task Handover_Accepted_MovesTheResponsibleWorkersRelationship()
    {
        var episode = await OpenEpisodeAsync();
        var proposed = await _w.Paths().ProposeWorkerAsync(PathWorld.As(_w.Nurse), episode.Id, _w.Nurse.Id, episode.Version, Ct);
        var owned = await _w.Paths().AnswerWorkerRoleAsync(PathWorld.As(_w.Nurse), episode.Id, true, proposed.Value!.Version, Ct);
        Assert.Equal(_w.Nurse.Id, owned.Value!.ResponsibleWorkerId);
        var handover = await ReferToNgoAsync(episode, ReferralKind.Handover);
        _w.Clock.Advance(TimeSpan.FromDays(1));

        var accepted = await _w.Paths().ActAsync(PathWorld.As(_w.FamilyWorker), handover.Id, ReferralAction.Accept, handover.Version, ct: Ct);

        Assert.Null(accepted.Error);
        var stored = await _w.Db.Episodes.AsNoTracking().SingleAsync(Ct);
        Assert.Equal((_w.FamilyWorker.Id, _w.Ngo.Id), (stored.ResponsibleWorkerId!.Value, stored.OrganisationId));
        var owners = await _w.Db.CareRelationships.AsNoTracking().Where(r => r.Basis == CareBasis.ResponsibleWorker).ToListAsync(Ct);
        var now = _w.Clock.GetUtcNow().UtcDateTime;
        Assert.Equal([_w.FamilyWorker.Id], owners.Where(r => r.IsActiveAt(now)).Select(r => r.ProfessionalId));
        Assert.Equal([_w.Nurse.Id], owners.Where(r => !r.IsActiveAt(now)).Select(r => r.ProfessionalId));
    }

    [Fact]
    public async Task ProposedWorker_WithoutOtherRelationship_CanAcceptTheRole_AndThenSeesTheClient()
    {
        var episode = await OpenEpisodeAsync();
        var proposed = await _w.Paths().ProposeWorkerAsync(PathWorld.As(_w.Nurse), episode.Id, _w.SocialWorker.Id, episode.Version, Ct);
        Assert.False((await DecideAsync(_w.SocialWorker)).Allowed);
        Assert.Single(await _w.Paths().ProposedToAsync(PathWorld.As(_w.SocialWorker), Ct));

        var accepted = await _w.Paths().AnswerWorkerRoleAsync(PathWorld.As(_w.SocialWorker), episode.Id, true, proposed.Value!.Version, Ct);

        Assert.Equal(_w.SocialWorker.Id, accepted.Value!.ResponsibleWorkerId);
        Assert.Equal(AuditPurpose.CareRelationship, (await DecideAsync(_w.SocialWorker)).Purpose);
    }

    [Fact]
    public async Task SomeoneElse_CannotAcceptAnotherProfessionalsRole()
    {
        var episode = await OpenEpisodeAsync();
        var proposed = await _w.Paths().ProposeWorkerAsync(PathWorld.As(_w.Nurse), episode.Id, _w.SocialWorker.Id, episode.Version, Ct);

        var refused = await _w.Paths().AnswerWorkerRoleAsync(PathWorld.As(_w.Nurse), episode.Id, true, proposed.Value!.Version, Ct);

        Assert.Equal(PathError.NotProposed, refused.Error);
    }

    [Fact]
    public async Task TeamMembership_AndTouchpoints_AreCareRelationships()
    {
        var episode = await OpenEpisodeAsync();

        await _w.Paths().AddTeamMemberAsync(PathWorld.As(_w.Nurse), episode.Id, _w.Deacon.Id, episode.Version, Ct);
        Assert.Equal(AuditPurpose.CareRelationship, (await DecideAsync(_w.Deacon)).Purpose);
        var touchpoint = await _w.Paths().RecordTouchpointAsync(
            PathWorld.As(_w.Deacon), _w.Mother.Id, new TouchpointInput(episode.Id, _w.Clock.GetUtcNow().UtcDateTime, null, ChannelKind.ServiceLocation, 4, "Vertaisryhmä"), Ct);

        Assert.Equal((4, _w.Parish.Id), (touchpoint.Value!.Rating!.Value, touchpoint.Value.OrganisationId));
        var bases = await _w.Db.CareRelationships.Where(r => r.ProfessionalId == _w.Deacon.Id).Select(r => r.Basis).ToListAsync(Ct);
        Assert.Equal([CareBasis.Touchpoint, CareBasis.Team], bases.Order());
    }

    [Fact]
    public async Task ProfessionalWithoutRelationship_CannotRecordOrRefer_AndTheAttemptIsAudited()
    {
        var episode = await OpenEpisodeAsync();

        var touchpoint = await _w.Paths().RecordTouchpointAsync(
            PathWorld.As(_w.Deacon), _w.Mother.Id, new TouchpointInput(episode.Id, DateTime.UtcNow, null, ChannelKind.Phone, null, null), Ct);
        var referral = await _w.Paths().RequestReferralAsync(
            PathWorld.As(_w.Deacon), _w.Mother.Id, new ReferralInput(episode.Id, ReferralKind.Referral, _w.Ngo.Id, null, null, "x", true, null), Ct);

        Assert.Equal((PathError.Denied, PathError.Denied), (touchpoint.Error!.Value, referral.Error!.Value));
        Assert.Equal(2, await _w.Db.AuditEntries.CountAsync(e => e.Action == AuditAction.Denied, Ct));
        Assert.Equal(PathError.ProfessionalOnly, (await _w.Paths().OpenEpisodeAsync(_w.AsMother(), _w.Mother.Id, "x", null, Ct)).Error);
    }

    [Fact]
    public async Task ClientSeesOwnPath()
    {
        var episode = await OpenEpisodeAsync();
        await ReferToNgoAsync(episode);

        var path = await _w.Paths().PathAsync(_w.AsMother(), _w.Mother.Id, Ct);

        Assert.Equal(AuditPurpose.OwnData, path.Value!.Purpose);
        Assert.Single(path.Value.Referrals);
        Assert.Equal("Perhetuki ry", path.Value.OrganisationName(_w.Ngo.Id, "fi"));
    }
}
