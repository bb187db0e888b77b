using Microsoft.EntityFrameworkCore;
using Polku.Core.Catalogue;
using Polku.Core.Data;

namespace Polku.Core.Assistant;

/// <summary>
/// The life-situation meter's advice (SPEC §3.8): a resident's answers in, ranked services out. Holds the rule that an
/// unanswered dimension counts as fine (10), and keeps the services' need profiles between requests until the
/// catalogue changes (the same stamp as the search index), so a meter answer does not load every service.
/// </summary>
public sealed class LifeSituationAdvice : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (string Version, IReadOnlyList<RankableService> Services)? _profiles;

    public void Dispose() => _gate.Dispose();

    /// <summary>The meter from answers by dimension index: unanswered counts as 10, everything is kept within 0–10.</summary>
    public static LifeVector Meter(IReadOnlyDictionary<int, int?> answers) =>
        new([.. Enumerable.Range(0, LifeVector.Count).Select(i => Math.Clamp(answers.GetValueOrDefault(i) ?? 10, 0, 10))]);

    public async Task<List<Recommendation>> RecommendAsync(PolkuDb db, IReadOnlyDictionary<int, int?> answers, RankingFilter filter, CancellationToken ct = default) =>
        LifeSituationRanking.Rank(Meter(answers), await ProfilesAsync(db, ct), filter);

    private async Task<IReadOnlyList<RankableService>> ProfilesAsync(PolkuDb db, CancellationToken ct)
    {
        var version = await CatalogueSearch.VersionAsync(db, ct);
        if (_profiles is { } known && known.Version == version)
        {
            return known.Services;
        }

        await _gate.WaitAsync(ct);
        try
        {
            if (_profiles is { } again && again.Version == version)
            {
                return again.Services;
            }

            var services = await db.Services.AsNoTracking().Include(s => s.Channels).ToListAsync(ct);
            IReadOnlyList<RankableService> profiles = [.. services.Select(NeedProfiles.Rankable)];
            _profiles = (version, profiles);
            return profiles;
        }
        finally
        {
            _gate.Release();
        }
    }
}
