using System.Security.Claims;
using Marketplace.Domain.Pledges;
using Marketplace.Web.Platform.Identity;
using Marketplace.Web.Features.Patents;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Web.Features.Pledges;

public static class PledgesApi
{
    public static IEndpointRouteBuilder MapPledgesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/pledges").WithTags("Pledges").RequireAuthorization();
        api.MapGet("/", async ([AsParameters] PledgeFilterQuery filter, ClaimsPrincipal user, PledgeReader reader, CancellationToken ct) =>
            TypedResults.Ok(await reader.ListAsync(user, filter.ToFilter(), ct)));
        api.MapPost("/", Create).RequireAuthorization(PledgesFeature.Applicant);
        // The bank's loans whose security is at risk; the park office sees every bank's.
        api.MapGet("/watchlist", async (ClaimsPrincipal user, Watchlist watchlist, CancellationToken ct) =>
            TypedResults.Ok(await watchlist.OpenAsync(user, 500, ct))).RequireAuthorization(p => p.RequireRole(Roles.BankOfficer, Roles.BankApprover, Roles.ParkAdmin));
        api.MapPost("/eligibility", async (PledgeRequest request, ClaimsPrincipal user, PledgeChecks checks, CancellationToken ct) =>
            TypedResults.Ok(await checks.PreviewAsync(user.OrganizationId()!.Value, request, ct))).RequireAuthorization(PledgesFeature.Applicant);
        api.MapGet("/{id:guid}", async (Guid id, ClaimsPrincipal user, PledgeAccess access, PledgeReader reader, CancellationToken ct) =>
            TypedResults.Ok(await reader.DescribeAsync(await access.FindVisibleAsync(user, id, ct), ct)));
        api.MapGet("/{id:guid}/history", async (Guid id, ClaimsPrincipal user, PledgeAccess access, PledgeReader reader, CancellationToken ct) =>
        {
            await access.FindVisibleAsync(user, id, ct);
            return TypedResults.Ok(await reader.HistoryAsync(id, ct));
        });
        api.MapPut("/{id:guid}", async (Guid id, PledgeRequest request, ClaimsPrincipal user, PledgeService pledges, PledgeReader reader, CancellationToken ct) =>
            TypedResults.Ok(await reader.DescribeAsync(await pledges.UpdateAsync(user, id, request, ct), ct))).RequireAuthorization(PledgesFeature.Applicant);

        foreach (var step in PledgeSteps.All.Except(PledgeSteps.WithBody))
            api.MapPost(step.Route, (Guid id, StepRequest? request, ClaimsPrincipal user, PledgeService pledges, PledgeReader reader, CancellationToken ct) =>
                Run(step, id, StepForm.Of(request), user, pledges, reader, ct)).RequireAuthorization(step.Policy);
        // Written out rather than through a generic helper: the validation generator only sees concrete body types.
        api.MapPost(PledgeSteps.Recommend.Route, (Guid id, RecommendRequest request, ClaimsPrincipal user, PledgeService pledges, PledgeReader reader, CancellationToken ct) =>
            Run(PledgeSteps.Recommend, id, StepForm.Of(request), user, pledges, reader, ct)).RequireAuthorization(PledgeSteps.Recommend.Policy);
        api.MapPost(PledgeSteps.Register.Route, (Guid id, RegisterRequest request, ClaimsPrincipal user, PledgeService pledges, PledgeReader reader, CancellationToken ct) =>
            Run(PledgeSteps.Register, id, StepForm.Of(request), user, pledges, reader, ct)).RequireAuthorization(PledgeSteps.Register.Policy);
        api.MapPost(PledgeSteps.Disburse.Route, (Guid id, DisburseRequest request, ClaimsPrincipal user, PledgeService pledges, PledgeReader reader, CancellationToken ct) =>
            Run(PledgeSteps.Disburse, id, StepForm.Of(request), user, pledges, reader, ct)).RequireAuthorization(PledgeSteps.Disburse.Policy);

        api.MapGet("/policy", async (ClaimsPrincipal user, BankPolicies policies, CancellationToken ct) =>
            TypedResults.Ok(await policies.GetAsync(user, ct))).RequireAuthorization(PledgesFeature.BankMember);
        api.MapPut("/policy", async (PolicyRequest request, ClaimsPrincipal user, BankPolicies policies, CancellationToken ct) =>
            TypedResults.Ok(await policies.SetAsync(user, request, ct))).RequireAuthorization(PledgesFeature.BankMember);
        return app;
    }

    private static async Task<Ok<PledgeResponse>> Run(PledgeStep step, Guid id, StepForm form, ClaimsPrincipal user, PledgeService pledges,
        PledgeReader reader, CancellationToken ct) =>
        TypedResults.Ok(await reader.DescribeAsync(await step.Call(pledges, user, id, form, ct), ct));

    private static async Task<Created<PledgeResponse>> Create(PledgeRequest request, ClaimsPrincipal user, PledgeService pledges, PledgeReader reader, CancellationToken ct)
    {
        var application = await pledges.CreateAsync(user, request, ct);
        return TypedResults.Created($"/api/pledges/{application.Id}", await reader.DescribeAsync(application, ct));
    }
}

public sealed record PledgeFilterQuery(PledgeStatus? State, int? MinAgeDays, int? MaxAgeDays, decimal? MinAmount, decimal? MaxAmount, int? Page)
{
    public PledgeFilter ToFilter() => new()
    {
        State = State, MinAgeDays = MinAgeDays, MaxAgeDays = MaxAgeDays, MinAmount = MinAmount, MaxAmount = MaxAmount, Page = Page,
    };
}
