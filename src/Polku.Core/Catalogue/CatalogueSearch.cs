using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Fi;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.EntityFrameworkCore;
using Polku.Core.Data;
using Polku.Core.Segmentation;

namespace Polku.Core.Catalogue;

/// <summary>What to look for: free text and filters (each null or empty when not used).</summary>
public sealed record CatalogueQuery(
    string? Text = null,
    string? TargetGroup = null,
    string? LifeEvent = null,
    ChannelKind? Channel = null,
    string? Area = null,
    Customership? Customership = null,
    ServiceLevel? Level = null);

/// <summary>
/// Full-text search over the services with Lucene.Net: Finnish text through <see cref="FinnishAnalyzer"/>, Swedish
/// through <see cref="SwedishTextAnalyzer"/> (Snowball with small steps of our own: plurals and definite forms meet base forms), English through the standard analyzer, so inflected forms find base forms
/// ("perhekeskuksessa" finds "perhekeskus"). The index lives in memory and is rebuilt from the database whenever the
/// catalogue's version (count and latest change of services and channels) differs from the one it was built from —
/// also after an import by the command-line tool into the same database. One instance per process.
/// </summary>
public sealed class CatalogueSearch : IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private static readonly string[] FinnishFields = ["name_fi", "text_fi"];
    private static readonly string[] SwedishFields = ["name_sv", "text_sv"];
    private static readonly string[] EnglishFields = ["name_en", "text_en"];

    private readonly Analyzer _finnish = new FinnishAnalyzer(Version);
    private readonly Analyzer _swedish = new SwedishTextAnalyzer(Version);
    private readonly Analyzer _english = new StandardAnalyzer(Version);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Snapshot? _current;

    private sealed record Snapshot(string Version, RAMDirectory Directory, DirectoryReader Reader, IndexSearcher Searcher);

    /// <summary>Ids of matching services, best match first (or by id when there is no text).</summary>
    public async Task<List<int>> SearchAsync(PolkuDb db, CatalogueQuery query, int max = 500, CancellationToken ct = default)
    {
        var snapshot = await EnsureCurrentAsync(db, ct);
        var lucene = new BooleanQuery();
        var text = TextQuery(query.Text);
        lucene.Add(text is null ? new MatchAllDocsQuery() : text, Occur.MUST);
        AddFilter(lucene, "tg", query.TargetGroup);
        AddFilter(lucene, "le", query.LifeEvent);
        AddFilter(lucene, "ck", query.Channel?.ToString());
        AddFilter(lucene, "area", query.Area);
        AddFilter(lucene, "cs", query.Customership?.ToString());
        AddFilter(lucene, "level", query.Level?.ToString());
        var hits = snapshot.Searcher.Search(lucene, max).ScoreDocs;
        var ids = hits.Select(h => int.Parse(snapshot.Searcher.Doc(h.Doc).Get("id", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture));
        return text is null ? ids.Order().ToList() : ids.ToList();
    }

    /// <summary>
    /// Ids of services that match a question in natural language, best first: each content word (not a stop word in
    /// Finnish or Swedish) is matched by its stems, and at least <paramref name="minShare"/> of them must match.
    /// Empty when the text has no content words or nothing matches well enough.
    /// </summary>
    public async Task<List<int>> SearchQuestionAsync(PolkuDb db, string text, double minShare = 0.5, int max = 5, CancellationToken ct = default)
    {
        var snapshot = await EnsureCurrentAsync(db, ct);
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim('.', ',', '!', '?', ';', ':', '"', '(', ')'))
            .Where(w => w.Length >= 3 && Analyse(_finnish, FinnishFields[0], w).Count > 0 && Analyse(_swedish, SwedishFields[0], w).Count > 0)
            .Take(12)
            .ToList();
        var all = new BooleanQuery();
        foreach (var word in words)
        {
            var any = new BooleanQuery();
            AddStems(any, _finnish, FinnishFields, word, finnish: true);
            AddStems(any, _swedish, SwedishFields, word);
            AddStems(any, _english, EnglishFields, word);
            all.Add(any, Occur.SHOULD);
        }

        if (all.Clauses.Count == 0)
        {
            return [];
        }

        all.MinimumNumberShouldMatch = (int)Math.Ceiling(all.Clauses.Count * minShare);
        var hits = snapshot.Searcher.Search(all, max).ScoreDocs;
        return [.. hits.Select(h => int.Parse(snapshot.Searcher.Doc(h.Doc).Get("id", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture))];
    }

    /// <summary>Forgets the index so that the next search rebuilds it (after an edit or an import in this process).</summary>
    public void Invalidate() => Interlocked.Exchange(ref _current, null);

    private async Task<Snapshot> EnsureCurrentAsync(PolkuDb db, CancellationToken ct)
    {
        var version = await VersionAsync(db, ct);
        if (_current is { } current && current.Version == version)
        {
            return current;
        }

        await _gate.WaitAsync(ct);
        try
        {
            if (_current is { } again && again.Version == version)
            {
                return again;
            }

            var services = await db.Services.AsNoTracking().Include(s => s.Channels).ToListAsync(ct);
            var built = Build(version, services);
            var old = Interlocked.Exchange(ref _current, built);
            // Readers of the old snapshot may still be searching; it is left to the garbage collector.
            _ = old;
            return built;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>A stamp of the catalogue that changes with every service or channel added, edited or removed.</summary>
    public static async Task<string> VersionAsync(PolkuDb db, CancellationToken ct)
    {
        var services = await db.Services.CountAsync(ct);
        var channels = await db.ServiceChannels.CountAsync(ct);
        var serviceStamp = services == 0 ? default : await db.Services.MaxAsync(s => s.UpdatedAt, ct);
        var channelStamp = channels == 0 ? default : await db.ServiceChannels.MaxAsync(c => c.UpdatedAt, ct);
        return FormattableString.Invariant($"{services}/{channels}/{serviceStamp.Ticks}/{channelStamp.Ticks}");
    }

    private Snapshot Build(string version, List<Service> services)
    {
        var analyzer = new PerFieldAnalyzerWrapper(_english, new Dictionary<string, Analyzer>
        {
            ["name_fi"] = _finnish,
            ["text_fi"] = _finnish,
            ["name_sv"] = _swedish,
            ["text_sv"] = _swedish,
        });
        var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(Version, analyzer)))
        {
            foreach (var s in services)
            {
                var doc = new Document { new StringField("id", s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Field.Store.YES) };
                AddText(doc, "fi", s.Name.Fi, s.Summary.Fi, s.Description?.Fi);
                AddText(doc, "sv", s.Name.Sv, s.Summary.Sv, s.Description?.Sv);
                AddText(doc, "en", s.Name.En, s.Summary.En, s.Description?.En);
                foreach (var name in s.ServiceClasses.Select(c => CatalogueCodes.ServiceClasses.GetValueOrDefault(c)).OfType<LocalisedText>())
                {
                    AddText(doc, "fi", null, name.Fi, null);
                    AddText(doc, "sv", null, name.Sv, null);
                }

                AddKeywords(doc, "tg", s.TargetGroups);
                AddKeywords(doc, "le", s.LifeEvents);
                AddKeywords(doc, "area", s.Areas);
                AddKeywords(doc, "cs", s.Customerships.Select(c => c.ToString()));
                AddKeywords(doc, "ck", s.Channels.Select(c => c.Kind.ToString()).Distinct());
                doc.Add(new StringField("level", s.Level.ToString(), Field.Store.NO));
                writer.AddDocument(doc);
            }

            writer.Commit();
        }

        var reader = DirectoryReader.Open(directory);
        return new Snapshot(version, directory, reader, new IndexSearcher(reader));
    }

    private static void AddText(Document doc, string language, string? name, string? summary, string? description)
    {
        if (!string.IsNullOrWhiteSpace(name))
        {
            doc.Add(new TextField("name_" + language, name, Field.Store.NO) { Boost = 3f });
        }

        foreach (var text in new[] { summary, description }.Where(t => !string.IsNullOrWhiteSpace(t)))
        {
            doc.Add(new TextField("text_" + language, text, Field.Store.NO));
        }
    }

    private static void AddKeywords(Document doc, string field, IEnumerable<string> values)
    {
        foreach (var value in values)
        {
            doc.Add(new StringField(field, value, Field.Store.NO));
        }
    }

    private static void AddFilter(BooleanQuery query, string field, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            query.Add(new TermQuery(new Term(field, value)), Occur.MUST);
        }
    }

    /// <summary>
    /// Every word of the query must match in at least one language (its stem in that language's fields).
    /// Null when the text has no words.
    /// </summary>
    private BooleanQuery? TextQuery(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Take(12).ToList();
        var all = new BooleanQuery();
        foreach (var word in words)
        {
            var any = new BooleanQuery();
            AddStems(any, _finnish, FinnishFields, word, finnish: true);
            AddStems(any, _swedish, SwedishFields, word);
            AddStems(any, _english, EnglishFields, word);
            if (any.Clauses.Count > 0)
            {
                all.Add(any, Occur.MUST);
            }
        }

        return all.Clauses.Count == 0 ? null : all;
    }

    private static void AddStems(BooleanQuery query, Analyzer analyzer, string[] fields, string word, bool finnish = false)
    {
        foreach (var stem in Analyse(analyzer, fields[0], word))
        {
            foreach (var field in fields)
            {
                query.Add(new TermQuery(new Term(field, stem)), Occur.SHOULD);
                // A compound word starts with its first part: "perhekeskus" finds "perhekeskustoiminta".
                if (stem.Length >= 5)
                {
                    query.Add(new PrefixQuery(new Term(field, stem)) { Boost = 0.5f }, Occur.SHOULD);
                }

                // Finnish consonant gradation is beyond the stemmer: "keskus" and "keskuksen" stem to "keskus" and
                // "keskuks". Their common part without the last letter finds both ways.
                if (finnish && stem.Length >= 6)
                {
                    query.Add(new PrefixQuery(new Term(field, stem[..^1])) { Boost = 0.3f }, Occur.SHOULD);
                }
            }
        }
    }

    /// <summary>The terms an analyzer makes of a text (also used by the assistant's <c>TextStems</c>).</summary>
    internal static List<string> Analyse(Analyzer analyzer, string field, string text)
    {
        var terms = new List<string>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }

    public void Dispose()
    {
        _current?.Reader.Dispose();
        _current?.Directory.Dispose();
        _finnish.Dispose();
        _swedish.Dispose();
        _english.Dispose();
        _gate.Dispose();
    }
}
