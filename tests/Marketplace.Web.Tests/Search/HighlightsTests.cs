using Marketplace.Web.Features.Search;

namespace Marketplace.Web.Tests.Search;

public sealed class HighlightsTests
{
    [Fact]
    public void An_english_query_marks_its_translations_and_the_latin_words_of_chinese_text_by_stem()
    {
        var marks = Highlights.For(SearchQuery.All() with { Text = "batteries" });

        Assert.Equal("一种Li-ion <mark>Battery</mark><mark>电池</mark>组，<mark>BATTERIES</mark>",
            marks.Whole("一种Li-ion Battery电池组，BATTERIES"));
    }

    [Fact]
    public void A_chinese_query_marks_its_words_and_leaves_latin_words_alone()
    {
        var marks = Highlights.For(SearchQuery.All() with { Text = "船舶 传感器" });

        Assert.Equal("<mark>船舶</mark>用sensor<mark>传感器</mark> &lt;b&gt;", marks.Whole("船舶用sensor传感器 <b>"));
        Assert.Null(marks.Whole("无关的文字 sensor"));
    }
}
