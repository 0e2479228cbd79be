using Marketplace.Domain.Listings;
using Marketplace.Domain.Sessions;
using Marketplace.Web.Data;
using Marketplace.Web.Platform.Identity;
using Marketplace.Web.Platform.Localization;
using Marketplace.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Features.Sessions;

/// <summary>A session's page: details and agenda for everyone; registration for participants; agenda, lifecycle,
/// approvals and check-in for the park office; leads for the owners of pitched listings.</summary>
[AllowAnonymous]
public sealed class DetailModel(SessionReader reader, SessionService sessions, RegistrationService registrations, ParticipationService participation,
    MarketplaceDb db, IStringLocalizer<SharedResource> t) : PageModel
{
    public SessionResponse Session { get; private set; } = null!;
    public IReadOnlyList<RegistrationResponse> Registrations { get; private set; } = [];
    public IReadOnlyList<LeadResponse> Leads { get; private set; } = [];
    /// <summary>What the park office typed to find a listing to pitch: words of its title, its number or its owner.</summary>
    [BindProperty(SupportsGet = true)] public string? PitchSearch { get; set; }
    public IReadOnlyList<PitchCandidate> PitchCandidates { get; private set; } = [];
    public bool IsOffice => User.IsInRole(Roles.ParkAdmin);
    public bool CanRegister => User.Identity?.IsAuthenticated == true && !IsOffice && Session.Status == SessionStatus.Open && Registrations.Count == 0;

    [BindProperty] public Guid? ListingId { get; set; }
    [BindProperty] public DateTime? PitchStartsAt { get; set; }
    [BindProperty] public int PitchMinutes { get; set; } = 20;
    [BindProperty] public string? Code { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        return Page();
    }

    public Task<IActionResult> OnPostRegisterAsync(Guid id, CancellationToken ct) => ActAsync(id, false, () => registrations.RegisterAsync(User, id, ct), ct);
    public Task<IActionResult> OnPostOpenAsync(Guid id, CancellationToken ct) => ActAsync(id, true, () => sessions.OpenRegistrationAsync(id, null, ct), ct);
    public Task<IActionResult> OnPostStartAsync(Guid id, CancellationToken ct) => ActAsync(id, true, () => sessions.GoLiveAsync(id, null, ct), ct);
    public Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken ct) => ActAsync(id, true, () => sessions.CloseAsync(id, null, ct), ct);
    public Task<IActionResult> OnPostApproveAsync(Guid id, Guid registrationId, CancellationToken ct) =>
        ActAsync(id, true, () => registrations.ApproveAsync(id, registrationId, null, ct), ct);
    public Task<IActionResult> OnPostRejectAsync(Guid id, Guid registrationId, CancellationToken ct) =>
        ActAsync(id, true, () => registrations.RejectAsync(id, registrationId, null, ct), ct);
    public Task<IActionResult> OnPostCheckInAsync(Guid id, CancellationToken ct) => ActAsync(id, true, () => registrations.CheckInAsync(id, Code, ct), ct);

    public Task<IActionResult> OnPostAddPitchAsync(Guid id, CancellationToken ct) => ActAsync(id, true, () =>
    {
        var starts = PitchStartsAt is { } local
            ? new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Domain.Common.BusinessCalendar.ChinaOffset)
            : (DateTimeOffset?)null;
        return sessions.AddPitchAsync(id, new PitchRequest(ListingId, starts, PitchMinutes), ct);
    }, ct);

    private async Task<IActionResult> ActAsync<T>(Guid id, bool office, Func<Task<T>> action, CancellationToken ct)
    {
        if (office && !IsOffice) return Forbid();
        if (!office && User.Identity?.IsAuthenticated != true) return Challenge();
        if (await this.TryAsync(action, t)) return RedirectToPage(new { id });
        await LoadAsync(id, ct);
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Session = await reader.DescribeAsync(await reader.FindVisibleAsync(User, id, ct), ct);
        if (User.Identity?.IsAuthenticated != true) return;
        Registrations = await registrations.ListAsync(User, id, ct);
        Leads = await participation.LeadsAsync(User, id, ct);
        if (IsOffice && !string.IsNullOrWhiteSpace(PitchSearch))
        {
            var pattern = "%" + PitchSearch.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            PitchCandidates = await (from l in db.Listings
                                     join p in db.Patents on l.PatentId equals p.Id
                                     join o in db.Organizations on l.OrganizationId equals o.Id
                                     where l.Status == ListingStatus.Published
                                           && (EF.Functions.ILike(p.TitleZh, pattern) || EF.Functions.ILike(p.TitleEn ?? "", pattern)
                                               || EF.Functions.ILike(p.ApplicationNumber, pattern) || EF.Functions.ILike(o.NameZh, pattern)
                                               || EF.Functions.ILike(o.NameEn ?? "", pattern))
                                     orderby p.TitleZh
                                     select new PitchCandidate(l.Id, p.TitleZh, p.ApplicationNumber, o.NameZh)).Take(10).ToListAsync(ct);
        }
    }
}

public sealed record PitchCandidate(Guid ListingId, string TitleZh, string ApplicationNumber, string OwnerNameZh);
