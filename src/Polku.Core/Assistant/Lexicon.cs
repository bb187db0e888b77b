using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Util;
using Polku.Core.Catalogue;

namespace Polku.Core.Assistant;

/// <summary>
/// A concept of the lexicon: the words people use for one need or one danger, in Finnish, Swedish and English, and
/// where it points (service keys and guided situations). <see cref="Urgency"/> is set on danger concepts.
/// </summary>
public sealed record Concept(
    string Key, LocalisedText Label, Dictionary<string, List<string>> Patterns,
    List<string>? Services = null, List<string>? Situations = null, UrgencyKind Urgency = UrgencyKind.None);

/// <summary>Where a concept met the text: the pattern, and whether the match was negated or inside quotation marks.</summary>
public sealed record ConceptMatch(Concept Concept, string Pattern, bool Negated, bool Quoted);

/// <summary>
/// The concept lexicon (embedded <c>lexicon.json</c>, versioned data). A pattern is a few words that must all occur
/// close together, in any order; each word matches a word of the text by its stem in the pattern's language (the
/// same Lucene stemmers as the catalogue search) or its plain form, with and without ä/ö/å. In a pattern word,
/// <c>a|b</c> gives alternatives, <c>x*</c> is a prefix, <c>*x*</c> a part of a compound word, <c>=x</c> the word
/// itself and no stem (where a stem would meet another language's word: Swedish "andas" stems to "and"), and <c>NEG</c> a
/// negation word ("ei", "eikä", "inte", "not", "can't"…) that must stand just before the next pattern word (or,
/// last in the pattern, just after the previous one): "ei hengitä" and "andas inte". A negation outside the pattern
/// never hides a danger concept; it is reported (<see cref="ConceptMatch.Negated"/>) like a quotation.
/// A lemmatiser can later replace <see cref="Forms"/> without touching the data.
/// </summary>
public static class Lexicon
{
    private const int Slack = 3;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    private static readonly Analyzer English = new EnglishAnalyzer(LuceneVersion.LUCENE_48);

    private static readonly HashSet<string> Negations = new(StringComparer.Ordinal)
    {
        "ei", "en", "et", "eikä", "enkä", "emme", "ette", "eivät", "eivat", "eika", "enka",
        "inte", "ej", "aldrig", "icke",
        "not", "no", "never", "dont", "doesnt", "didnt", "cant", "cannot", "wont", "isnt", "arent", "wasnt", "couldnt", "nt",
    };

    private static readonly Lazy<(int Version, List<Compiled> Concepts)> Loaded = new(Load);

    /// <summary>The version of the lexicon data (raised on every reviewed change).</summary>
    public static int Version => Loaded.Value.Version;

    public static IEnumerable<Concept> Concepts => Loaded.Value.Concepts.Select(c => c.Concept);

    /// <summary>The concepts the text meets, danger concepts first, then by the length of the pattern that met.</summary>
    public static List<ConceptMatch> Match(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var tokens = Tokenise(text);
        var forms = new Dictionary<string, List<HashSet<string>>>(StringComparer.Ordinal);
        List<HashSet<string>> FormsIn(string language) =>
            forms.TryGetValue(language, out var f) ? f : forms[language] = [.. tokens.Select(t => Forms(t.Word, language))];

        var found = new List<(ConceptMatch Match, int Words)>();
        foreach (var compiled in Loaded.Value.Concepts)
        {
            foreach (var pattern in compiled.Patterns)
            {
                if (Find(pattern, tokens, FormsIn(pattern.Language)) is { } at)
                {
                    found.Add((new ConceptMatch(compiled.Concept, pattern.Text, at.Negated, at.Quoted), pattern.Words.Count));
                    break;
                }
            }
        }

        return [.. found.OrderBy(f => f.Match.Concept.Urgency == UrgencyKind.None).ThenByDescending(f => f.Words).Select(f => f.Match)];
    }

    /// <summary>The plain, folded and stemmed forms of a word in a language (fi, sv or en).</summary>
    public static HashSet<string> Forms(string word, string language)
    {
        var set = new HashSet<string>(StringComparer.Ordinal) { word, Fold(word) };
        var stems = language switch
        {
            "en" => CatalogueSearch.Analyse(English, "text", word),
            _ => TextStems.Of(word, language),
        };
        foreach (var stem in stems)
        {
            set.Add(stem);
            set.Add(Fold(stem));
        }

        return set;
    }

    private sealed record Token(string Word, bool Quoted);

    private sealed record Alternative(string Raw, string Text, bool Prefix, bool Inside, bool Exact, HashSet<string> Forms);

    private sealed record Word(bool Negation, List<Alternative> Alternatives);

    private sealed record Pattern(string Text, string Language, List<Word> Words);

    private sealed record Compiled(Concept Concept, List<Pattern> Patterns);

    private sealed record Document(int Version, List<Concept> Concepts);

    private static (int, List<Compiled>) Load()
    {
        using var stream = typeof(Lexicon).Assembly.GetManifestResourceStream("Polku.Core.Assistant.lexicon.json")
            ?? throw new InvalidOperationException("lexicon.json is not embedded.");
        var document = JsonSerializer.Deserialize<Document>(stream, Options)!;
        return (document.Version, [.. document.Concepts.Select(c => new Compiled(c, [.. c.Patterns.SelectMany(p => p.Value.Select(text => Compile(text, p.Key)))]))]);
    }

