using Microsoft.EntityFrameworkCore;
using Polku.Core.Audit;
using Polku.Core.Catalogue;
using Polku.Core.Clients;
using Polku.Core.Data;
using Polku.Core.Identity;

namespace Polku.Core.Paths;

/// <summary>One client's whole path as a reader may see it: episodes with their teams, touchpoints and referrals.</summary>
public sealed record ClientPath(
    Client Client,
    AuditPurpose Purpose,
    List<Episode> Episodes,
    List<Touchpoint> Touchpoints,
    List<Referral> Referrals,
    IReadOnlyDictionary<int, Organisation> Organisations,
    IReadOnlyDictionary<int, Professional> Professionals,
    IReadOnlyDictionary<int, Service> Services)
{
    public string OrganisationName(int id, string language) => Organisations.TryGetValue(id, out var o) ? o.Name.In(language) : "–";

    public Professional? Professional(int? id) => id is { } i && Professionals.TryGetValue(i, out var p) ? p : null;
}

/// <summary>What to record about a touchpoint.</summary>
public sealed record TouchpointInput(Guid EpisodeId, DateTime AtUtc, int? ServiceId, ChannelKind Channel, int? Rating, string? Note);

/// <summary>What to ask in a referral or handover.</summary>
public sealed record ReferralInput(
    Guid EpisodeId, ReferralKind Kind, int ToOrganisationId, int? ToProfessionalId, int? ServiceId, string Reason, bool ClientConsented, string? OverrideReason);

/// <summary>A step of the referral workflow taken by a professional.</summary>
public enum ReferralAction
{
    Accept,
    Reject,
    Complete,
    Revoke,
}

