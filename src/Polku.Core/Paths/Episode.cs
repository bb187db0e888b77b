using Polku.Core.Segmentation;

namespace Polku.Core.Paths;

/// <summary>
/// An episode of care (palvelujakso) of one client: the path the network walks with the client for one need.
/// It has touchpoints, referrals and handovers, a care team, and — for network customerships — a named responsible
/// worker who has accepted the role explicitly ("ottaa kopin").
/// </summary>
public class Episode
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ClientId { get; init; }

    /// <summary>The organisation that opened the episode and leads it until a handover is accepted.</summary>
    public int OrganisationId { get; set; }
    public required string Title { get; set; }

    /// <summary>The customership the path is planned for (from the client's confirmed assessment when known).</summary>
    public Customership? Customership { get; set; }

    /// <summary>UTC instant the episode opened.</summary>
    public DateTime StartedAt { get; init; }

    /// <summary>UTC instant the episode closed; null while open.</summary>
    public DateTime? EndedAt { get; private set; }

    /// <summary>The professional asked to be the responsible worker, until they accept.</summary>
    public int? ProposedWorkerId { get; private set; }

    /// <summary>The named responsible worker, once they have accepted the role.</summary>
    public int? ResponsibleWorkerId { get; private set; }

    /// <summary>UTC instant the responsible worker accepted the role.</summary>
    public DateTime? ResponsibleWorkerSince { get; private set; }

    /// <summary>Optimistic concurrency token: incremented by every change of the episode.</summary>
    public int Version { get; private set; }

    public List<TeamMember> Team { get; } = [];

    /// <summary>What happened to the episode itself (customership changes, team changes, closing), oldest first when ordered by time.</summary>
    public List<EpisodeEvent> History { get; } = [];

    public bool IsOpen => EndedAt is null;

    /// <summary>Network customerships must have an accepted responsible worker.</summary>
    public bool NeedsOwner => IsOpen && Customership == Segmentation.Customership.Network && ResponsibleWorkerId is null;

    /// <summary>Asks a professional to take the responsible worker's role; nothing changes until they accept.</summary>
    public PathError? ProposeWorker(int professionalId)
    {
        if (!IsOpen)
        {
            return PathError.EpisodeClosed;
        }

        if (professionalId == ResponsibleWorkerId)
        {
            return PathError.InvalidTransition;
        }

        ProposedWorkerId = professionalId;
        Version++;
        return null;
    }

    /// <summary>The proposed professional accepts the role; the earlier responsible worker, if any, is replaced.</summary>
    public PathError? AcceptWorkerRole(int professionalId, DateTime atUtc)
    {
        if (!IsOpen)
        {
            return PathError.EpisodeClosed;
        }

        if (ProposedWorkerId != professionalId)
        {
            return PathError.NotProposed;
        }

        TakeOwnership(professionalId, atUtc);
        return null;
    }

    /// <summary>The proposed professional declines the role.</summary>
    public PathError? DeclineWorkerRole(int professionalId)
    {
        if (ProposedWorkerId != professionalId)
        {
            return PathError.NotProposed;
        }

        ProposedWorkerId = null;
        Version++;
        return null;
    }

    /// <summary>Ownership moves to a professional who has accepted it (the role or a handover).</summary>
    internal void TakeOwnership(int professionalId, DateTime atUtc)
    {
        ResponsibleWorkerId = professionalId;
        ResponsibleWorkerSince = atUtc;
        ProposedWorkerId = null;
        Version++;
    }

    /// <summary>
    /// Closes the episode: the care team's memberships end at the same instant. The caller refuses first when referrals
    /// of the episode still wait for an answer (see <see cref="ClientPaths.CloseEpisodeAsync"/>).
    /// </summary>
    public PathError? Close(DateTime atUtc, int? byProfessionalId = null, string? reason = null)
    {
        if (!IsOpen)
        {
            return PathError.EpisodeClosed;
        }

        EndedAt = atUtc;
        foreach (var member in Team.Where(t => t.Until is null))
        {
            member.Until = atUtc;
        }

        History.Add(new EpisodeEvent
        {
            EpisodeId = Id,
            At = atUtc,
            Kind = EpisodeEventKind.Closed,
            ProfessionalId = byProfessionalId,
            Note = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(),
        });
        Version++;
        return null;
    }

    /// <summary>
    /// The one rule for a reassessment: an open episode takes the customership of the client's newly confirmed
    /// assessment and records when and why. EXIT does not close the episode — ending care is a professional's
    /// decision with its own checks (pending referrals) — but the episode then carries EXIT, so it no longer needs an
    /// owner and the worker sees that it can be closed. Returns false (and changes nothing) when closed or unchanged.
    /// </summary>
    public bool FollowAssessment(Customership confirmed, Guid assessmentId, int byProfessionalId, DateTime atUtc)
    {
        if (!IsOpen || Customership == confirmed)
        {
            return false;
        }

        History.Add(new EpisodeEvent
        {
            EpisodeId = Id,
            At = atUtc,
            Kind = EpisodeEventKind.CustomershipChanged,
            ProfessionalId = byProfessionalId,
            FromCustomership = Customership,
            ToCustomership = confirmed,
            AssessmentId = assessmentId,
        });
        Customership = confirmed;
        Version++;
        return true;
    }

    /// <summary>Adds a professional to the care team; refused when closed or when they already are a member.</summary>
    public PathError? AddTeamMember(int professionalId, int byProfessionalId, DateTime atUtc)
    {
        if (!IsOpen)
        {
            return PathError.EpisodeClosed;
        }

        if (Team.Any(t => t.ProfessionalId == professionalId && t.Until is null))
        {
            return PathError.AlreadyMember;
        }

        Team.Add(new TeamMember { EpisodeId = Id, ProfessionalId = professionalId, Since = atUtc });
        History.Add(new EpisodeEvent { EpisodeId = Id, At = atUtc, Kind = EpisodeEventKind.TeamMemberAdded, ProfessionalId = byProfessionalId, MemberProfessionalId = professionalId });
        Version++;
        return null;
    }

    /// <summary>Ends a current membership of the care team; the member's row stays with its dates.</summary>
    public PathError? RemoveTeamMember(int memberId, int byProfessionalId, DateTime atUtc)
    {
        if (!IsOpen)
        {
            return PathError.EpisodeClosed;
        }

        if (Team.FirstOrDefault(t => t.Id == memberId && t.Until is null) is not { } member)
        {
            return PathError.NotFound;
        }

        member.Until = atUtc;
        History.Add(new EpisodeEvent { EpisodeId = Id, At = atUtc, Kind = EpisodeEventKind.TeamMemberRemoved, ProfessionalId = byProfessionalId, MemberProfessionalId = member.ProfessionalId });
        Version++;
        return null;
    }
}

