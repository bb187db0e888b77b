using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Snowball;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Sv;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Tartarus.Snowball.Ext;
using Lucene.Net.Util;

namespace Polku.Core.Catalogue;

/// <summary>
/// Swedish analysis for the catalogue and the assistant, used both when indexing and when querying: the standard
/// tokenizer, lower case, Swedish stop words, Lucene's Snowball Swedish stemmer, and two small steps of our own
/// around it for what Snowball leaves apart (see ADR 0010):
/// <list type="bullet">
/// <item>before it, a word of six letters or more ending in -an or -in is also indexed without the -n, and one ending
/// in -en without the -en, because it may be a definite form ("skolan", "psykiatrin", "bostaden") or a base form
/// ("medicin", "vatten"); both forms stay, at the same position;</item>
/// <item>after it, a final -et is dropped ("missbruket", "våldet"), an unstressed e before a final l or r is dropped
/// ("cykel" → "cykl", like "cyklar"), a final l or r after a consonant is dropped ("föräldr" → "föräld", like
/// "förälder"), and a final double consonant is made single ("vänn" → "vän").</item>
/// </list>
/// So plurals and definite forms meet their base form: "föräldrarna", "föräldrar" and "förälder"; "tjänsterna" and
/// "tjänst"; "ekonomin" and "ekonomi"; "familjecentret" and "familjecenter".
/// </summary>
public sealed class SwedishTextAnalyzer(LuceneVersion version) : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(version, reader);
        TokenStream result = new StandardFilter(version, source);
        result = new LowerCaseFilter(version, result);
        result = new StopFilter(version, result, SwedishAnalyzer.DefaultStopSet);
        result = new DefiniteVariantFilter(result);
        result = new SnowballFilter(result, new SwedishStemmer());
        result = new StemNormaliser(result);
        return new TokenStreamComponents(source, result);
    }

    private static bool IsVowel(char c) => "aeiouyåäöé".Contains(c, StringComparison.Ordinal);

    /// <summary>Adds the form without the definite ending (-n after a or i, -en) of long words, at the same position.</summary>
    private sealed class DefiniteVariantFilter : TokenFilter
    {
        private readonly ICharTermAttribute _term;
        private readonly IPositionIncrementAttribute _position;
        private State? _state;
        private string? _variant;

        public DefiniteVariantFilter(TokenStream input)
            : base(input)
        {
            _term = AddAttribute<ICharTermAttribute>();
            _position = AddAttribute<IPositionIncrementAttribute>();
        }

        public override bool IncrementToken()
        {
            if (_variant is not null)
            {
                RestoreState(_state);
                _term.SetEmpty().Append(_variant);
                _position.PositionIncrement = 0;
                _variant = null;
                return true;
            }

            if (!m_input.IncrementToken())
            {
                return false;
            }

            var word = _term.ToString();
            if (word.Length >= 6 && (word.EndsWith("an", StringComparison.Ordinal) || word.EndsWith("in", StringComparison.Ordinal)))
            {
                _variant = word[..^1];
                _state = CaptureState();
            }
            else if (word.Length >= 6 && word.EndsWith("en", StringComparison.Ordinal))
            {
                _variant = word[..^2];
                _state = CaptureState();
            }

            return true;
        }

        public override void Reset()
        {
            base.Reset();
            _variant = null;
            _state = null;
        }
    }

    /// <summary>Evens out what the Snowball stemmer leaves of definite -et, e-dropping plurals and doubled endings.</summary>
    private sealed class StemNormaliser : TokenFilter
    {
        private readonly ICharTermAttribute _term;
        private readonly IKeywordAttribute _keyword;

        public StemNormaliser(TokenStream input)
            : base(input)
        {
            _term = AddAttribute<ICharTermAttribute>();
            _keyword = AddAttribute<IKeywordAttribute>();
        }

        public override bool IncrementToken()
        {
            if (!m_input.IncrementToken())
            {
                return false;
            }

            if (_keyword.IsKeyword)
            {
                return true;
            }

            var word = _term.ToString();
            var stem = Normalise(word);
            if (!ReferenceEquals(stem, word))
            {
                _term.SetEmpty().Append(stem);
            }

            return true;
        }

        private static string Normalise(string w)
        {
            if (w.Length >= 5 && w.EndsWith("et", StringComparison.Ordinal) && !IsVowel(w[^3]))
            {
                w = w[..^2];
            }

            if (w.Length >= 5 && (w.EndsWith("el", StringComparison.Ordinal) || w.EndsWith("er", StringComparison.Ordinal)) && !IsVowel(w[^3]))
            {
                w = string.Concat(w.AsSpan(0, w.Length - 2), w.AsSpan(w.Length - 1));
            }

            if (w.Length >= 4 && w[^1] is 'r' or 'l' && !IsVowel(w[^2]) && w[^2] is not ('r' or 'l'))
            {
                w = w[..^1];
            }

            if (w.Length >= 4 && w[^1] == w[^2] && !IsVowel(w[^1]))
            {
                w = w[..^1];
            }

            return w;
        }
    }
}
