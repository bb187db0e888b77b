namespace Polku.Core.Segmentation;

/// <summary>
/// The source of services that <see cref="ServiceRecommender"/> ranks. The service catalogue capability (SPEC §3.1)
/// supplies the candidates: its services with their customerships, service level, target groups, areas, languages
/// and channel kinds. Until the catalogue is connected here this source has no services, and the result page says
/// so plainly instead of showing anything made up.
/// </summary>
public sealed class ServiceCandidates
{
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "An injected query class; the catalogue connection will use instance data.")]
    public Task<IReadOnlyList<ServiceCandidate>> ForAsync(RecommendationContext context, CancellationToken ct = default)
    {
        _ = context;
        ct.ThrowIfCancellationRequested();
        return Task.FromResult<IReadOnlyList<ServiceCandidate>>([]);
    }
}
