using System.Text.Json;
using System.Text.Json.Serialization;
using Polku.Core.Catalogue;
using Customership = Polku.Core.Segmentation.Customership;

namespace Polku.Core.Paths;

/// <summary>One step of a reference path: a kind of service (its level), reached within <see cref="Days"/> of the previous step.</summary>
public sealed record ReferenceStep(string Key, ServiceLevel Level, int Days, string NameFi, string? NameSv, string? NameEn)
{
    public LocalisedText Name => new(NameFi, NameSv, NameEn);
}

/// <summary>What a good path looks like for one customership: the kinds of services in order with typical durations.</summary>
public sealed record ReferencePath(Customership Customership, List<ReferenceStep> Steps);

/// <summary>How one step of the reference went for a client: when it was due, when (if) it was reached, and the difference.</summary>
public sealed record StepDeviation(ReferenceStep Step, DateTime DueAt, DateTime? ReachedAt, Touchpoint? By)
{
    /// <summary>Whole days late (positive) or early (negative); null when not reached.</summary>
    public int? DaysLate => ReachedAt is { } reached ? (int)Math.Floor((reached - DueAt).TotalDays) : null;

    public bool IsOverdue(DateTime nowUtc) => ReachedAt is null ? nowUtc > DueAt : ReachedAt > DueAt;
}

/// <summary>
/// The reference paths per customership, as configuration data (embedded <c>reference-paths.json</c>; a county can
/// load its own with <see cref="Parse"/>), and the pure comparison of a client's path with them.
/// </summary>
public sealed class ReferencePaths(IReadOnlyList<ReferencePath> paths)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public IReadOnlyList<ReferencePath> Paths { get; } = paths;

    public static ReferencePaths Default { get; } = LoadDefault();

    public ReferencePath? For(Customership? customership) => Paths.FirstOrDefault(p => p.Customership == customership);

    public static ReferencePaths Parse(string json)
    {
        var document = JsonSerializer.Deserialize<Document>(json, Json) ?? throw new FormatException("Empty reference paths.");
        foreach (var step in document.Paths.SelectMany(p => p.Steps))
        {
            if (step.Days <= 0 || string.IsNullOrWhiteSpace(step.Key) || string.IsNullOrWhiteSpace(step.NameFi))
            {
                throw new FormatException($"Reference step '{step.Key}' needs a key, a Finnish name and a positive number of days.");
            }
        }

        return new ReferencePaths(document.Paths);
    }

    /// <summary>
    /// Walks the reference steps in order: a step is reached by the first touchpoint at or after the previous step
    /// whose service has the step's level; each step is due <see cref="ReferenceStep.Days"/> after the previous one
    /// was reached (or was due, if it never was).
    /// </summary>
    public static List<StepDeviation> Compare(ReferencePath reference, DateTime startedAt, IEnumerable<(Touchpoint Touchpoint, ServiceLevel? Level)> touchpoints)
    {
        var ordered = touchpoints.OrderBy(t => t.Touchpoint.At).ToList();
        var result = new List<StepDeviation>();
        var previous = startedAt;
        foreach (var step in reference.Steps)
        {
            var due = previous.AddDays(step.Days);
            var hit = ordered.FirstOrDefault(t => t.Level == step.Level && t.Touchpoint.At >= previous).Touchpoint;
            result.Add(new StepDeviation(step, due, hit?.At, hit));
            previous = hit?.At ?? due;
        }

        return result;
    }

    private static ReferencePaths LoadDefault()
    {
        using var stream = typeof(ReferencePaths).Assembly.GetManifestResourceStream("Polku.Core.Paths.reference-paths.json")
            ?? throw new InvalidOperationException("The reference paths resource is missing from Polku.Core.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    private sealed record Document(List<ReferencePath> Paths);
}
