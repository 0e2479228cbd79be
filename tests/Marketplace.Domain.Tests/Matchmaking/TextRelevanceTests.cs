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

    /// <summary>Scores relative to the mean of the three best (5.83), compressed: (10 / 5.83 → 1, 5 / 5.83)^0.7, (2.5 / 5.83)^0.7.</summary>
    [Fact]
    public void Strength_follows_the_engines_order_on_a_scale_set_by_how_well_the_best_candidates_cover_the_need()
    {
        var strengths = TextRelevance.Strengths([(10, 0.6), (5, 0.3), (2.5, 0.9)]);
        Assert.Equal([1, 0.898, 0.553], strengths.Select(s => Math.Round(s, 3)));
        Assert.Equal([0.3, 0.269, 0.166], TextRelevance.Strengths([(10, 0.18), (5, 0.1), (2.5, 0.1)]).Select(s => Math.Round(s, 3)));
    }

    /// <summary>The same invention filed twice scores far above anything else; the next candidates, relevant or not,
    /// are judged against the best few, not against that near copy alone (which put them at 0.12 and 0.10, under the floor).</summary>
    [Fact]
    public void A_near_copy_at_the_top_does_not_push_every_other_candidate_under_the_floor()
    {
        var strengths = TextRelevance.Strengths([(100, 0.9), (96, 0.9), (12, 0.4), (10, 0.3)]);
        Assert.Equal([1, 1, 0.293, 0.258], strengths.Select(s => Math.Round(s, 3)));
        Assert.All(strengths, s => Assert.True(s >= MatchScorer.Floor, $"strength {s}"));
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
