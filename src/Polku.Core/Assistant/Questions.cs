using Microsoft.EntityFrameworkCore;
using Polku.Core.Catalogue;
using Polku.Core.Data;

namespace Polku.Core.Assistant;

/// <summary>
/// The assistant's answer to a free-text question: the danger it signals, the concepts of the lexicon it met (which
/// explain the services and situations), the services best first and the guided situations. <see cref="FitsWell"/> is
/// false when nothing matched well enough.
/// </summary>
public sealed record QuestionAnswer(UrgencyKind Urgency, IReadOnlyList<Service> Services, IReadOnlyList<GuidedSituation> Situations, IReadOnlyList<ConceptMatch>? Concepts = null)
{
    public IReadOnlyList<ConceptMatch> Matched => Concepts ?? [];

    public bool FitsWell => Services.Count > 0 || Situations.Count > 0;
}

/// <summary>
/// Answers free-text questions. The concept lexicon comes first: the concepts the question meets name the services and
/// situations to show, in the concepts' order (danger concepts first), so the answer explains itself. Only when no
/// concept is met does the catalogue search (<see cref="CatalogueSearch"/>) and the guidance texts' stems answer, with
/// Finnish and Swedish stemming; words that only say "I need help" are left out, so the question's subject decides.
/// </summary>
public sealed class Questions(PolkuDb db, CatalogueSearch search)
{
    private const int MaxServices = 8;

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
        var concepts = Lexicon.Match(text);
        var urgency = Urgency.Of(concepts);
        var keys = concepts.SelectMany(c => c.Concept.Services ?? []).Distinct().ToList();
        if (keys.Count > 0 || concepts.Any(c => c.Concept.Situations is { Count: > 0 }))
        {
            var named = await db.Services.AsNoTracking().Where(s => keys.Contains(s.Key)).ToListAsync(ct);
            var situations = concepts.SelectMany(c => c.Concept.Situations ?? []).Distinct().Select(Guidance.Find).OfType<GuidedSituation>().ToList();
            if (named.Count > 0 || situations.Count > 0)
            {
                return new QuestionAnswer(urgency, [.. named.OrderBy(s => keys.IndexOf(s.Key)).Take(MaxServices)], situations, concepts);
            }
        }

        var content = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !Filler.Contains(w.Trim('.', ',', '!', '?', ';', ':'))));
        var ids = await search.SearchQuestionAsync(db, content, ct: ct);
        var services = await db.Services.AsNoTracking().Where(s => ids.Contains(s.Id)).ToListAsync(ct);
        services = [.. services.OrderBy(s => ids.IndexOf(s.Id))];
        return new QuestionAnswer(urgency, services, MatchingSituations(content), concepts);
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
