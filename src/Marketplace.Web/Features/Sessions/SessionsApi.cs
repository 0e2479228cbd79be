using System.Security.Claims;
using System.Text;
using Marketplace.Domain.Sessions;
using Marketplace.Web.Platform.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Sessions;

public static class SessionsApi
{
    public static IEndpointRouteBuilder MapSessionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/sessions").WithTags("Sessions");
        api.MapGet("/", List);
        api.MapGet("/held", async (SessionReport report, TimeProvider clock, CancellationToken ct) => TypedResults.Ok(await report.HeldPerYearAsync(clock, ct)));
        api.MapGet("/{id:guid}", async (Guid id, ClaimsPrincipal user, SessionReader reader, CancellationToken ct) =>
            TypedResults.Ok(await reader.DescribeAsync(await reader.FindVisibleAsync(user, id, ct), ct)));
        api.MapGet("/{id:guid}/board", async (Guid id, ClaimsPrincipal user, SessionReader reader, CancellationToken ct) =>
            TypedResults.Ok(await reader.SnapshotAsync(user, id, ct)));
        api.MapGet("/{id:guid}/events", async (Guid id, long? after, ClaimsPrincipal user, SessionReader reader, SessionEventLog log, CancellationToken ct) =>
        {
            await reader.FindVisibleAsync(user, id, ct);
            return TypedResults.Ok(await log.AfterAsync(id, after ?? 0, SessionEventLog.ReplayLimit, ct));
        });
        api.MapGet("/{id:guid}/leads", async (Guid id, ClaimsPrincipal user, ParticipationService participation, CancellationToken ct) =>
            TypedResults.Ok(await participation.LeadsAsync(user, id, ct))).RequireAuthorization();

        var registrations = api.MapGroup("/{id:guid}/registrations");
        registrations.MapGet("/", async (Guid id, ClaimsPrincipal user, RegistrationService service, CancellationToken ct) =>
            TypedResults.Ok(await service.ListAsync(user, id, ct))).RequireAuthorization();
        registrations.MapPost("/", Register).RequireAuthorization(SessionsFeature.CanRegister);
        registrations.MapPost("/{registrationId:guid}/approve", async (Guid id, Guid registrationId, DecisionRequest? request, ClaimsPrincipal user,
            RegistrationService service, CancellationToken ct) =>
        {
            await service.ApproveAsync(id, registrationId, request?.Version, ct);
            return TypedResults.Ok((await service.ListAsync(user, id, ct)).Single(r => r.Id == registrationId));
        }).RequireAuthorization(Roles.ParkAdmin);
        registrations.MapPost("/{registrationId:guid}/reject", async (Guid id, Guid registrationId, DecisionRequest? request, ClaimsPrincipal user,
            RegistrationService service, CancellationToken ct) =>
        {
            await service.RejectAsync(id, registrationId, request?.Version, ct);
            return TypedResults.Ok((await service.ListAsync(user, id, ct)).Single(r => r.Id == registrationId));
        }).RequireAuthorization(Roles.ParkAdmin);

