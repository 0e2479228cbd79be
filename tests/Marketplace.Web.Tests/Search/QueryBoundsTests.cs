using Lucene.Net.Search;
using Marketplace.Web.Features.Search;
using Marketplace.Web.Features.Search.Lucene;
using Marketplace.Web.Features.Search.Planning;

namespace Marketplace.Web.Tests.Search;

/// <summary>
/// The work a query can cause is bounded by what it is turned into, not by its length: these check the bounds on
/// analysed characters, units and query terms (timing belongs to the benchmarks, docs/benchmarks.md).
/// </summary>
public sealed class QueryBoundsTests
{
    private static readonly string Pasted = string.Concat(Enumerable.Repeat("本发明公开了一种基于深度学习的船舶尾气排放检测传感器及其标定方法，", 70))[..2000];

    /// <summary>Term and phrase leaves of a query: what the engine has to look up.</summary>
    private static int Terms(Query query) => query switch
    {
        BooleanQuery b => b.Clauses.Sum(c => Terms(c.Query)),
        DisjunctionMaxQuery d => d.Disjuncts.Sum(Terms),
        PhraseQuery p => p.GetTerms().Length,
        _ => 1,
    };

    private static Query Typed(string text) => LuceneQueries.PlanQuery(QueryPlanner.Plan(text), LuceneSchema.CreateAnalyzer(forQuery: true));

    [Fact]
    public void A_pasted_text_is_planned_from_its_first_characters_into_a_bounded_number_of_units()
    {
        var plan = QueryPlanner.Plan(Pasted);

        Assert.InRange(plan.Units.Count, 1, QueryPlanner.MaxUnits);
        Assert.True(QueryPlanner.Normalize(Pasted).Length <= QueryPlanner.MaxChars);
        Assert.All(plan.Units, u => Assert.Contains(u.Text, Pasted[..QueryPlanner.MaxChars]));
    }

    [Fact]
    public void A_2000_character_query_looks_up_at_most_ten_times_the_terms_of_a_title()
    {
        var title = Terms(Typed("一种用于海水淡化的反渗透膜组件"));
        var pasted = Terms(Typed(Pasted));

        Assert.True(pasted <= 10 * title, $"{pasted} terms against {title} for a title");
        Assert.True(pasted < BooleanQuery.MaxClauseCount);
    }

    [Theory]
    [InlineData(TextMatch.AnyWord)]
    [InlineData(TextMatch.Characters)]
    public void Relaxed_forms_of_a_pasted_query_stay_within_the_clause_limit(TextMatch match)
    {
        var query = LuceneQueries.TextQuery(SearchQuery.All() with { Text = Pasted, Match = match }, LuceneSchema.CreateAnalyzer(forQuery: true))!;

        Assert.InRange(Terms(query), 1, BooleanQuery.MaxClauseCount);
    }

    [Fact]
    public void A_need_of_4000_characters_is_matched_on_as_many_terms_as_one_of_1000()
    {
        var analyzer = LuceneSchema.CreateAnalyzer(forQuery: true);
        var keys = Enumerable.Range(0, 25).Select(i => new KeyTerm($"词{i}", 1)).ToList();
        var description = string.Concat(Enumerable.Repeat(Pasted, 2));

        var full = Terms(LuceneQueries.SimilarQuery(keys, ["G01N 33/00"], description, analyzer));
        var capped = Terms(LuceneQueries.SimilarQuery(keys, ["G01N 33/00"], description[..KeyTermSelection.MaxChars], analyzer));

        Assert.Equal(capped, full);
        Assert.True(full < BooleanQuery.MaxClauseCount * 2);
        Assert.Equal(KeyTermSelection.MaxChars, KeyTermSelection.Capped(description).Length);
    }
}
