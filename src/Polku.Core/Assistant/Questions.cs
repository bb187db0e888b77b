using Microsoft.EntityFrameworkCore;
using Polku.Core.Catalogue;
using Polku.Core.Data;

namespace Polku.Core.Assistant;

/// <summary>The assistant's answer to a free-text question. <see cref="FitsWell"/> is false when nothing matched well enough.</summary>
public sealed record QuestionAnswer(UrgencyKind Urgency, IReadOnlyList<Service> Services, IReadOnlyList<GuidedSituation> Situations)
{
    public bool FitsWell => Services.Count > 0 || Situations.Count > 0;
}

/// <summary>
/// Answers free-text questions from the catalogue (through <see cref="CatalogueSearch"/>) and from the guidance texts,
/// both with Finnish and Swedish stemming. Words that only say "I need help" are left out, so the question's subject
/// decides the match.
/// </summary>
public sealed class Questions(PolkuDb db, CatalogueSearch search)
{
    private static readonly HashSet<string> Filler = new(StringComparer.OrdinalIgnoreCase)
    {
        "apua", "apu", "avun", "tarvitsen", "tarvitsisin", "tarvitaan", "haluan", "haluaisin", "saan", "saisin", "voin", "voisin",
        "miten", "mistä", "kuka", "ketä", "mitä", "minulla", "meillä", "meidän", "minun", "olisi", "kanssa",
        "hjälp", "behöver", "skulle", "vill", "kan", "hur", "var", "vem", "vad", "min", "mitt", "mina", "vår", "vårt", "med", "jag",
    };

    private static readonly Lazy<List<(GuidedSituation Situation, HashSet<string> Stems)>> SituationStems = new(() =>
        [.. Guidance.Situations.Select(s => (s, StemsOf(string.Join(' ', s.Title.Fi, s.Title.Sv, s.Advice.Fi, s.Advice.Sv, s.SelfCare.Fi, s.SelfCare.Sv))))]);

    public async Task<QuestionAnswer> AnswerAsync(string text, CancellationToken ct = default)
    {
        var urgency = Urgency.Detect(text);
        var content = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !Filler.Contains(w.Trim('.', ',', '!', '?', ';', ':'))));
        var ids = await search.SearchQuestionAsync(db, content, ct: ct);
        var services = await db.Services.AsNoTracking().Where(s => ids.Contains(s.Id)).ToListAsync(ct);
        services = [.. services.OrderBy(s => ids.IndexOf(s.Id))];
        return new QuestionAnswer(urgency, services, MatchingSituations(content));
    }

    /// <summary>Situations whose texts hold at least half of the question's content stems (at least one).</summary>
    public static List<GuidedSituation> MatchingSituations(string text)
    {
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => StemsOf(w))
            .Where(stems => stems.Count > 0)
            .ToList();
        if (words.Count == 0)
        {
            return [];
        }

        var needed = Math.Max(1, (int)Math.Ceiling(words.Count * 0.5));
        return [.. SituationStems.Value
            .Select(s => (s.Situation, Hits: words.Count(w => w.Overlaps(s.Stems))))
            .Where(s => s.Hits >= needed)
            .OrderByDescending(s => s.Hits)
            .Select(s => s.Situation)];
    }

    private static HashSet<string> StemsOf(string text) =>
        [.. TextStems.Of(text, "fi").Where(s => s.Length >= 3), .. TextStems.Of(text, "sv").Where(s => s.Length >= 3)];
}
