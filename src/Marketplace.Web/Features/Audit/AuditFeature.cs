using Marketplace.Web.Data;
using Marketplace.Web.Platform.Audit;

namespace Marketplace.Web.Features.Audit;

public static class AuditFeature
{
    public static WebApplicationBuilder AddAudit(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<AuditLog>();
        return builder;
    }

    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/audit", async ([AsParameters] AuditFilterQuery query, MarketplaceDb db, CancellationToken ct) =>
                TypedResults.Ok(await AuditQuery.RunAsync(db, query.ToFilter(), ct)))
            .WithTags("Audit")
            .RequireAuthorization(Platform.Identity.Roles.ParkAdmin);
        return app;
    }
}

public sealed record AuditFilterQuery(string? Entity, string? EntityId, string? Action, string? User, DateOnly? From, DateOnly? To, int? Page)
{
    public AuditFilter ToFilter() => new()
    {
        Entity = Entity, EntityId = EntityId, Action = Action, User = User, From = From, To = To, Page = Page ?? 1,
    };
}
