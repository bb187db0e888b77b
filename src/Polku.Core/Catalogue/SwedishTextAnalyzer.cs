using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Sv;
using Lucene.Net.Util;

namespace Polku.Core.Catalogue;

/// <summary>
/// Swedish analysis for the catalogue and the assistant, used both when indexing and when querying: the standard
/// tokenizer, lower case, Swedish stop words and the light Swedish stemmer (Savoy). Unlike the Snowball stemmer of
/// <see cref="SwedishAnalyzer"/>, the light stemmer removes the definite endings -n, -en, -et, -t, so "ekonomin" meets
/// "ekonomi" and "familjecentret" meets "familjecentrets".
/// </summary>
public sealed class SwedishTextAnalyzer(LuceneVersion version) : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(version, reader);
        TokenStream result = new StandardFilter(version, source);
        result = new LowerCaseFilter(version, result);
        result = new StopFilter(version, result, SwedishAnalyzer.DefaultStopSet);
        result = new SwedishLightStemFilter(result);
        return new TokenStreamComponents(source, result);
    }
}
