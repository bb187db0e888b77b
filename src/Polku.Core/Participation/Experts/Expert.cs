using Polku.Core.Catalogue;

namespace Polku.Core.Participation.Experts;

/// <summary>
/// An experience expert in the bank (SPEC §3.4): the areas of lived experience they speak about (codes such as
/// <c>child-welfare</c>), their training, languages (fi, sv, en, …) and the weekdays they are available.
/// </summary>
public class Expert
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public List<string> Areas { get; set; } = [];
    public required string Training { get; set; }
    public List<string> Languages { get; set; } = [];
    public Weekdays Available { get; set; }
    public bool Active { get; set; } = true;

    /// <summary>Whether the expert is generally available on the date's weekday.</summary>
    public bool IsAvailableOn(DateOnly date) => Available.HasFlag(WeekdaysExtensions.FromIsoDay(date.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)date.DayOfWeek));
}

/// <summary>
/// A unit's request for an experience expert ("a parent with experience of child welfare for a development
/// workshop"), and once booked, the expert and the fee agreed (euros).
/// </summary>
public class ExpertRequest
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public required string Description { get; set; }
    public required string Area { get; set; }
    public required string Language { get; set; }
    public DateOnly Date { get; set; }
    public DateTime CreatedAt { get; init; }
    public int? BookedExpertId { get; private set; }
    public decimal? Fee { get; private set; }
    public DateTime? BookedAt { get; private set; }

    public bool Booked => BookedExpertId is not null;

    public bool Book(int expertId, decimal fee, DateTime at)
    {
        if (Booked || fee < 0)
        {
            return false;
        }

        BookedExpertId = expertId;
        Fee = fee;
        BookedAt = at;
        return true;
    }
}

/// <summary>Matching experts to a request; pure, so the rule is testable without a database.</summary>
public static class ExpertMatching
{
    /// <summary>
    /// The active experts who have the request's experience area, speak its language, are available on its weekday
    /// and are not booked elsewhere that day (<paramref name="bookedThatDay"/>), ordered by name then id.
    /// </summary>
    public static IReadOnlyList<Expert> Match(IEnumerable<Expert> experts, ExpertRequest request, IReadOnlySet<int> bookedThatDay)
    {
        ArgumentNullException.ThrowIfNull(experts);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(bookedThatDay);
        return
        [
            .. experts
                .Where(e => e.Active
                    && e.Areas.Contains(request.Area, StringComparer.Ordinal)
                    && e.Languages.Contains(request.Language, StringComparer.Ordinal)
                    && e.IsAvailableOn(request.Date)
                    && !bookedThatDay.Contains(e.Id))
                .OrderBy(e => e.Name, StringComparer.Ordinal)
                .ThenBy(e => e.Id),
        ];
    }

    /// <summary>
    /// The active experts who have the request's experience area but do not match, each with what stands in the way,
    /// ordered by name then id: shown when nobody matches, to say what would widen the search.
    /// </summary>
    public static IReadOnlyList<ExpertNearMiss> NearMisses(IEnumerable<Expert> experts, ExpertRequest request, IReadOnlySet<int> bookedThatDay)
    {
        ArgumentNullException.ThrowIfNull(experts);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(bookedThatDay);
        return
        [
            .. experts
                .Where(e => e.Active && e.Areas.Contains(request.Area, StringComparer.Ordinal))
                .Select(e => new ExpertNearMiss(
                    e,
                    !e.Languages.Contains(request.Language, StringComparer.Ordinal),
                    !e.IsAvailableOn(request.Date),
                    bookedThatDay.Contains(e.Id)))
                .Where(m => m.OtherLanguage || m.OtherWeekday || m.BookedThatDay)
                .OrderBy(m => m.Expert.Name, StringComparer.Ordinal)
                .ThenBy(m => m.Expert.Id),
        ];
    }
}

/// <summary>An expert with the right experience area who does not match a request, and why.</summary>
/// <param name="Expert">The active expert who has the request's experience area.</param>
/// <param name="OtherLanguage">The expert does not speak the request's language.</param>
/// <param name="OtherWeekday">The expert is not available on the request's weekday.</param>
/// <param name="BookedThatDay">The expert is already booked for another request on the same date.</param>
public sealed record ExpertNearMiss(Expert Expert, bool OtherLanguage, bool OtherWeekday, bool BookedThatDay);
