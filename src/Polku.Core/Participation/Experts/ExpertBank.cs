using Microsoft.EntityFrameworkCore;
using Polku.Core.Catalogue;
using Polku.Core.Data;

namespace Polku.Core.Participation.Experts;

/// <summary>Why an expert-bank action was refused; each has a text <c>Experts.Problem.{name}</c>.</summary>
public enum ExpertProblem
{
    NotFound,
    AlreadyBooked,

    /// <summary>The expert does not match the request (area, language, availability, or booked that day).</summary>
    NotAMatch,
    InvalidFee,
    Empty,
}

/// <summary>The experience-expert bank (SPEC §3.4): experts, requests from units, matching and booking with the fee.</summary>
public sealed class ExpertBank(PolkuDb db, TimeProvider clock)
{
    public Task<List<Expert>> ExpertsAsync(CancellationToken ct = default) =>
        db.Experts.AsNoTracking().OrderBy(e => e.Name).ThenBy(e => e.Id).ToListAsync(ct);

    public Task<List<ExpertRequest>> RequestsAsync(CancellationToken ct = default) =>
        db.ExpertRequests.AsNoTracking().OrderBy(r => r.Date).ThenBy(r => r.Id).ToListAsync(ct);

    public Task<ExpertRequest?> FindRequestAsync(int id, CancellationToken ct = default) =>
        db.ExpertRequests.SingleOrDefaultAsync(r => r.Id == id, ct);

    public Task<Expert?> FindExpertAsync(int id, CancellationToken ct = default) =>
        db.Experts.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, ct);

    public async Task<Expert> AddExpertAsync(
        string name, IEnumerable<string> areas, string training, IEnumerable<string> languages, Weekdays available, CancellationToken ct = default)
    {
        var expert = new Expert
        {
            Name = name.Trim(),
            Areas = Codes(areas),
            Training = training.Trim(),
            Languages = Codes(languages),
            Available = available,
        };
        db.Experts.Add(expert);
        await db.SaveChangesAsync(ct);
        return expert;
    }

    /// <summary>Changes an expert's details, codes normalised as when adding; <see cref="ExpertProblem.NotFound"/> for an unknown id.</summary>
    public async Task<ExpertProblem?> UpdateExpertAsync(
        int id, string name, IEnumerable<string> areas, string training, IEnumerable<string> languages, Weekdays available, bool active, CancellationToken ct = default)
    {
        if (await db.Experts.SingleOrDefaultAsync(e => e.Id == id, ct) is not { } expert)
        {
            return ExpertProblem.NotFound;
        }

        expert.Name = name.Trim();
        expert.Areas = Codes(areas);
        expert.Training = training.Trim();
        expert.Languages = Codes(languages);
        expert.Available = available;
        expert.Active = active;
        await db.SaveChangesAsync(ct);
        return null;
    }

    public async Task<ExpertRequest?> RequestAsync(int organisationId, string description, string area, string language, DateOnly date, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(description) || string.IsNullOrWhiteSpace(area) || string.IsNullOrWhiteSpace(language))
        {
            return null;
        }

        var request = new ExpertRequest
        {
            OrganisationId = organisationId,
            Description = description.Trim(),
            Area = area.Trim(),
            Language = language.Trim(),
            Date = date,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.ExpertRequests.Add(request);
        await db.SaveChangesAsync(ct);
        return request;
    }

    /// <summary>The experts who match the request (see <see cref="ExpertMatching.Match"/>); empty for an unknown request.</summary>
    public async Task<IReadOnlyList<Expert>> MatchesAsync(int requestId, CancellationToken ct = default)
    {
        var request = await db.ExpertRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == requestId, ct);
        return request is null ? [] : await MatchesAsync(request, ct);
    }

    /// <summary>For each open (not booked) request, how many experts match it now.</summary>
    public async Task<Dictionary<int, int>> OpenMatchCountsAsync(CancellationToken ct = default)
    {
        var requests = await db.ExpertRequests.AsNoTracking().ToListAsync(ct);
        var experts = await db.Experts.AsNoTracking().Where(e => e.Active).ToListAsync(ct);
        return requests.Where(r => !r.Booked).ToDictionary(
            r => r.Id,
            r => ExpertMatching.Match(experts, r, BookedThatDay(requests, r)).Count);
    }

    /// <summary>The experts with the request's area who do not match it, and why (see <see cref="ExpertMatching.NearMisses"/>).</summary>
    public async Task<IReadOnlyList<ExpertNearMiss>> NearMissesAsync(int requestId, CancellationToken ct = default)
    {
        var request = await db.ExpertRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == requestId, ct);
        if (request is null)
        {
            return [];
        }

        var sameDay = await db.ExpertRequests.AsNoTracking().Where(r => r.Date == request.Date).ToListAsync(ct);
        var experts = await db.Experts.AsNoTracking().Where(e => e.Active).ToListAsync(ct);
        return ExpertMatching.NearMisses(experts, request, BookedThatDay(sameDay, request));
    }

    public async Task<ExpertProblem?> BookAsync(int requestId, int expertId, decimal fee, CancellationToken ct = default)
    {
        var request = await FindRequestAsync(requestId, ct);
        if (request is null)
        {
            return ExpertProblem.NotFound;
        }

        if (request.Booked)
        {
            return ExpertProblem.AlreadyBooked;
        }

        if (fee < 0)
        {
            return ExpertProblem.InvalidFee;
        }

        if ((await MatchesAsync(request, ct)).All(e => e.Id != expertId))
        {
            return ExpertProblem.NotAMatch;
        }

        request.Book(expertId, fee, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return null;
    }

    private async Task<IReadOnlyList<Expert>> MatchesAsync(ExpertRequest request, CancellationToken ct)
    {
        var sameDay = await db.ExpertRequests.AsNoTracking().Where(r => r.Date == request.Date).ToListAsync(ct);
        var experts = await db.Experts.AsNoTracking().Where(e => e.Active).ToListAsync(ct);
        return ExpertMatching.Match(experts, request, BookedThatDay(sameDay, request));
    }

    /// <summary>The experts booked for other requests on the request's date.</summary>
    private static HashSet<int> BookedThatDay(IEnumerable<ExpertRequest> requests, ExpertRequest request) =>
        [.. requests.Where(r => r.Date == request.Date && r.Id != request.Id && r.BookedExpertId is not null).Select(r => r.BookedExpertId!.Value)];

    private static List<string> Codes(IEnumerable<string> values) =>
        [.. values.Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
