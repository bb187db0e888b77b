using Microsoft.EntityFrameworkCore;
using Polku.Core.Data;

namespace Polku.Core.Segmentation;

/// <summary>
/// The services that <see cref="ServiceRecommender"/> ranks: every service of the catalogue (SPEC §3.1) with its
/// customerships, service level, target groups, areas, languages and channel kinds, as plain values.
/// </summary>
public sealed class ServiceCandidates(PolkuDb db)
{
    public async Task<IReadOnlyList<ServiceCandidate>> ForAsync(RecommendationContext context, CancellationToken ct = default)
    {
        _ = context;
        var services = await db.Services.AsNoTracking()
            .Include(s => s.Channels)
            .AsSplitQuery()
            .ToListAsync(ct);
        return services
            .Select(s => new ServiceCandidate(
                s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                s.Name,
                s.Customerships.ToHashSet(),
                s.Level,
                s.TargetGroups,
                s.Areas,
                s.Languages,
                s.Channels.Select(c => c.Kind).Distinct().ToList()))
            .ToList();
    }
}
