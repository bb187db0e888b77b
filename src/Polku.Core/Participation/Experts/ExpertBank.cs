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
        var booked = await db.ExpertRequests
            .Where(r => r.Date == request.Date && r.BookedExpertId != null && r.Id != request.Id)
            .Select(r => r.BookedExpertId!.Value).ToListAsync(ct);
        var experts = await db.Experts.AsNoTracking().Where(e => e.Active).ToListAsync(ct);
        return ExpertMatching.Match(experts, request, booked.ToHashSet());
    }

    private static List<string> Codes(IEnumerable<string> values) =>
        [.. values.Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
