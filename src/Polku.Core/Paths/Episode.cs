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

    public PathError? Close(DateTime atUtc)
    {
        if (!IsOpen)
        {
            return PathError.EpisodeClosed;
        }

        EndedAt = atUtc;
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
