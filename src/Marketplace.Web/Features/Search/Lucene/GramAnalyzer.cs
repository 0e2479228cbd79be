using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace Marketplace.Web.Features.Search.Lucene;

/// <summary>
/// Overlapping character bigrams of Han text (传感器 → 传感, 感器), as Lucene's CJKAnalyzer makes them, beside the SmartCn
/// words: a term the dictionary does not know, or segments differently in the patent than in the query, still matches
/// as a phrase of bigrams. The index also holds single characters, so 「船」 alone finds 船舶 and 渔船; queries use
/// bigrams only (a lone character stays a unigram). Latin words and numbers pass through lower-cased.
/// </summary>
internal sealed class GramAnalyzer(bool unigrams) : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(LuceneSchema.Version, reader);
        TokenStream stream = new CJKWidthFilter(source);
        stream = new LowerCaseFilter(LuceneSchema.Version, stream);
        stream = new CJKBigramFilter(stream, CJKScript.HAN | CJKScript.HIRAGANA | CJKScript.KATAKANA | CJKScript.HANGUL, unigrams);
        return new TokenStreamComponents(source, stream);
    }
}