/// <summary>
/// Commands and queries of client paths. Client data is reached only through <see cref="ClientAccess"/>, so every
/// read and change is audited; accepted referrals, touchpoints, team membership and the responsible worker's role
/// create the <see cref="CareRelationship"/> rows that give access — there is no second access mechanism.
/// </summary>
public sealed class ClientPaths(PolkuDb db, ClientAccess access, AuditLog audit, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The client's path, audited as a read.</summary>
    public Task<PathOutcome<ClientPath>> PathAsync(Actor actor, Guid clientId, CancellationToken ct = default) =>
        PathAsync(actor, clientId, AuditAction.Read, AuditResources.Path, ct);

    /// <summary>The client's path, audited with the given action and resource (e.g. an export).</summary>
    public async Task<PathOutcome<ClientPath>> PathAsync(Actor actor, Guid clientId, AuditAction action, string resource, CancellationToken ct = default)
    {
        var opening = await access.OpenAsync(actor, clientId, action, resource, ct);
        if (opening.Client is not { } client)
        {
            return NotOpened(opening);
        }

        return new PathOutcome<ClientPath>(await LoadAsync(client, opening.Purpose, ct));
    }

    private async Task<ClientPath> LoadAsync(Client client, AuditPurpose purpose, CancellationToken ct)
    {
        var episodes = await db.Episodes.AsNoTracking().Include(e => e.Team).Include(e => e.History)
            .Where(e => e.ClientId == client.Id).OrderBy(e => e.StartedAt).ToListAsync(ct);
        var touchpoints = await db.Touchpoints.AsNoTracking().Where(t => t.ClientId == client.Id).OrderBy(t => t.At).ToListAsync(ct);
        var referrals = await db.Referrals.AsNoTracking().Where(r => r.ClientId == client.Id).OrderBy(r => r.RequestedAt).ToListAsync(ct);

        var organisationIds = episodes.Select(e => e.OrganisationId)
            .Concat(touchpoints.Select(t => t.OrganisationId))
            .Concat(referrals.SelectMany(r => new[] { r.FromOrganisationId, r.ToOrganisationId }))
            .ToHashSet();
        var professionalIds = episodes.SelectMany(e => new[] { e.ResponsibleWorkerId, e.ProposedWorkerId }
                .Concat(e.Team.Select(t => (int?)t.ProfessionalId))
                .Concat(e.History.SelectMany(h => new[] { h.ProfessionalId, h.MemberProfessionalId })))
            .Concat(touchpoints.Select(t => (int?)t.ProfessionalId))
            .Concat(referrals.SelectMany(r => new[] { r.FromProfessionalId, r.ToProfessionalId, r.AnsweredByProfessionalId }))
            .OfType<int>().ToHashSet();
        var serviceIds = touchpoints.Select(t => t.ServiceId).Concat(referrals.Select(r => r.ServiceId)).OfType<int>().ToHashSet();

        var professionals = await db.Professionals.AsNoTracking().Where(p => professionalIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        organisationIds.UnionWith(professionals.Values.Select(p => p.OrganisationId));
        var organisations = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        var services = await db.Services.AsNoTracking().Where(s => serviceIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        return new ClientPath(client, purpose, episodes, touchpoints, referrals, organisations, professionals, services);
    }

    /// <summary>A professional opens a new episode, led by their organisation.</summary>
    public async Task<PathOutcome<Episode>> OpenEpisodeAsync(Actor actor, Guid clientId, string title, Segmentation.Customership? customership, CancellationToken ct = default)
    {
        if (!actor.DoesClientWork)
        {
            return PathError.ProfessionalOnly;
        }

        var opening = await access.OpenAsync(actor, clientId, AuditAction.Change, AuditResources.Path, ct);
        if (opening.Client is null)
        {
            return NotOpened(opening);
        }

        customership ??= await db.Assessments.AsNoTracking()
            .Where(a => a.ClientId == clientId && a.Outcome != null)
            .OrderByDescending(a => a.ConfirmedAt)
            .Select(a => a.Outcome)
            .FirstOrDefaultAsync(ct);
        var episode = new Episode
        {
            ClientId = clientId,
            OrganisationId = actor.OrganisationId!.Value,
            Title = title.Trim(),
            Customership = customership,
            StartedAt = Now,
        };
        db.Episodes.Add(episode);
        await db.SaveChangesAsync(ct);
        return new PathOutcome<Episode>(episode);
    }

    /// <summary>Records a touchpoint the acting professional had with the client; it gives them a care relationship.</summary>
    public async Task<PathOutcome<Touchpoint>> RecordTouchpointAsync(Actor actor, Guid clientId, TouchpointInput input, CancellationToken ct = default)
    {
        if (!actor.DoesClientWork)
        {
            return PathError.ProfessionalOnly;
        }

        var opening = await access.OpenAsync(actor, clientId, AuditAction.Change, AuditResources.Touchpoint, ct);
        if (opening.Client is null)
        {
            return NotOpened(opening);
        }

        var episode = await db.Episodes.FirstOrDefaultAsync(e => e.Id == input.EpisodeId && e.ClientId == clientId, ct);
        if (episode is null)
        {
            return PathError.NotFound;
        }

        if (!episode.IsOpen)
        {
            return PathError.EpisodeClosed;
        }

        // A contact that happened lies between the client's birth and today (Finnish time); anything else is a typing
        // slip (0001-01-01 would stretch the journey map over two thousand years).
        var day = DateOnly.FromDateTime(FinnishTime.ToLocal(input.AtUtc));
        if (day < opening.Client.BirthDate || day > FinnishTime.Today(clock))
        {
            return PathError.DateOutOfRange;
        }

        var touchpoint = new Touchpoint
        {
            EpisodeId = episode.Id,
            ClientId = clientId,
            At = input.AtUtc,
            OrganisationId = actor.OrganisationId!.Value,
            ServiceId = input.ServiceId,
            Channel = input.Channel,
            ProfessionalId = actor.ProfessionalId!.Value,
            Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim(),
        };
        if (input.Rating is { } rating && touchpoint.Rate(rating) is { } error)
        {
            return error;
        }

        db.Touchpoints.Add(touchpoint);
        await EnsureCareAsync(touchpoint.ProfessionalId, clientId, CareBasis.Touchpoint, ct);
        await db.SaveChangesAsync(ct);
        return new PathOutcome<Touchpoint>(touchpoint);
    }

    /// <summary>A professional who can see the client refers them (or hands the path over) to another organisation.</summary>
    public async Task<PathOutcome<Referral>> RequestReferralAsync(Actor actor, Guid clientId, ReferralInput input, CancellationToken ct = default)
    {
        if (!actor.DoesClientWork)
        {
            return PathError.ProfessionalOnly;
        }

        var opening = await access.OpenAsync(actor, clientId, AuditAction.Change, AuditResources.Referral, ct);
        if (opening.Client is null)
        {
            return NotOpened(opening);
        }

        var episode = await db.Episodes.FirstOrDefaultAsync(e => e.Id == input.EpisodeId && e.ClientId == clientId, ct);
        if (episode is null || !await db.Organisations.AnyAsync(o => o.Id == input.ToOrganisationId, ct))
        {
            return PathError.NotFound;
        }

        if (input.ToProfessionalId is { } to && !await db.Professionals.AnyAsync(p => p.Id == to && p.OrganisationId == input.ToOrganisationId, ct))
        {
            return PathError.NotFound;
        }

        var outcome = Referral.Request(
            episode, input.Kind, actor.OrganisationId!.Value, actor.ProfessionalId!.Value, input.ToOrganisationId, input.ToProfessionalId,
            input.ServiceId, input.Reason, input.ClientConsented, input.OverrideReason, Now);
        if (outcome.Value is { } referral)
        {
            db.Referrals.Add(referral);
            await db.SaveChangesAsync(ct);
        }

        return outcome;
    }

    /// <summary>
    /// Takes one step of the referral workflow. <paramref name="seenVersion"/> is the version the actor saw; if
    /// someone acted in between, nothing is saved and <see cref="PathError.Conflict"/> is returned.
    /// </summary>
    public async Task<PathOutcome<Referral>> ActAsync(
        Actor actor, Guid referralId, ReferralAction action, int seenVersion, string? reason = null, CancellationToken ct = default)
    {
        if (!actor.DoesClientWork)
        {
            return PathError.ProfessionalOnly;
        }

        var referral = await db.Referrals.FirstOrDefaultAsync(r => r.Id == referralId, ct);
        if (referral is null)
        {
            return PathError.NotFound;
        }

        var opening = await access.OpenToAnswerReferralAsync(actor, referral.ClientId, AuditResources.Referral, ct);
        if (opening.Client is null)
        {
            return NotOpened(opening);
        }

        if (referral.Version != seenVersion)
        {
            return PathError.Conflict;
        }

        var episode = await db.Episodes.FirstAsync(e => e.Id == referral.EpisodeId, ct);
        var organisationId = actor.OrganisationId!.Value;
        var professionalId = actor.ProfessionalId!.Value;
        var previousOwner = episode.ResponsibleWorkerId;
        var error = action switch
        {
            ReferralAction.Accept => referral.Accept(episode, organisationId, professionalId, Now),
            ReferralAction.Reject => referral.Reject(organisationId, professionalId, reason, Now),
            ReferralAction.Complete => referral.Complete(organisationId, professionalId, Now),
            ReferralAction.Revoke => referral.Revoke(organisationId, Now),
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        };
        if (error is not null)
        {
            return error.Value;
        }

        if (action == ReferralAction.Accept)
        {
            await EnsureCareAsync(professionalId, referral.ClientId, CareBasis.Referral, ct);
            if (referral.Kind == ReferralKind.Handover)
            {
                await HandOwnershipAsync(previousOwner, professionalId, referral.ClientId, ct);
            }
        }

        return await SaveAsync(referral, ct);
    }

    /// <summary>Asks a professional of the network to be the client's responsible worker; they must accept.</summary>
    public async Task<PathOutcome<Episode>> ProposeWorkerAsync(Actor actor, Guid episodeId, int professionalId, int seenVersion, CancellationToken ct = default)
    {
        var (episode, error) = await OpenEpisodeForChangeAsync(actor, episodeId, seenVersion, ct);
        if (episode is null)
        {
            return error!.Value;
        }

        if (!await db.Professionals.AnyAsync(p => p.Id == professionalId, ct))
        {
            return PathError.NotFound;
        }

        return episode.ProposeWorker(professionalId) is { } refused ? refused : await SaveAsync(episode, ct);
    }

    /// <summary>The proposed professional accepts ("ottaa kopin") or declines the responsible worker's role.</summary>
    public async Task<PathOutcome<Episode>> AnswerWorkerRoleAsync(Actor actor, Guid episodeId, bool accept, int seenVersion, CancellationToken ct = default)
    {
        var (episode, error) = await OpenEpisodeForChangeAsync(actor, episodeId, seenVersion, ct, proposedWorkerMayAnswer: true);
        if (episode is null)
        {
            return error!.Value;
        }

        var professionalId = actor.ProfessionalId!.Value;
        var previousOwner = episode.ResponsibleWorkerId;
        var refused = accept ? episode.AcceptWorkerRole(professionalId, Now) : episode.DeclineWorkerRole(professionalId);
        if (refused is not null)
        {
            return refused.Value;
        }

        if (accept)
        {
            await HandOwnershipAsync(previousOwner, professionalId, episode.ClientId, ct);
        }

        return await SaveAsync(episode, ct);
    }

    /// <summary>
    /// Adds a professional to the episode's care team; membership is a care relationship (basis
    /// <see cref="CareBasis.Team"/>) until they are removed or the episode closes.
    /// </summary>
    public async Task<PathOutcome<Episode>> AddTeamMemberAsync(Actor actor, Guid episodeId, int professionalId, int seenVersion, CancellationToken ct = default)
    {
        var (episode, error) = await OpenEpisodeForChangeAsync(actor, episodeId, seenVersion, ct);
        if (episode is null)
        {
            return error!.Value;
        }

        if (!await db.Professionals.AnyAsync(p => p.Id == professionalId, ct))
        {
            return PathError.NotFound;
        }

        if (episode.AddTeamMember(professionalId, actor.ProfessionalId!.Value, Now) is { } refused)
        {
            return refused;
        }

        await EnsureCareAsync(professionalId, episode.ClientId, CareBasis.Team, ct);
        return await SaveAsync(episode, ct);
    }

    /// <summary>Ends a team membership; the member's team-based care relationship ends unless another open episode of the client still has them.</summary>
    public async Task<PathOutcome<Episode>> RemoveTeamMemberAsync(Actor actor, Guid episodeId, int memberId, int seenVersion, CancellationToken ct = default)
    {
        var (episode, error) = await OpenEpisodeForChangeAsync(actor, episodeId, seenVersion, ct);
        if (episode is null)
        {
            return error!.Value;
        }

        var professionalId = episode.Team.FirstOrDefault(t => t.Id == memberId)?.ProfessionalId;
        if (episode.RemoveTeamMember(memberId, actor.ProfessionalId!.Value, Now) is { } refused)
        {
            return refused;
        }

        await EndTeamCareAsync(episode, [professionalId!.Value], ct);
        return await SaveAsync(episode, ct);
    }

    /// <summary>
    /// Closes an episode (optimistic concurrency like the other changes). Refused with
    /// <see cref="PathError.PendingReferrals"/> while referrals of the episode wait for an answer — the receiver has
    /// been promised an answer is awaited, so the sender revokes them (or they are answered) first. The care team's
    /// memberships and their team-based care relationships end; the responsible worker's relationship stays, as the
    /// worker answers for the path's follow-up.
    /// </summary>
    public async Task<PathOutcome<Episode>> CloseEpisodeAsync(Actor actor, Guid episodeId, int seenVersion, string? reason, CancellationToken ct = default)
    {
        var (episode, error) = await OpenEpisodeForChangeAsync(actor, episodeId, seenVersion, ct);
        if (episode is null)
        {
            return error!.Value;
        }

        if (!episode.IsOpen)
        {
            return PathError.EpisodeClosed;
        }

        if (await db.Referrals.AnyAsync(r => r.EpisodeId == episodeId && r.Status == ReferralStatus.Requested, ct))
        {
            return PathError.PendingReferrals;
        }

        var members = episode.Team.Where(t => t.Until is null).Select(t => t.ProfessionalId).ToList();
        if (episode.Close(Now, actor.ProfessionalId!.Value, reason) is { } refused)
        {
            return refused;
        }

        await EndTeamCareAsync(episode, members, ct);
        return await SaveAsync(episode, ct);
    }

    /// <summary>
    /// The client's open episodes take a newly confirmed customership (see <see cref="Episode.FollowAssessment"/>).
    /// Called by the confirmation of an assessment before it saves, so the confirmation and its effect on the path are
    /// one unit of work; nothing is saved here. Returns how many episodes changed.
    /// </summary>
    internal static async Task<int> FollowAssessmentAsync(
        PolkuDb db, Guid clientId, Segmentation.Customership confirmed, Guid assessmentId, int byProfessionalId, DateTime atUtc, CancellationToken ct)
    {
        var open = await db.Episodes.Where(e => e.ClientId == clientId && e.EndedAt == null).ToListAsync(ct);
        return open.Count(e => e.FollowAssessment(confirmed, assessmentId, byProfessionalId, atUtc));
    }

    /// <summary>The client a referral belongs to (an id only, no client data).</summary>
    public Task<Guid?> ClientOfReferralAsync(Guid referralId, CancellationToken ct = default) =>
        db.Referrals.Where(r => r.Id == referralId).Select(r => (Guid?)r.ClientId).FirstOrDefaultAsync(ct);

    /// <summary>The client an episode belongs to (an id only, no client data).</summary>
    public Task<Guid?> ClientOfEpisodeAsync(Guid episodeId, CancellationToken ct = default) =>
        db.Episodes.Where(e => e.Id == episodeId).Select(e => (Guid?)e.ClientId).FirstOrDefaultAsync(ct);

    /// <summary>Referrals addressed to the actor's organisation that wait for an answer, oldest first.</summary>
    public async Task<List<Referral>> InboxAsync(Actor actor, CancellationToken ct = default)
    {
        if (!actor.DoesClientWork || actor.OrganisationId is not { } organisationId)
        {
            return [];
        }

        var list = await db.Referrals.AsNoTracking()
            .Where(r => r.ToOrganisationId == organisationId && r.Status == ReferralStatus.Requested)
            .ToListAsync(ct);
        return [.. list.Where(r => r.ToProfessionalId is null || r.ToProfessionalId == actor.ProfessionalId).OrderBy(r => r.RequestedAt)];
    }

    /// <summary>Episodes in which the actor is asked to accept the responsible worker's role.</summary>
    public Task<List<Episode>> ProposedToAsync(Actor actor, CancellationToken ct = default) =>
        actor.ProfessionalId is { } id
            ? db.Episodes.AsNoTracking().Where(e => e.ProposedWorkerId == id && e.EndedAt == null).OrderBy(e => e.StartedAt).ToListAsync(ct)
            : Task.FromResult(new List<Episode>());

    private async Task<(Episode? Episode, PathError? Error)> OpenEpisodeForChangeAsync(
        Actor actor, Guid episodeId, int seenVersion, CancellationToken ct, bool proposedWorkerMayAnswer = false)
    {
        if (!actor.DoesClientWork)
        {
            return (null, PathError.ProfessionalOnly);
        }

        var episode = await db.Episodes.Include(e => e.Team).FirstOrDefaultAsync(e => e.Id == episodeId, ct);
        if (episode is null)
        {
            return (null, PathError.NotFound);
        }

        // The proposed worker may answer (accept or decline, nothing else) before having any other relationship with
        // the client; the answer is audited on those grounds, as a change stored with it.
        if (proposedWorkerMayAnswer && episode.ProposedWorkerId is { } proposed && proposed == actor.ProfessionalId)
        {
            audit.Add(actor, episode.ClientId, AuditAction.Change, AuditPurpose.WorkerProposal, AuditResources.Path);
        }
        else
        {
            var opening = await access.OpenAsync(actor, episode.ClientId, AuditAction.Change, AuditResources.Path, ct);
            if (opening.Client is null)
            {
                return (null, opening.IsDenied ? PathError.Denied : PathError.NotFound);
            }
        }

        return episode.Version != seenVersion ? (null, PathError.Conflict) : (episode, null);
    }

    /// <summary>Ends the team-based care relationships of these professionals unless another open episode of the client still has them in its team.</summary>
    private async Task EndTeamCareAsync(Episode episode, IReadOnlyCollection<int> professionalIds, CancellationToken ct)
    {
        var now = Now;
        var stillMembers = await db.TeamMembers
            .Where(t => professionalIds.Contains(t.ProfessionalId) && t.EpisodeId != episode.Id && t.Until == null)
            .Join(db.Episodes.Where(e => e.ClientId == episode.ClientId && e.EndedAt == null), t => t.EpisodeId, e => e.Id, (t, _) => t.ProfessionalId)
            .ToListAsync(ct);
        var ending = professionalIds.Except(stillMembers).ToList();
        var relationships = await db.CareRelationships
            .Where(r => ending.Contains(r.ProfessionalId) && r.ClientId == episode.ClientId && r.Basis == CareBasis.Team && r.Until == null)
            .ToListAsync(ct);
        relationships.ForEach(r => r.End(now));
    }

    private async Task HandOwnershipAsync(int? previousOwner, int newOwner, Guid clientId, CancellationToken ct)
    {
        if (previousOwner is { } previous && previous != newOwner)
        {
            var now = Now;
            var old = await db.CareRelationships
                .Where(r => r.ProfessionalId == previous && r.ClientId == clientId && r.Basis == CareBasis.ResponsibleWorker && r.Until == null)
                .ToListAsync(ct);
            old.ForEach(r => r.End(now));
        }

        await EnsureCareAsync(newOwner, clientId, CareBasis.ResponsibleWorker, ct);
    }

    private async Task EnsureCareAsync(int professionalId, Guid clientId, CareBasis basis, CancellationToken ct)
    {
        var now = Now;
        var active = await db.CareRelationships.Where(CareRelationship.ActiveAt(now))
            .AnyAsync(r => r.ProfessionalId == professionalId && r.ClientId == clientId && r.Basis == basis, ct);
        if (!active && !db.CareRelationships.Local.Any(r => r.ProfessionalId == professionalId && r.ClientId == clientId && r.Basis == basis && r.IsActiveAt(now)))
        {
            db.CareRelationships.Add(new CareRelationship { ProfessionalId = professionalId, ClientId = clientId, Basis = basis, Since = now });
        }
    }

    private async Task<PathOutcome<T>> SaveAsync<T>(T value, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return new PathOutcome<T>(value);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return PathError.Conflict;
        }
    }

    private static PathError NotOpened(ClientOpening opening) => opening.IsDenied ? PathError.Denied : PathError.NotFound;
}
