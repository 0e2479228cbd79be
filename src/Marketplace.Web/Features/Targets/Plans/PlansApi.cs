using Marketplace.Web.Platform.Identity;

namespace Marketplace.Web.Features.Targets.Plans;

/// <summary>The plan periods: public to read (the park reports against them), kept by the park office.</summary>
public static class PlansApi
{
    public static IEndpointRouteBuilder MapPlans(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/targets/plans").WithTags("Targets");
        api.MapGet("/", async (PlanService plans, CancellationToken ct) =>
            TypedResults.Ok((await plans.ListAsync(ct)).Select(plans.ToResponse).ToList())).AllowAnonymous();
        api.MapPost("/", async (PlanRequest request, PlanService plans, CancellationToken ct) =>
        {
            var plan = await plans.CreateAsync(request, ct);
            return TypedResults.Created($"/api/targets/plans/{plan.Id}", plans.ToResponse(plan));
        }).RequireAuthorization(Roles.ParkAdmin);
        api.MapPut("/{id:guid}", async (Guid id, PlanRequest request, PlanService plans, CancellationToken ct) =>
            TypedResults.Ok(plans.ToResponse(await plans.EditAsync(id, request, ct)))).RequireAuthorization(Roles.ParkAdmin);
        return app;
    }
}
