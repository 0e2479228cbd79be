using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Features.Targets;

public static class TargetsFeature
{
    public static WebApplicationBuilder AddTargets(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<TargetOptions>().BindConfiguration("Targets");
        builder.Services.AddScoped<PledgeTotals>();
        builder.Services.AddScoped<DealTotals>();
        return builder;
    }

    public static IEndpointRouteBuilder MapTargetsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/targets", async (MarketplaceDb db, IOptions<TargetOptions> options, CancellationToken ct) =>
                TypedResults.Ok(await ReadAsync(db, options.Value, ct)))
            .WithTags("Targets")
            .RequireAuthorization();
        return app;
    }

    /// <summary>Reads the kept totals (a few rows per year), never the deals or loans themselves.</summary>
    public static async Task<TargetsResponse> ReadAsync(MarketplaceDb db, TargetOptions options, CancellationToken ct)
    {
        var pledgeYears = await db.PledgeTotals.AsNoTracking().OrderBy(t => t.Year)
            .Select(t => new YearPledgeFigures(t.Year, t.Disbursed, t.ApprovedNotDisbursed)).ToListAsync(ct);
        var dealRows = await db.DealTotals.AsNoTracking().OrderBy(t => t.Year).ToListAsync(ct);
        var dealYears = dealRows.GroupBy(t => t.Year).Select(y => new YearDealFigures(y.Key, y.Sum(t => t.Contracted), y.Sum(t => t.Received), y.Sum(t => t.Deals),
            y.OrderBy(t => t.Category).Select(t => new CategoryFigures(t.Category, t.Contracted, t.Received, t.Deals)).ToList())).ToList();
        return new TargetsResponse(
            new DealFigures(options.Deals, dealYears.Sum(y => y.Contracted), dealYears.Sum(y => y.Received), dealYears.Sum(y => y.Deals), dealYears),
            new PledgeFinancingFigures(options.PledgeFinancing, pledgeYears.Sum(y => y.Disbursed), pledgeYears.Sum(y => y.ApprovedNotDisbursed), pledgeYears));
    }
}
