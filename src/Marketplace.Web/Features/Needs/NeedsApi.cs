using System.Security.Claims;
using Marketplace.Domain.Matchmaking;
using Marketplace.Web.Platform.Identity;
using Marketplace.Web.Features.Listings;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Needs;

public static class NeedsApi
{
    public static IEndpointRouteBuilder MapNeedsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/needs").WithTags("Needs").RequireAuthorization();
        api.MapGet("/", List);
        api.MapPost("/", Post).RequireAuthorization(NeedsFeature.CanPostNeeds);
        api.MapGet("/unmatched", (MatchReader matches, NeedReader needs, CancellationToken ct) => matches.UnmatchedAsync(needs, ct))
            .RequireAuthorization(Roles.ParkAdmin);
        api.MapGet("/{id:guid}", async (Guid id, ClaimsPrincipal user, NeedService service, NeedReader reader, CancellationToken ct) =>
            TypedResults.Ok(await reader.DescribeAsync(await service.FindVisibleAsync(user, id, ct), ct)));
        api.MapGet("/{id:guid}/matches", async (Guid id, ClaimsPrincipal user, NeedService service, MatchReader matches, CancellationToken ct) =>
        {
            var need = await service.FindVisibleAsync(user, id, ct);
            return TypedResults.Ok(await matches.ForNeedAsync(need.Id, ct));
        });

        var own = api.MapGroup("/{id:guid}").RequireAuthorization(NeedsFeature.CanPostNeeds);
        own.MapPut("/", async (Guid id, NeedRequest request, ClaimsPrincipal user, NeedService service, NeedReader reader, CancellationToken ct) =>
            TypedResults.Ok(await reader.DescribeAsync(await service.EditAsync(user, id, request, ct), ct)));
        own.MapPost("/close", async (Guid id, uint? version, ClaimsPrincipal user, NeedService service, NeedReader reader, CancellationToken ct) =>
            TypedResults.Ok(await reader.DescribeAsync(await service.CloseAsync(user, id, version, ct), ct)));

        var moderation = api.MapGroup("/{id:guid}").RequireAuthorization(Roles.ParkAdmin);
        moderation.MapPost("/approve", async (Guid id, uint? version, NeedService service, NeedReader reader, CancellationToken ct) =>
            TypedResults.Ok(await reader.DescribeAsync(await service.ApproveAsync(id, version, ct), ct)));
        moderation.MapPost("/reject", async (Guid id, ModerationRequest request, NeedService service, NeedReader reader, CancellationToken ct) =>
            TypedResults.Ok(await reader.DescribeAsync(await service.RejectAsync(id, request.Reason, request.Version, ct), ct)));
        moderation.MapPost("/rework", async (Guid id, ModerationRequest request, NeedService service, NeedReader reader, CancellationToken ct) =>
            TypedResults.Ok(await reader.DescribeAsync(await service.ReworkAsync(id, request.Reason, request.Version, ct), ct)));

        app.MapGet("/api/listings/{id:guid}/matches", async (Guid id, ClaimsPrincipal user, MatchReader matches, CancellationToken ct) =>
            TypedResults.Ok(await matches.ForListingAsync(user, id, ct))).WithTags("Needs").RequireAuthorization();
        app.MapGet("/api/recommendations", async (ClaimsPrincipal user, MatchReader matches, CancellationToken ct) =>
            TypedResults.Ok(await matches.RecommendedAsync(user, 10, ct))).WithTags("Needs").RequireAuthorization();
        return app;
    }

    private static async Task<Created<NeedResponse>> Post(NeedRequest request, ClaimsPrincipal user, NeedService service, NeedReader reader, CancellationToken ct)
    {
        var need = await service.PostAsync(user, request.Details!, ct);
        return TypedResults.Created($"/api/needs/{need.Id}", await reader.DescribeAsync(need, ct));
    }

    /// <summary>Mine for an enterprise, everything for the park office, public open needs for others; optional status filter.</summary>
    private static async Task<Ok<IReadOnlyList<NeedResponse>>> List(NeedStatus? status, bool? mine, ClaimsPrincipal user, NeedService service,
        NeedReader reader, CancellationToken ct)
    {
        var organizationId = user.OrganizationId();
        var query = service.Visible(user);
        if (mine == true) query = query.Where(n => n.OrganizationId == organizationId);
        if (status is { } wanted) query = query.Where(n => n.Status == wanted);
        var needs = await query.OrderByDescending(n => n.UpdatedAt).Take(500).ToListAsync(ct);
        return TypedResults.Ok(await reader.DescribeAsync(needs, ct));
    }
}
