using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Features.Targets;

public sealed class TargetOptions
{
    /// <summary>The park's goal for pledge financing, in yuan (6亿元).</summary>
    public decimal PledgeFinancing { get; set; } = 600_000_000m;
}

public sealed record YearPledgeFigures(int Year, decimal Disbursed, decimal ApprovedNotDisbursed);

public sealed record PledgeFinancingFigures(decimal Target, decimal Disbursed, decimal ApprovedNotDisbursed, IReadOnlyList<YearPledgeFigures> ByYear);

/// <summary>The park's targets; one part per programme, so the deals figures can join as another property.</summary>
public sealed record TargetsResponse(PledgeFinancingFigures PledgeFinancing);

public static class TargetsFeature
{
    public static WebApplicationBuilder AddTargets(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<TargetOptions>().BindConfiguration("Targets");
        builder.Services.AddScoped<PledgeTotals>();
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

    public static async Task<TargetsResponse> ReadAsync(MarketplaceDb db, TargetOptions options, CancellationToken ct)
    {
        var years = await db.PledgeTotals.AsNoTracking().OrderBy(t => t.Year)
            .Select(t => new YearPledgeFigures(t.Year, t.Disbursed, t.ApprovedNotDisbursed)).ToListAsync(ct);
        return new TargetsResponse(new PledgeFinancingFigures(
            options.PledgeFinancing, years.Sum(y => y.Disbursed), years.Sum(y => y.ApprovedNotDisbursed), years));
    }
}
