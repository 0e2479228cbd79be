using System.Security.Claims;
using Marketplace.Domain.Common;
using Marketplace.Web.Data;
using Marketplace.Web.Platform.Identity;
using Marketplace.Web.Platform.Audit;
using Marketplace.Web.Features.Patents;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Organizations;
using Marketplace.Domain.Patents;

namespace Marketplace.Web.Features.Listings;

public static class ListingsApi
{
    public static IEndpointRouteBuilder MapListingsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/listings").WithTags("Listings");
        api.MapGet("/", async ([AsParameters] CatalogFilter filter, ClaimsPrincipal user, CatalogQuery catalog, HttpContext http, CancellationToken ct) =>
        {
            var page = await catalog.RunAsync(user, filter, ct);
            if (filter.Mine != true && filter.Status is null) CatalogCursor.WriteLinkHeader(http, page);
            return TypedResults.Ok(page);
        });
        api.MapPost("/", Create).RequireAuthorization(PatentsFeature.CanList);
        api.MapGet("/{id:guid}", Get).CacheOutput(ListingsFeature.ListingCachePolicy);
        api.MapGet("/{id:guid}/history", History);
        api.MapPut("/{id:guid}", async (Guid id, UpdateListingRequest request, ClaimsPrincipal user, ListingService listings, ListingReader reader, CancellationToken ct) =>
            TypedResults.Ok(await reader.DescribeAsync(await listings.UpdateAsync(user, id, request, ct), ct))).RequireAuthorization(PatentsFeature.CanList);

        var own = api.MapGroup("/{id:guid}").RequireAuthorization(PatentsFeature.CanList);
        own.MapPost("/submit", async (Guid id, uint? version, ClaimsPrincipal user, ListingService listings, ListingReader reader, CancellationToken ct) =>
            TypedResults.Ok(await reader.DescribeAsync(await listings.SubmitAsync(user, id, version, ct), ct)));
        own.MapPost("/withdraw", async (Guid id, uint? version, ClaimsPrincipal user, ListingService listings, ListingReader reader, CancellationToken ct) =>
            TypedResults.Ok(await reader.DescribeAsync(await listings.WithdrawAsync(user, id, version, ct), ct)));

        var moderation = api.MapGroup("/{id:guid}").RequireAuthorization(Roles.ParkAdmin);
        moderation.MapPost("/approve", async (Guid id, uint? version, ListingService listings, ListingReader reader, CancellationToken ct) =>
            TypedResults.Ok(await reader.DescribeAsync(await listings.ApproveAsync(id, version, ct), ct)));
        moderation.MapPost("/reject", async (Guid id, ModerationRequest request, ListingService listings, ListingReader reader, CancellationToken ct) =>
            TypedResults.Ok(await reader.DescribeAsync(await listings.RejectAsync(id, request, ct), ct)));
        moderation.MapPost("/rework", async (Guid id, ModerationRequest request, ListingService listings, ListingReader reader, CancellationToken ct) =>
            TypedResults.Ok(await reader.DescribeAsync(await listings.ReworkAsync(id, request, ct), ct)));
        return app;
    }

    private static async Task<Created<ListingResponse>> Create(
        ListingRequest request, ClaimsPrincipal user, ListingService listings, ListingReader reader, CancellationToken ct)
    {
        var listing = await listings.CreateAsync(user, request, ct);
        return TypedResults.Created($"/api/listings/{listing.Id}", await reader.DescribeAsync(listing, ct));
    }

    private static async Task<Ok<ListingResponse>> Get(Guid id, ClaimsPrincipal user, ListingReader reader, CancellationToken ct) =>
        TypedResults.Ok(await reader.DetailAsync(user, id, ct));

    /// <summary>The listing's status history, read from the audit log.</summary>
    private static async Task<Ok<List<StatusChange>>> History(Guid id, ClaimsPrincipal user, ListingService listings, ListingReader reader, CancellationToken ct)
    {
        await listings.FindVisibleAsync(user, id, ct);
        return TypedResults.Ok(await reader.HistoryAsync(id, ct));
    }
}