        var office = api.MapGroup("/").RequireAuthorization(Roles.ParkAdmin);
        office.MapPost("/", Create);
        office.MapPut("/{id:guid}", async (Guid id, SessionRequest request, SessionService sessions, SessionReader reader, CancellationToken ct) =>
            TypedResults.Ok(await reader.DescribeAsync(await sessions.EditAsync(id, request, ct), ct)));
        office.MapPost("/{id:guid}/pitches", async (Guid id, PitchRequest request, ClaimsPrincipal user, SessionService sessions, SessionReader reader,
            CancellationToken ct) =>
        {
            var pitch = await sessions.AddPitchAsync(id, request, ct);
            var agenda = await reader.AgendaAsync(await reader.FindVisibleAsync(user, id, ct), ct);
            return TypedResults.Created($"/api/sessions/{id}", agenda.Single(p => p.Id == pitch.Id));
        });
        office.MapPost("/{id:guid}/open", (Guid id, uint? version, SessionService s, SessionReader r, CancellationToken ct) =>
            Describe(s.OpenRegistrationAsync(id, version, ct), r, ct));
        office.MapPost("/{id:guid}/start", (Guid id, uint? version, SessionService s, SessionReader r, CancellationToken ct) =>
            Describe(s.GoLiveAsync(id, version, ct), r, ct));
        office.MapPost("/{id:guid}/close", (Guid id, uint? version, SessionService s, SessionReader r, CancellationToken ct) =>
            Describe(s.CloseAsync(id, version, ct), r, ct));
        office.MapPost("/{id:guid}/pitches/{pitchId:guid}/start", (Guid id, Guid pitchId, SessionService s, SessionReader r, CancellationToken ct) =>
            Describe(s.StartPitchAsync(id, pitchId, ct), r, ct));
        office.MapPost("/{id:guid}/questions/open", (Guid id, SessionService s, SessionReader r, CancellationToken ct) =>
            Describe(s.SetQuestionsOpenAsync(id, true, ct), r, ct));
        office.MapPost("/{id:guid}/questions/close", (Guid id, SessionService s, SessionReader r, CancellationToken ct) =>
            Describe(s.SetQuestionsOpenAsync(id, false, ct), r, ct));
        office.MapPost("/{id:guid}/deals/{dealId:guid}/announce", async (Guid id, Guid dealId, SessionService s, CancellationToken ct) =>
            TypedResults.Ok(await s.AnnounceDealAsync(id, dealId, ct)));
        office.MapPost("/{id:guid}/checkin", async (Guid id, CheckInRequest request, ClaimsPrincipal user, RegistrationService service, CancellationToken ct) =>
        {
            var registration = await service.CheckInAsync(id, request.Code, ct);
            return TypedResults.Ok((await service.ListAsync(user, id, ct)).Single(r => r.Id == registration.Id));
        });
        office.MapGet("/{id:guid}/report", Report);
        return app;
    }

    private static async Task<Ok<SessionResponse>> Describe(Task<MatchmakingSession> change, SessionReader reader, CancellationToken ct) =>
        TypedResults.Ok(await reader.DescribeAsync(await change, ct));

    /// <summary>Announced sessions, soonest first; the park office also sees drafts. Optional status filter.</summary>
    private static async Task<Ok<List<SessionResponse>>> List(SessionStatus? status, ClaimsPrincipal user, SessionReader reader, CancellationToken ct)
    {
        var query = reader.Visible(user).Include(s => s.Pitches).AsQueryable();
        if (status is { } wanted) query = query.Where(s => s.Status == wanted);
        var sessions = await query.OrderByDescending(s => s.StartsAt).Take(200).ToListAsync(ct);
        return TypedResults.Ok(await reader.DescribeAsync(sessions, ct));
    }

    private static async Task<Created<SessionResponse>> Create(SessionRequest request, SessionService sessions, SessionReader reader, CancellationToken ct)
    {
        var session = await sessions.CreateAsync(request.Details!, ct);
        return TypedResults.Created($"/api/sessions/{session.Id}", await reader.DescribeAsync(session, ct));
    }

    private static async Task<Created<RegistrationResponse>> Register(Guid id, ClaimsPrincipal user, RegistrationService service, CancellationToken ct)
    {
        var registration = await service.RegisterAsync(user, id, ct);
        return TypedResults.Created($"/api/sessions/{id}/registrations/{registration.Id}", (await service.ListAsync(user, id, ct)).Single(r => r.Id == registration.Id));
    }

    /// <summary>JSON, or CSV with <c>?format=csv</c> (UTF-8 with a BOM, so Excel shows the Chinese titles).</summary>
    private static async Task<IResult> Report(Guid id, string? format, SessionReport report,
        Microsoft.Extensions.Localization.IStringLocalizer<Platform.Localization.SharedResource> t, CancellationToken ct)
    {
        var built = await report.BuildAsync(id, ct);
        if (!string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase)) return TypedResults.Ok(built);
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(SessionReport.Csv(built, t))).ToArray();
        return TypedResults.File(bytes, "text/csv; charset=utf-8", $"session-{id}.csv");
    }
}
