using System.Text.Json;
using System.Text.Json.Serialization;
using Polku.Core.Catalogue;
using Polku.Core.Segmentation;

namespace Polku.Core.Plans;

/// <summary>A suggested goal: a starting point for the words of a plan, never a form the client must fit.</summary>
public sealed record GoalTemplate(string Key, IReadOnlyList<Customership> Customerships, LocalisedText Title)
{
    /// <summary>Suggested for every customership when <see cref="Customerships"/> is empty.</summary>
    public bool SuitsFor(Customership? customership) =>
        Customerships.Count == 0 || (customership is { } c && Customerships.Contains(c));
}

/// <summary>
/// The goal templates per customership, as versioned configuration data (embedded <c>goal-templates.json</c>), seeded
/// from the goals the family-centre material names; with the five Goal Attainment Scaling level names to start a
/// goal's scale from.
/// </summary>
public sealed class GoalTemplates
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static GoalTemplates Default { get; } = Load();

    public required int Version { get; init; }
    public required IReadOnlyList<GoalTemplate> All { get; init; }

    /// <summary>The five level names (−2…+2) in a language (fi, sv, en; Finnish otherwise).</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> Levels { get; init; }

    public IReadOnlyList<string> LevelsIn(string language) => Levels.TryGetValue(language, out var levels) ? levels : Levels["fi"];

    /// <summary>The templates that suit a customership: the customership's own first, then the universal ones.</summary>
    public IEnumerable<GoalTemplate> For(Customership? customership) =>
        All.Where(t => t.SuitsFor(customership)).OrderBy(t => t.Customerships.Count == 0 ? 1 : 0);

    public GoalTemplate? Find(string? key) => All.FirstOrDefault(t => t.Key == key);

    public static GoalTemplates Parse(string json)
    {
        var document = JsonSerializer.Deserialize<Document>(json, Json) ?? throw new FormatException("The goal templates are empty.");
        foreach (var (language, levels) in document.Levels)
        {
            if (levels.Count != GoalAttainment.LevelCount)
            {
                throw new FormatException($"The goal templates' levels in {language} are not five.");
            }
        }

        if (!document.Levels.ContainsKey("fi"))
        {
            throw new FormatException("The goal templates' levels have no Finnish.");
        }

        var templates = document.Templates.Select(t => new GoalTemplate(t.Key, t.Customerships, new LocalisedText(t.Fi, t.Sv, t.En))).ToList();
        if (templates.Select(t => t.Key).Distinct(StringComparer.Ordinal).Count() != templates.Count)
        {
            throw new FormatException("Goal template keys repeat.");
        }

        return new GoalTemplates
        {
            Version = document.Version,
            All = templates,
            Levels = document.Levels.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value),
        };
    }

    private static GoalTemplates Load()
    {
        using var stream = typeof(GoalTemplates).Assembly.GetManifestResourceStream("Polku.Core.Plans.goal-templates.json")
            ?? throw new InvalidOperationException("The goal templates resource is missing from Polku.Core.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    /// <summary>The set as the JSON document it was read from (the stored form of a county's version).</summary>
    public string ToJson() => JsonSerializer.Serialize(
        new Document(Version, Levels.ToDictionary(kv => kv.Key, kv => kv.Value.ToList()),
            [.. All.Select(t => new TemplateRow(t.Key, [.. t.Customerships], t.Title.Fi, t.Title.Sv, t.Title.En))]),
        Json);

    /// <summary>A new version with other templates and the same level names.</summary>
    public GoalTemplates With(int version, IReadOnlyList<GoalTemplate> templates) => new() { Version = version, All = templates, Levels = Levels };

    private sealed record Document(int Version, Dictionary<string, List<string>> Levels, List<TemplateRow> Templates);

    private sealed record TemplateRow(string Key, List<Customership> Customerships, string Fi, string? Sv, string? En);
}
