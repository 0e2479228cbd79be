using System.Security.Claims;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Accounts;
using Marketplace.Web.Features.Platform;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Organizations;

public static class OrganizationsApi
{
    public static IEndpointRouteBuilder MapOrganizationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/organizations").WithTags("Organizations");
        api.MapPost("/", Register).RequireRateLimiting(AccountsFeature.AuthRateLimit).AllowAnonymous();
        api.MapGet("/", List);
        api.MapGet("/{id:guid}", Get);
        api.MapPut("/{id:guid}/contact", UpdateContact).RequireAuthorization();
        api.MapPost("/{id:guid}/verify", Verify).RequireAuthorization(Roles.ParkAdmin);
        api.MapGet("/{id:guid}/members", Members).RequireAuthorization();
        api.MapPost("/{id:guid}/members", AddMember).RequireAuthorization(AccountsFeature.VerifiedOrganization);
        api.MapDelete("/{id:guid}/members/{userId:guid}", async (Guid id, Guid userId, ClaimsPrincipal user, MemberService members, CancellationToken ct) =>
        {
            await members.DeactivateAsync(user, id, userId, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(AccountsFeature.VerifiedOrganization);
        return app;
    }

    private static async Task<Created<RegisteredResponse>> Register(
        RegisterOrganizationRequest request, OrganizationService organizations, CancellationToken ct)
    {
        var (organization, user) = await organizations.RegisterAsync(request, ct);
        return TypedResults.Created($"/api/organizations/{organization.Id}",
            new RegisteredResponse(organization.ToResponse(), user.Id, user.Email!));
    }

    /// <summary>Anyone may list verified organisations; only the park office may list the unverified ones.</summary>
    private static async Task<Results<Ok<List<OrganizationSummary>>, ProblemHttpResult>> List(
        bool? verified, ClaimsPrincipal user, MarketplaceDb db, Microsoft.Extensions.Localization.IStringLocalizer<Localization.SharedResource> t, CancellationToken ct)
    {
        var showVerified = verified ?? true;
        if (!showVerified && !user.IsInRole(Roles.ParkAdmin))
            return TypedResults.Problem(statusCode: 403, title: t["Forbidden"], detail: t["Only the park office may list unverified organisations."]);
        var rows = await db.Organizations.AsNoTracking()
            .Where(o => o.IsVerified == showVerified)
            .OrderBy(o => o.NameZh)
            .ProjectToSummary()
            .ToListAsync(ct);
        return TypedResults.Ok(rows);
    }

    /// <summary>Members and the park office read the full record; others see a verified organisation's card.</summary>
    private static async Task<Results<Ok<OrganizationResponse>, Ok<OrganizationSummary>>> Get(
        Guid id, ClaimsPrincipal user, MarketplaceDb db, CancellationToken ct)
    {
        var organization = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct);
        var isInsider = user.IsInRole(Roles.ParkAdmin) || user.OrganizationId() == id;
        if (organization is null || (!isInsider && !organization.IsVerified)) throw new NotFoundException("Organisation");
        return isInsider ? TypedResults.Ok(organization.ToResponse()) : TypedResults.Ok(organization.ToSummary());
    }

    private static async Task<Ok<OrganizationResponse>> UpdateContact(
        Guid id, UpdateContactRequest request, ClaimsPrincipal user, OrganizationService organizations, CancellationToken ct) =>
        TypedResults.Ok((await organizations.UpdateContactAsync(user, id, request, ct)).ToResponse());

    private static async Task<Ok<OrganizationResponse>> Verify(
        Guid id, uint? version, OrganizationService organizations, CancellationToken ct) =>
        TypedResults.Ok((await organizations.VerifyAsync(id, version, ct)).ToResponse());

    private static async Task<Ok<List<MemberResponse>>> Members(
        Guid id, ClaimsPrincipal user, OrganizationService organizations, UserManager<AppUser> users, MarketplaceDb db, CancellationToken ct)
    {
        var organization = await organizations.FindManageableAsync(user, id, ct);
        var members = await db.Users.AsNoTracking().Where(u => u.OrganizationId == organization.Id).OrderBy(u => u.Email).ToListAsync(ct);
        var result = new List<MemberResponse>();
        foreach (var member in members)
            result.Add(new MemberResponse(member.Id, member.Email!, member.DisplayName, [.. await users.GetRolesAsync(member)], member.DeactivatedAt));
        return TypedResults.Ok(result);
    }

    private static async Task<Created<MemberResponse>> AddMember(
        Guid id, AddMemberRequest request, ClaimsPrincipal user, MemberService members, CancellationToken ct)
    {
        var member = await members.AddAsync(user, id, request, ct);
        return TypedResults.Created($"/api/organizations/{id}/members", new MemberResponse(member.Id, member.Email!, member.DisplayName, [request.Role], null));
    }
}
