using System.Security.Claims;
using Marketplace.Web.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Accounts;

public sealed record MeResponse(
    Guid Id, string Email, string DisplayName, IReadOnlyList<string> Roles, bool TwoFactorEnabled, MeOrganization Organization);

public sealed record MeOrganization(Guid Id, string NameZh, string? NameEn, string Type, bool IsVerified);

public static class AccountsApi
{
    public static IEndpointRouteBuilder MapAccountsApi(this IEndpointRouteBuilder app)
    {
        // Identity's own endpoints give API clients a bearer token (POST /api/auth/login) and refresh, 2FA and
        // password reset. Its /register would create a user without an organisation, so it is closed in favour
        // of POST /api/organizations.
        app.MapGroup("/api/auth")
            .WithTags("Auth")
            .RequireRateLimiting(AccountsFeature.AuthRateLimit)
            .AddEndpointFilter(async (context, next) =>
                context.HttpContext.Request.Path.StartsWithSegments("/api/auth/register")
                    ? TypedResults.Problem(
                        statusCode: StatusCodes.Status404NotFound,
                        title: Words(context)["Not found"],
                        detail: Words(context)["Register an organisation and its first user with POST /api/organizations."])
                    : await next(context))
            .MapIdentityApi<AppUser>();

        app.MapGet("/api/me", GetMe).WithTags("Auth").RequireAuthorization();
        return app;
    }

    private static Microsoft.Extensions.Localization.IStringLocalizer Words(EndpointFilterInvocationContext context) =>
        context.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Localization.SharedResource>>();

    private static async Task<Results<Ok<MeResponse>, UnauthorizedHttpResult>> GetMe(
        ClaimsPrincipal principal, UserManager<AppUser> users, MarketplaceDb db, CancellationToken ct)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null) return TypedResults.Unauthorized();
        var organization = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == user.OrganizationId, ct);
        var roles = await users.GetRolesAsync(user);
        return TypedResults.Ok(new MeResponse(
            user.Id, user.Email!, user.DisplayName, roles.Order().ToList(), user.TwoFactorEnabled,
            new MeOrganization(organization.Id, organization.NameZh, organization.NameEn, organization.Type.ToString(), organization.IsVerified)));
    }
}
