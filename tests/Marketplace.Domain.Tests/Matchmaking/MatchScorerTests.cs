using Marketplace.Domain.Matchmaking;

namespace Marketplace.Domain.Tests.Matchmaking;

public sealed class MatchScorerTests
{
    private static readonly MatchWeights Weights = new();
    private static readonly NeedProfile Need = new(["A61B 5/00"], 100_000m, 500_000m, [TradeMode.Licence]);
    private static readonly NeedProfile NeedWithoutField = Need with { IpcCodes = [] };

    private static ListingProfile Listing(string ipc = "A61B 8/08", decimal? price = 300_000m, TradeMode mode = TradeMode.Licence,
        int months = 150, bool sleeping = true) => new([ipc], [mode], price, months, sleeping);

    private static TopicEvidence Text(double strength, params string[] shared) => new(strength, strength * TextRelevance.FullCoverage, shared);

    private static MatchReason? Reason(MatchResult r, MatchFactor f) => r.Reasons.SingleOrDefault(x => x.Factor == f);

    [Fact]
    public void A_listing_that_fits_on_every_factor_scores_100_and_its_reasons_add_up_to_the_score()
    {
        var result = MatchScorer.Score(Need, Listing(), Text(1.0, "超声", "探头"), Weights);
        Assert.Equal(100, result.Score);
        Assert.Equal(6, result.Reasons.Count);
        Assert.Equal(result.Score, result.Reasons.Sum(r => r.Points));
    }

    [Fact]
    public void Topical_relevance_makes_90_points_of_the_score_whatever_the_weights()
    {
        var perfectFit = MatchScorer.Score(NeedWithoutField, Listing(), Text(0), Weights);
        Assert.Equal(10, perfectFit.Score);
        var priceHeavy = new MatchWeights { Text = 1, Ipc = 0, Budget = 1000, Mode = 1000, Term = 1000, Sleeping = 1000 };
        Assert.Equal(10, MatchScorer.Score(NeedWithoutField, Listing(), Text(0), priceHeavy).Score);
        Assert.Equal(90, MatchScorer.Score(NeedWithoutField, Listing(price: 9_000_000m, mode: TradeMode.Equity, months: 12, sleeping: false), Text(1), priceHeavy).Score);
    }

    /// <summary>The promise of the score, checked over a grid of every kind of listing: price, mode, term and the
    /// sleeping bonus never lift a topically weak candidate above a strong one.</summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_weak_match_never_scores_above_a_strong_one(bool needNamesField)
    {
        var need = needNamesField ? Need : NeedWithoutField;
        var listings = (from ipc in new[] { "A61B 8/08", "A61K 9/00", "A01B 1/00", "B63B 1/00" }
                        from price in new decimal?[] { null, 50_000m, 600_000m, 5_000_000m }
                        from mode in new[] { TradeMode.Licence, TradeMode.Transfer }
                        from months in new[] { 12, 80, 200 }
                        from sleeping in new[] { true, false }
                        select Listing(ipc, price, mode, months, sleeping)).ToList();
        var strengths = Enumerable.Range(0, 21).Select(i => i / 20.0).ToList();
        var scored = (from listing in listings from strength in strengths select MatchScorer.Score(need, listing, Text(strength), Weights)).ToList();

        var weakest = scored.Where(r => r.Relevance >= MatchScorer.Strong).Min(r => r.Score);
        var strongestWeak = scored.Where(r => r.Relevance < MatchScorer.Partial).Max(r => r.Score);
        Assert.True(strongestWeak < weakest, $"a weak match scored {strongestWeak}, a strong one only {weakest}");
    }

    [Fact]
    public void Below_the_relevance_floor_a_listing_is_not_a_match_at_any_price()
    {
        var cheapAndFitting = MatchScorer.Score(NeedWithoutField, Listing(price: 1_000m), Text(0.1), Weights);
        Assert.False(cheapAndFitting.IsTopical);
        Assert.True(MatchScorer.Score(NeedWithoutField, Listing(), Text(0.3), Weights).IsTopical);
    }

