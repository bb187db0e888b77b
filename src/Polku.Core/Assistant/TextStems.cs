using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Fi;
using Lucene.Net.Util;
using Polku.Core.Catalogue;

namespace Polku.Core.Assistant;

/// <summary>
/// Finnish and Swedish stems of words with the same Lucene analyzers as the catalogue search (Finnish Snowball, Swedish <see cref="SwedishTextAnalyzer"/>; stop
/// words removed), so "väkivaltaa" and "väkivallan" meet "väkivalta", and "självmordet" meets "självmord".
/// Thread-safe: the analyzers' reuse strategy keeps one token stream per thread.
/// </summary>
public static class TextStems
{
    private static readonly Analyzer Finnish = new FinnishAnalyzer(LuceneVersion.LUCENE_48);
    private static readonly Analyzer Swedish = new SwedishTextAnalyzer(LuceneVersion.LUCENE_48);

    /// <summary>Stems of the text in the language (fi or sv; anything else is treated as Finnish).</summary>
    public static List<string> Of(string text, string language) =>
        CatalogueSearch.Analyse(language == "sv" ? Swedish : Finnish, "text", text);

    /// <summary>Stems in both languages: a resident may write either, whatever the page language.</summary>
    public static HashSet<string> OfBoth(string text) => [.. Of(text, "fi"), .. Of(text, "sv")];
}
