using System.Security.Claims;
using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;
using Quartz;
using Marketplace.Web.Platform.Localization;
using Microsoft.Extensions.Localization;
using Marketplace.Web.Platform.Identity;

namespace Marketplace.Web.Features.Watch;

public static class WatchApi
{
    public static IEndpointRouteBuilder MapWatchApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/patents/{id:guid}/calendar", async (Guid id, ClaimsPrincipal user, WatchReader reader, CancellationToken ct) =>
            TypedResults.Ok(await reader.CalendarAsync(user, id, ct))).WithTags("Watch").RequireAuthorization();

        var api = app.MapGroup("/api/watch").WithTags("Watch");
        // Whoever manages patents (an office, an enterprise) reads its own; the park office reads all.
        var offices = api.MapGroup("").RequireAuthorization(p => p.RequireRole(Roles.TechTransferOffice, Roles.Enterprise, Roles.ParkAdmin));
        offices.MapGet("/alerts", async (ClaimsPrincipal user, WatchReader reader, CancellationToken ct, int? limit) =>
            TypedResults.Ok(await reader.AlertsAsync(user, Math.Clamp(limit ?? 100, 1, 1000), ct)));
        offices.MapGet("/upcoming", async (ClaimsPrincipal user, WatchReader reader, CancellationToken ct) =>
            TypedResults.Ok(await reader.UpcomingAsync(user, ct)));
        offices.MapLegalStatusUpload();

        var park = api.MapGroup("").RequireAuthorization(Roles.ParkAdmin);
        park.MapGet("/runs", async (MarketplaceDb db, CancellationToken ct) =>
            TypedResults.Ok(await db.WatchRuns.AsNoTracking().OrderByDescending(r => r.StartedAt).Take(30).ToListAsync(ct)));
        // Runs the daily watch now, on whichever instance of the cluster takes the trigger.
        park.MapPost("/run", async (IServiceProvider services, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        {
            if (services.GetService<ISchedulerFactory>() is not { } schedulers)
                return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: t["Service unavailable"], detail: t["The scheduler is not running on this instance."]);
            await (await schedulers.GetScheduler(ct)).TriggerJob(DailyWatchJob.Key, ct);
            return Results.Accepted("/api/watch/runs");
        });
        return app;
    }
}