    [Theory]
    [InlineData("A61B 8/08", MatchReasonKind.SameSubclass, 33, "A61B")]
    [InlineData("A61K 9/00", MatchReasonKind.SameClass, 20, "A61")]
    [InlineData("A01B 1/00", MatchReasonKind.SameSection, 10, "A")]
    [InlineData("B63B 1/00", MatchReasonKind.DifferentField, 0, null)]
    public void When_the_need_names_a_field_the_same_subclass_counts_more_than_the_same_class_or_section(string ipc, MatchReasonKind kind, int points, string? evidence)
    {
        var reason = Reason(MatchScorer.Score(Need, Listing(ipc), Text(0.5), Weights), MatchFactor.Ipc)!;
        Assert.Equal((kind, points, evidence), (reason.Kind, reason.Points, reason.Evidence));
    }

    [Fact]
    public void Without_a_field_in_the_need_the_text_carries_all_topical_points()
    {
        var result = MatchScorer.Score(NeedWithoutField, Listing(), Text(0.5, "导航"), Weights);
        Assert.Null(Reason(result, MatchFactor.Ipc));
        Assert.Equal((45, 90), (Reason(result, MatchFactor.Text)!.Points, Reason(result, MatchFactor.Text)!.MaxPoints));
    }

    [Theory]
    [InlineData(0.9, MatchReasonKind.TextStrong, 81, "90%")]
    [InlineData(0.45, MatchReasonKind.TextPartial, 41, "45%")]
    [InlineData(0.2, MatchReasonKind.TextWeak, 18, "20%")]
    public void Text_relevance_scales_the_text_points_and_names_the_shared_terms(double strength, MatchReasonKind kind, int points, string evidence)
    {
        var reason = Reason(MatchScorer.Score(NeedWithoutField, Listing(), Text(strength, "传感器", "尾气"), Weights), MatchFactor.Text)!;
        Assert.Equal((kind, points, evidence), (reason.Kind, reason.Points, reason.Evidence));
        Assert.Equal(["传感器", "尾气"], reason.Terms);
    }

    [Theory]
    [InlineData(300_000, MatchReasonKind.WithinBudget, 3)]
    [InlineData(600_000, MatchReasonKind.SlightlyOverBudget, 2)]
    public void The_budget_fits_when_the_price_is_at_most_the_highest_budget(decimal price, MatchReasonKind kind, int points)
    {
        var reason = Reason(MatchScorer.Score(Need, Listing(price: price), Text(0.5), Weights), MatchFactor.Budget)!;
        Assert.Equal((kind, points), (reason.Kind, reason.Points));
    }

    [Fact]
    public void Reasons_that_earned_nothing_are_not_shown()
    {
        var result = MatchScorer.Score(Need, Listing(price: 900_000m, mode: TradeMode.Transfer, sleeping: false), Text(0.5), Weights);
        Assert.Null(Reason(result, MatchFactor.Budget));
        Assert.Null(Reason(result, MatchFactor.Mode));
        Assert.Null(Reason(result, MatchFactor.Sleeping));
        Assert.Equal(result.Score, result.Reasons.Sum(r => r.Points));
    }

    [Theory]
    [InlineData(130, MatchReasonKind.LongTerm, 2)]
    [InlineData(80, MatchReasonKind.MediumTerm, 2)]
    [InlineData(40, MatchReasonKind.ShortTerm, 1)]
    public void More_remaining_term_never_scores_less(int months, MatchReasonKind kind, int points)
    {
        var reason = Reason(MatchScorer.Score(Need, Listing(months: months), Text(0.5), Weights), MatchFactor.Term)!;
        Assert.Equal((kind, points), (reason.Kind, reason.Points));
    }

    [Fact]
    public void Sleeping_patents_get_the_park_bonus()
    {
        var awake = MatchScorer.Score(Need, Listing(sleeping: false), Text(0.5), Weights);
        var sleeping = MatchScorer.Score(Need, Listing(sleeping: true), Text(0.5), Weights);
        Assert.Equal(1, sleeping.Score - awake.Score);
        Assert.Equal(MatchReasonKind.SleepingPatent, Reason(sleeping, MatchFactor.Sleeping)!.Kind);
    }

    [Fact]
    public void Weights_that_leave_the_text_or_every_fit_factor_out_are_refused()
    {
        Assert.Equal("matching.weights", Assert.Throws<Common.DomainRuleException>(() => new MatchWeights { Ipc = -1 }.Validated()).Field);
        Assert.Throws<Common.DomainRuleException>(() => new MatchWeights { Text = 0 }.Validated());
        Assert.Throws<Common.DomainRuleException>(() => new MatchWeights { Budget = 0, Mode = 0, Term = 0, Sleeping = 0 }.Validated());
    }
}
