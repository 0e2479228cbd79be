using System.Globalization;
using Marketplace.Web.Platform.Identity;
using Marketplace.Web.Features.Targets.Records;

namespace Marketplace.Web.Features.Targets.Statistics;

public static class StatisticsApi
{
    public static IEndpointRouteBuilder MapStatistics(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/statistics", async (DateOnly? from, DateOnly? to, MarketStatistics statistics, TargetScopes scopes, CancellationToken ct) =>
            {
                var (start, end) = await PlanPeriodAsync(from, to, scopes, ct);
                return TypedResults.Ok(await statistics.ReadAsync(start, end, ct));
            })
            .WithTags("Targets")
            .RequireAuthorization(Roles.ParkAdmin);
        return app;
    }

    /// <summary>A checked period, the current plan's where a bound is not given (the dashboard's default scope).</summary>
    public static async Task<(DateOnly From, DateOnly To)> PlanPeriodAsync(DateOnly? from, DateOnly? to, TargetScopes scopes, CancellationToken ct)
    {
        var (scope, _) = await scopes.ResolveAsync(null, null, ct);
        return new RecordFilter { From = from ?? scope.From, To = to ?? scope.To }.Period();
    }
}
