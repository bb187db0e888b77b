using System.Text.Json;
using System.Text.Json.Serialization;
using Polku.Core.Catalogue;

namespace Polku.Core.Assistant;

/// <summary>A yes/no question of a situation; a yes to an urgent one shows the emergency numbers first.</summary>
public sealed record GuidedQuestion(string Key, LocalisedText Text, UrgencyKind? UrgentOnYes = null);

/// <summary>A common situation offered as a button: its questions, advice, self-care guidance and services (keys).</summary>
public sealed record GuidedSituation(
    string Key, LocalisedText Title, List<GuidedQuestion> Questions, LocalisedText Advice, LocalisedText SelfCare,
    List<string> Services, Dictionary<string, List<string>>? IfYes = null)
{
    /// <summary>The services to show for these yes answers: those the answers call for first, then the general ones.</summary>
    public List<string> ServicesFor(IEnumerable<string> yesAnswers) =>
        [.. yesAnswers.SelectMany(a => IfYes?.GetValueOrDefault(a) ?? []).Concat(Services).Distinct()];

    /// <summary>The danger a yes answer signals, or <see cref="UrgencyKind.None"/>.</summary>
    public UrgencyKind UrgencyOf(IEnumerable<string> yesAnswers) =>
        Questions.Where(q => q.UrgentOnYes is not null && yesAnswers.Contains(q.Key)).Select(q => q.UrgentOnYes!.Value).FirstOrDefault();
}

/// <summary>The guided situations, read once from the embedded <c>guidance.json</c> (data, in three languages).</summary>
public static class Guidance
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    private static readonly Lazy<List<GuidedSituation>> Loaded = new(Load);

    public static IReadOnlyList<GuidedSituation> Situations => Loaded.Value;

    public static GuidedSituation? Find(string? key) => Situations.FirstOrDefault(s => s.Key == key);

    private static List<GuidedSituation> Load()
    {
        using var stream = typeof(Guidance).Assembly.GetManifestResourceStream("Polku.Core.Assistant.guidance.json")
            ?? throw new InvalidOperationException("guidance.json is not embedded.");
        return JsonSerializer.Deserialize<Document>(stream, Options)!.Situations;
    }

    private sealed record Document(List<GuidedSituation> Situations);
}
