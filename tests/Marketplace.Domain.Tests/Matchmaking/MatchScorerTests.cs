using Marketplace.Domain.Matchmaking;

namespace Marketplace.Domain.Tests.Matchmaking;

public sealed class MatchScorerTests
{
    private static readonly MatchWeights Weights = new();
    private static readonly NeedProfile Need = new(["A61B 5/00"], 100_000m, 500_000m, [TradeMode.Licence]);

    private static ListingProfile Listing(string ipc = "A61B 8/08", decimal? price = 300_000m, TradeMode mode = TradeMode.Licence,
        int months = 150, bool sleeping = true) => new([ipc], [mode], price, months, sleeping);

    private static MatchReason Reason(MatchResult r, MatchFactor f) => r.Reasons.Single(x => x.Factor == f);

    [Fact]
    public void A_listing_that_fits_on_every_factor_scores_100()
    {
        var result = MatchScorer.Score(Need, Listing(), 1.0, Weights);
        Assert.Equal(100, result.Score);
        Assert.Equal(6, result.Reasons.Count);
        Assert.Equal(result.Score, result.Reasons.Sum(r => r.Points));
    }

    [Theory]
    [InlineData("A61B 8/08", MatchReasonKind.SameSubclass, 20, "A61B")]
    [InlineData("A61K 9/00", MatchReasonKind.SameClass, 12, "A61")]
    [InlineData("A01B 1/00", MatchReasonKind.SameSection, 6, "A")]
    [InlineData("B63B 1/00", MatchReasonKind.DifferentField, 0, null)]
    public void The_same_subclass_scores_more_than_the_same_class_or_section(string ipc, MatchReasonKind kind, int points, string? evidence)
    {
        var reason = Reason(MatchScorer.Score(Need, Listing(ipc), 0, Weights), MatchFactor.Ipc);
        Assert.Equal((kind, points, evidence), (reason.Kind, reason.Points, reason.Evidence));
    }

    [Theory]
    [InlineData(300_000, MatchReasonKind.WithinBudget, 15)]
    [InlineData(50_000, MatchReasonKind.WithinBudget, 15)]
    [InlineData(600_000, MatchReasonKind.SlightlyOverBudget, 8)]
    [InlineData(900_000, MatchReasonKind.OverBudget, 0)]
    public void The_budget_fits_when_the_price_is_at_most_the_highest_budget(decimal price, MatchReasonKind kind, int points)
    {
        var reason = Reason(MatchScorer.Score(Need, Listing(price: price), 0, Weights), MatchFactor.Budget);
        Assert.Equal((kind, points), (reason.Kind, reason.Points));
    }

    [Fact]
    public void A_negotiable_price_or_a_need_without_budget_earns_half_the_budget_points()
    {
        Assert.Equal(MatchReasonKind.PriceNegotiable, Reason(MatchScorer.Score(Need, Listing(price: null), 0, Weights), MatchFactor.Budget).Kind);
        var noBudget = Need with { BudgetMax = null };
        var reason = Reason(MatchScorer.Score(noBudget, Listing(), 0, Weights), MatchFactor.Budget);
        Assert.Equal((MatchReasonKind.NoBudgetGiven, 8), (reason.Kind, reason.Points));
    }

    [Fact]
    public void A_mode_the_enterprise_does_not_want_scores_nothing_for_mode()
    {
        var reason = Reason(MatchScorer.Score(Need, Listing(mode: TradeMode.Transfer), 0, Weights), MatchFactor.Mode);
        Assert.Equal((MatchReasonKind.ModeNotOffered, 0, "Transfer"), (reason.Kind, reason.Points, reason.Evidence));
    }

    [Theory]
    [InlineData(130, MatchReasonKind.LongTerm, 10)]
    [InlineData(80, MatchReasonKind.MediumTerm, 7)]
    [InlineData(40, MatchReasonKind.ShortTerm, 4)]
    [InlineData(12, MatchReasonKind.ShortTerm, 1)]
    public void More_remaining_term_scores_more(int months, MatchReasonKind kind, int points)
    {
        var reason = Reason(MatchScorer.Score(Need, Listing(months: months), 0, Weights), MatchFactor.Term);
        Assert.Equal((kind, points), (reason.Kind, reason.Points));
    }

    [Fact]
    public void Sleeping_patents_get_the_park_bonus()
    {
        var awake = MatchScorer.Score(Need, Listing(sleeping: false), 0.5, Weights);
        var sleeping = MatchScorer.Score(Need, Listing(sleeping: true), 0.5, Weights);
        Assert.Equal(5, sleeping.Score - awake.Score);
        Assert.Equal(MatchReasonKind.SleepingPatent, Reason(sleeping, MatchFactor.Sleeping).Kind);
    }

    [Theory]
    [InlineData(0.9, MatchReasonKind.TextStrong, 32)]
    [InlineData(0.5, MatchReasonKind.TextPartial, 18)]
    [InlineData(0.1, MatchReasonKind.TextWeak, 4)]
    public void Text_relevance_scales_the_text_points(double relevance, MatchReasonKind kind, int points)
    {
        var reason = Reason(MatchScorer.Score(Need, Listing(), relevance, Weights), MatchFactor.Text);
        Assert.Equal((kind, points), (reason.Kind, reason.Points));
    }

    [Fact]
    public void Weights_from_configuration_change_the_score_and_are_scaled_to_100()
    {
        var textOnly = new MatchWeights { Text = 1, Ipc = 0, Budget = 0, Mode = 0, Term = 0, Sleeping = 0 };
        Assert.Equal(50, MatchScorer.Score(Need, Listing(), 0.5, textOnly).Score);
        var doubled = new MatchWeights { Text = 70, Ipc = 40, Budget = 30, Mode = 30, Term = 20, Sleeping = 10 };
        Assert.Equal(MatchScorer.Score(Need, Listing(), 0.5, Weights).Score, MatchScorer.Score(Need, Listing(), 0.5, doubled).Score);
    }

    [Fact]
    public void A_listing_about_another_subject_is_not_topical_whatever_its_price()
    {
        Assert.False(MatchScorer.Score(Need, Listing("B63B 1/00"), 0.05, Weights).IsTopical);
        Assert.True(MatchScorer.Score(Need, Listing("B63B 1/00"), 0.5, Weights).IsTopical);
        Assert.True(MatchScorer.Score(Need, Listing("A01B 1/00"), 0, Weights).IsTopical);
    }

    [Fact]
    public void Negative_weights_are_refused()
    {
        var rule = Assert.Throws<Marketplace.Domain.Common.DomainRuleException>(() => new MatchWeights { Ipc = -1 }.Validated());
        Assert.Equal("matching.weights", rule.Field);
    }
}
