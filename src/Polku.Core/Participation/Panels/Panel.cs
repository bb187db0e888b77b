namespace Polku.Core.Participation.Panels;

/// <summary>The phases of a customer panel, in order; a panel only moves forward.</summary>
public enum PanelPhase
{
    /// <summary>Signed-in residents volunteer with an optional background.</summary>
    Registration,

    /// <summary>The candidate list is public under pseudonymous numbers; nobody can join any more.</summary>
    CandidatesPublished,

    /// <summary>The draw has been made with the published seed; the members are known.</summary>
    Drawn,
}

/// <summary>The background question a panel stratifies by; the volunteer's answer to it is their stratum.</summary>
public enum PanelDimension
{
    AgeGroup,
    Area,
    Language,
    LifeSituation,
}

/// <summary>
/// A customer panel (SPEC §3.4): a unit's panel with a purpose and a size, the seats per stratum, the volunteers and,
/// after the draw, its members, meetings and proposals. The seed is published as decimal digits (an unsigned 64-bit
/// number) and stored as text so every provider keeps it exactly.
/// </summary>
public class Panel
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public int OrganisationId { get; set; }
    public required string Purpose { get; set; }
    public int Size { get; set; }
    public PanelDimension StratifyBy { get; set; }
    public PanelPhase Phase { get; private set; }
    public string? Seed { get; private set; }
    public DateTime CreatedAt { get; init; }

    /// <summary>UTC instant the candidate list was published.</summary>
    public DateTime? CandidatesPublishedAt { get; private set; }

    /// <summary>UTC instant of the draw.</summary>
    public DateTime? DrawnAt { get; private set; }

    public List<PanelQuota> Quotas { get; } = [];
    public List<PanelVolunteer> Volunteers { get; } = [];
    public List<PanelMeeting> Meetings { get; } = [];
    public List<PanelProposal> Proposals { get; } = [];

    /// <summary>Closes registration and numbers the volunteers (001, 002, … in registration order).</summary>
    public bool PublishCandidates(DateTime at)
    {
        if (Phase != PanelPhase.Registration)
        {
            return false;
        }

        var width = Math.Max(3, Volunteers.Count.ToString(System.Globalization.CultureInfo.InvariantCulture).Length);
        var number = 0;
        foreach (var volunteer in Volunteers.OrderBy(v => v.RegisteredAt).ThenBy(v => v.Id))
        {
            number++;
            volunteer.Number = number.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(width, '0');
        }

        Phase = PanelPhase.CandidatesPublished;
        CandidatesPublishedAt = at;
        return true;
    }

    /// <summary>The public candidate list: numbers and strata, never who the volunteers are.</summary>
    public IReadOnlyList<DrawCandidate> Candidates() =>
        [.. Volunteers.Where(v => v.Number is not null).Select(v => new DrawCandidate(v.Number!, v.Stratum(StratifyBy))).OrderBy(c => c.Number, StringComparer.Ordinal)];

    public IReadOnlyList<StratumQuota> StratumQuotas() => [.. Quotas.Select(q => new StratumQuota(q.Stratum, q.Seats))];

    /// <summary>Makes the draw with the published seed; on a shortfall nothing changes and the result names the strata.</summary>
    public DrawResult? Draw(ulong seed, DateTime at)
    {
        if (Phase != PanelPhase.CandidatesPublished)
        {
            return null;
        }

        var result = StratifiedDraw.Draw(Candidates(), StratumQuotas(), seed);
        if (!result.Succeeded)
        {
            return result;
        }

        var chosen = result.Chosen.ToHashSet(StringComparer.Ordinal);
        foreach (var volunteer in Volunteers)
        {
            volunteer.IsMember = volunteer.Number is not null && chosen.Contains(volunteer.Number);
        }

        Seed = seed.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Phase = PanelPhase.Drawn;
        DrawnAt = at;
        return result;
    }

    /// <summary>The draw repeated from the stored list, quotas and seed: the public protocol (null before the draw).</summary>
    public DrawResult? Protocol() =>
        Phase == PanelPhase.Drawn && StratifiedDraw.ParseSeed(Seed) is { } seed ? StratifiedDraw.Draw(Candidates(), StratumQuotas(), seed) : null;
}

/// <summary>Seats for one stratum (a value of the panel's <see cref="Panel.StratifyBy"/> question).</summary>
public class PanelQuota
{
    public int PanelId { get; set; }
    public required string Stratum { get; set; }
    public int Seats { get; set; }
}

/// <summary>
/// A resident who volunteered. Each background answer is optional; null means "prefer not to say", and such a
/// volunteer is in the stratum <see cref="Undisclosed"/> for that question.
/// </summary>
public class PanelVolunteer
{
    public const string Undisclosed = "undisclosed";

    public int Id { get; set; }
    public int PanelId { get; set; }
    public required string UserId { get; set; }

    /// <summary>The pseudonymous public candidate number, given when the list is published.</summary>
    public string? Number { get; set; }

    public string? AgeGroup { get; set; }
    public string? Area { get; set; }
    public string? Language { get; set; }
    public string? LifeSituation { get; set; }
    public DateTime RegisteredAt { get; init; }
    public bool IsMember { get; set; }
    public bool Invited { get; set; }

    public string Stratum(PanelDimension dimension) =>
        (dimension switch
        {
            PanelDimension.AgeGroup => AgeGroup,
            PanelDimension.Area => Area,
            PanelDimension.Language => Language,
            _ => LifeSituation,
        }) ?? Undisclosed;
}

public class PanelMeeting
{
    public int Id { get; set; }
    public int PanelId { get; set; }
    public DateOnly Date { get; set; }
    public required string Agenda { get; set; }
    public string? Minutes { get; set; }
}

/// <summary>A proposal the panel made to the organisation, with the organisation's answer once given.</summary>
public class PanelProposal
{
    public int Id { get; set; }
    public int PanelId { get; set; }
    public required string Title { get; set; }
    public required string Text { get; set; }
    public DateOnly MadeOn { get; set; }
    public string? Answer { get; set; }
    public DateOnly? AnsweredOn { get; set; }
}