/// <summary>A professional in the client's care team of one episode, from <see cref="Since"/> until <see cref="Until"/> (exclusive).</summary>
public class TeamMember
{
    public int Id { get; set; }
    public Guid EpisodeId { get; init; }
    public int ProfessionalId { get; init; }

    /// <summary>UTC instant the professional joined.</summary>
    public DateTime Since { get; init; }

    /// <summary>UTC instant the professional left; null while a member.</summary>
    public DateTime? Until { get; set; }
}

/// <summary>What happened to an episode.</summary>
public enum EpisodeEventKind
{
    /// <summary>A confirmed (re)assessment changed the episode's customership.</summary>
    CustomershipChanged,
    TeamMemberAdded,
    TeamMemberRemoved,
    Closed,
}

/// <summary>
/// One entry of an episode's history, so the worker sees when and why the path changed. Written only by
/// <see cref="Episode"/>'s methods; never changed afterwards.
/// </summary>
public class EpisodeEvent
{
    public long Id { get; set; }
    public Guid EpisodeId { get; init; }

    /// <summary>UTC instant of the change.</summary>
    public DateTime At { get; init; }
    public EpisodeEventKind Kind { get; init; }

    /// <summary>The professional who made the change (who confirmed the assessment, added or removed, closed).</summary>
    public int? ProfessionalId { get; init; }

    /// <summary>The team member added or removed.</summary>
    public int? MemberProfessionalId { get; init; }
    public Customership? FromCustomership { get; init; }
    public Customership? ToCustomership { get; init; }

    /// <summary>The confirmed assessment that changed the customership.</summary>
    public Guid? AssessmentId { get; init; }

    /// <summary>Free text, e.g. the reason for closing.</summary>
    public string? Note { get; init; }
}
