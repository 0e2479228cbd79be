using Marketplace.Domain.Common;
using Marketplace.Domain.Deals;
using Marketplace.Web.Data;
using System.Security.Claims;
using Marketplace.Web.Platform.Identity;
using Marketplace.Web.Platform;
using Marketplace.Web.Features.Targets.Exports;
using Marketplace.Web.Features.Targets.Plans;
using Marketplace.Web.Features.Targets.Records;
using Marketplace.Web.Features.Targets.Statistics;
using Marketplace.Web.Features.Targets.WhitePaper;

namespace Marketplace.Web.Features.Targets;

public static class TargetsFeature
{
    public static WebApplicationBuilder AddTargets(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<TargetOptions>().BindConfiguration("Targets").PostConfigure(DefaultGroups.Apply);
        builder.Services.AddScoped<PledgeTotals>();
        builder.Services.AddScoped<DealTotals>();
        builder.Services.AddDomainEventHandler<DealCountChanged, DealTotals>();
        builder.Services.AddDomainEventHandler<Domain.Sessions.SessionStatusChanged, SessionsHeldBroadcast>();
        builder.Services.AddDomainEventHandler<Domain.Evidence.EvidenceChanged, SessionsHeldBroadcast>();
        builder.Services.AddScoped<TargetGroups>();
        builder.Services.AddScoped<TargetScopes>();
        builder.Services.AddScoped<TargetsReader>();
        builder.Services.AddHomeSection<TargetsOnHome>();
        builder.Services.AddScoped<TargetsRecount>();
        builder.Services.AddScoped<PlanService>();
        builder.Services.AddSingleton<TargetsBroadcast>();
        builder.Services.AddScoped<Records.RecordsQuery>();
        builder.Services.AddScoped<Statistics.MarketStatistics>();
        builder.Services.AddScoped<Exports.ExportKinds>();
        builder.Services.AddOptions<WhitePaper.WhitePaperOptions>().BindConfiguration("WhitePaper");
        builder.Services.AddSingleton<WhitePaper.WhitePaperPdf>();
        return builder;
    }

    public static IEndpointRouteBuilder MapTargetsApi(this IEndpointRouteBuilder app)
    {
        // The headline figures are public: the park reports its plan's progress to everyone.
        app.MapGet("/api/targets", async (int? year, Guid? plan, ClaimsPrincipal user, TargetsReader reader, CancellationToken ct) =>
                TypedResults.Ok(await reader.ReadAsync(ValidYear(year, "year"), user.IsInRole(Roles.ParkAdmin), ct, plan)))
            .WithTags("Targets")
            .AllowAnonymous();
        app.MapPost("/api/targets/recount", async (TargetsRecount recount, CancellationToken ct) =>
            {
                await recount.RebuildAsync(ct);
                return TypedResults.NoContent();
            })
            .WithTags("Targets")
            .RequireAuthorization(Roles.ParkAdmin);
        app.MapHub<TargetsHub>(TargetsHub.Path).RequireKnownOrigin();
        app.MapPlans();
        app.MapTargetRecords();
        app.MapStatistics();
        app.MapExports();
        app.MapWhitePaper();
        return app;
    }

    /// <summary>Years are business years of the park's records; anything else is a typo, answered with a 400 naming the field.</summary>
    public static int? ValidYear(int? year, string field) =>
        year is null or (>= 2000 and <= 2100) ? year : throw new DomainRuleException(field, "Give a year between 2000 and 2100.");
}