    private static Pattern Compile(string text, string language) => new(text, language, [.. text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w =>
        w == "NEG"
            ? new Word(true, [])
            : new Word(false, [.. w.Split('|').Select(a =>
            {
                var inside = a.StartsWith('*');
                var prefix = a.EndsWith('*');
                var exact = a.StartsWith('=');
                var bare = a.Trim('*', '=').ToLower(CultureInfo.InvariantCulture);
                return new Alternative(bare, Fold(bare), prefix, inside, exact, prefix || inside || exact ? [] : Forms(bare, language));
            })]))]);

    private static (bool Negated, bool Quoted)? Find(Pattern pattern, List<Token> tokens, List<HashSet<string>> forms)
    {
        var content = pattern.Words.Where(w => !w.Negation).ToList();
        if (content.Count == 0)
        {
            return null;
        }

        // Try each place where the first content word matches; the others must follow within the window.
        for (var start = 0; start < tokens.Count; start++)
        {
            if (!Matches(content[0], tokens[start].Word, forms[start]))
            {
                continue;
            }

            var from = Math.Max(0, start - pattern.Words.Count - Slack);
            var to = Math.Min(tokens.Count - 1, start + pattern.Words.Count + Slack);
            var positions = new int[pattern.Words.Count];
            if (!Place(pattern, 0, positions, tokens, forms, from, to, start))
            {
                continue;
            }

            var used = positions.Where(p => p >= 0).ToList();
            var first = used.Min();
            var negated = Enumerable.Range(Math.Max(0, first - Slack), first - Math.Max(0, first - Slack)).Any(i => Negations.Contains(tokens[i].Word));
            return (negated || pattern.Words.Any(w => w.Negation), used.Any(p => tokens[p].Quoted));
        }

        return null;
    }

    // Places the pattern's words on distinct tokens inside the window; backtracks over alternatives.
    private static bool Place(Pattern pattern, int index, int[] positions, List<Token> tokens, List<HashSet<string>> forms, int from, int to, int anchor)
    {
        if (index == pattern.Words.Count)
        {
            var placed = positions.Where(p => p >= 0).ToList();
            return placed.Max() - placed.Min() <= pattern.Words.Count + Slack && NegationsInPlace(pattern, positions);
        }

        var word = pattern.Words[index];
        if (word.Negation)
        {
            for (var i = from; i <= to; i++)
            {
                if (Negations.Contains(tokens[i].Word) && !positions.Take(index).Contains(i))
                {
                    positions[index] = i;
                    if (Place(pattern, index + 1, positions, tokens, forms, from, to, anchor))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        var firstContent = pattern.Words.FindIndex(w => !w.Negation);
        for (var i = from; i <= to; i++)
        {
            if (index == firstContent && i != anchor)
            {
                continue;
            }

            if (!positions.Take(index).Contains(i) && Matches(word, tokens[i].Word, forms[i]))
            {
                positions[index] = i;
                if (Place(pattern, index + 1, positions, tokens, forms, from, to, anchor))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // A NEG stands before the next pattern word (within the slack), or after the previous one when it ends the pattern.
    private static bool NegationsInPlace(Pattern pattern, int[] positions)
    {
        for (var i = 0; i < pattern.Words.Count; i++)
        {
            if (!pattern.Words[i].Negation)
            {
                continue;
            }

            var ok = i + 1 < pattern.Words.Count
                ? positions[i + 1] > positions[i] && positions[i + 1] - positions[i] <= Slack
                : i > 0 && positions[i] > positions[i - 1] && positions[i] - positions[i - 1] <= Slack;
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static bool Matches(Word word, string token, HashSet<string> forms)
    {
        // Without ä/ö/å only when the part is long enough not to become another word ("vän*" is not "van*").
        var folded = Fold(token);
        return word.Alternatives.Any(a =>
            a.Inside ? token.Contains(a.Raw, StringComparison.Ordinal) || (a.Text.Length >= 5 && folded.Contains(a.Text, StringComparison.Ordinal))
            : a.Prefix ? token.StartsWith(a.Raw, StringComparison.Ordinal) || (a.Text.Length >= 5 && folded.StartsWith(a.Text, StringComparison.Ordinal))
            : a.Exact ? token == a.Raw || folded == a.Text
            : a.Forms.Overlaps(forms));
    }

    private static List<Token> Tokenise(string text)
    {
        var tokens = new List<Token>();
        var word = new StringBuilder();
        var quoted = false;
        void Flush()
        {
            if (word.Length > 0)
            {
                tokens.Add(new Token(word.ToString(), quoted));
                word.Clear();
            }
        }

        foreach (var ch in text.ToLower(CultureInfo.InvariantCulture))
        {
            if (char.IsLetterOrDigit(ch) || ch == '-')
            {
                word.Append(ch);
            }
            else if (ch is '\'' or '’' && word.Length > 0)
            {
                // "don't" → "dont", "i'm" → "im": apostrophes join, they do not split.
            }
            else
            {
                Flush();
                if (ch is '"' or '“' or '”' or '«' or '»' or '„')
                {
                    quoted = !quoted;
                }
            }
        }

        Flush();
        return [.. tokens.SelectMany(t => t.Word.Contains('-', StringComparison.Ordinal)
            ? t.Word.Split('-', StringSplitOptions.RemoveEmptyEntries).Select(w => t with { Word = w })
            : [t])];
    }

    private static string Fold(string word) => word.Replace('ä', 'a').Replace('ö', 'o').Replace('å', 'a');
}
