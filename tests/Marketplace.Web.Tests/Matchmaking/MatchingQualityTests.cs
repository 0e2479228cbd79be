using Marketplace.Tests.Shared;
using Marketplace.Web.Data;
using Marketplace.Web.Demo;
using Marketplace.Web.Features.Needs;
using Marketplace.Web.Features.Search;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Marketplace.Web.Tests.Matchmaking;

/// <summary>The matcher on the labelled set against the generated catalog: a quality floor, not a timing.</summary>
public sealed class MatchingQualityTests(WebApp app, ITestOutputHelper output) : AppTest(app)
{
    [Fact]
    public async Task Precision_at_5_on_the_labelled_needs_is_at_least_0_6()
    {
        await using var scope = App.Services.CreateAsyncScope();
        await MatchingQuality.SeedLabelledCatalogAsync(scope.ServiceProvider, "Weihai-Demo-2026-test");

        var figures = await MatchingQuality.EvaluateAsync(scope.ServiceProvider.GetRequiredService<MarketplaceDb>(), App.Services.GetRequiredService<Matcher>());
        foreach (var n in figures.Needs) output.WriteLine($"{n.Title}: {n.RelevantInTop5}/5, {n.RelevantInTop10}/{n.Relevant} in top 10 ({n.Returned} returned)");
        output.WriteLine($"precision@5 {figures.PrecisionAt5:F3}, recall@10 {figures.RecallAt10:F3}");
        Assert.True(MatchingLabels.Needs.Count >= 30);
        Assert.True(figures.PrecisionAt5 >= 0.6, $"precision@5 is {figures.PrecisionAt5:F3}");
    }
}
