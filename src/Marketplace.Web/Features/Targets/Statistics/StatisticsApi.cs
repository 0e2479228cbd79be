using System.Globalization;
using Marketplace.Web.Features.Accounts;
using Marketplace.Web.Features.Targets.Records;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Features.Targets.Statistics;

public static class StatisticsApi
{
    public static IEndpointRouteBuilder MapStatistics(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/statistics", async (DateOnly? from, DateOnly? to, MarketStatistics statistics, IOptions<TargetOptions> options, CancellationToken ct) =>
            {
                var (start, end) = PlanPeriod(from, to, options.Value);
                return TypedResults.Ok(await statistics.ReadAsync(start, end, ct));
            })
            .WithTags("Targets")
            .RequireAuthorization(Roles.ParkAdmin);
        return app;
    }

    /// <summary>A checked period, the plan's where a bound is not given.</summary>
    public static (DateOnly From, DateOnly To) PlanPeriod(DateOnly? from, DateOnly? to, TargetOptions plan) =>
        new RecordFilter { From = from ?? new DateOnly(plan.PlanFrom, 1, 1), To = to ?? new DateOnly(plan.PlanTo, 12, 31) }.Period();
}
