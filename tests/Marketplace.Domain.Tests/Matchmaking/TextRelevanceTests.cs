using Marketplace.Domain.Matchmaking;

namespace Marketplace.Domain.Tests.Matchmaking;

public sealed class TextRelevanceTests
{
    private static readonly WeightedTerm[] NeedTerms = [new("传感器", 6), new("尾气", 3), new("船舶", 1)];

    [Fact]
    public void Coverage_is_the_share_of_the_needs_key_term_weight_a_listing_holds()
    {
        Assert.Equal(0.9, TextRelevance.Coverage(NeedTerms, ["传感器", "尾气"]), 3);
        Assert.Equal(0.1, TextRelevance.Coverage(NeedTerms, ["船舶", "视觉"]), 3);
        Assert.Equal(0, TextRelevance.Coverage([], ["船舶"]));
    }

    [Fact]
    public void Strength_follows_the_engines_order_on_a_scale_set_by_how_well_the_best_candidates_cover_the_need()
    {
        var strengths = TextRelevance.Strengths([(10, 0.6), (5, 0.3), (2.5, 0.9)]);
        Assert.Equal([1, 0.5, 0.25], strengths.Select(s => Math.Round(s, 3)));
    }

    /// <summary>The case: a marine exhaust sensor need whose best candidate (industrial vision) shares 3 % of
    /// its key terms is no strong match, whatever it scores against the other poor candidates.</summary>
    [Fact]
    public void When_nothing_covers_the_need_even_the_best_candidate_is_weak()
    {
        var strengths = TextRelevance.Strengths([(40, 0.03), (39, 0.02), (10, 0.01)]);
        Assert.All(strengths, s => Assert.True(s < MatchScorer.Floor, $"strength {s}"));
    }
}
