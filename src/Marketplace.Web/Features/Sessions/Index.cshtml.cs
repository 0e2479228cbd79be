using System.ComponentModel.DataAnnotations;
using Marketplace.Domain.Common;
using Marketplace.Domain.Sessions;
using Marketplace.Web.Features.Accounts;
using Marketplace.Web.Features.Localization;
using Marketplace.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Features.Sessions;

/// <summary>Matchmaking sessions, the count held per year against the target, and (for the park office) a new one.</summary>
[AllowAnonymous]
public sealed class IndexModel(SessionReader reader, SessionReport report, SessionService sessions, TimeProvider clock,
    IStringLocalizer<SharedResource> t) : PageModel
{
    public IReadOnlyList<MatchmakingSession> Sessions { get; private set; } = [];
    public IReadOnlyList<HeldYear> Held { get; private set; } = [];
    public bool IsOffice => User.IsInRole(Roles.ParkAdmin);

    [BindProperty] public NewSession Input { get; set; } = new();

    public sealed class NewSession
    {
        private const string NumberRange = "{0} must be between {1} and {2}.";

        [RequiredField("Chinese title")] public string? TitleZh { get; set; }
        public string? TitleEn { get; set; }
        [RequiredField("Theme")] public string? Theme { get; set; }
        /// <summary>China time, as the office types it.</summary>
        [RequiredField("Starts at (China time)")] public DateTime? StartsAt { get; set; }
        [Range(1, 12, ErrorMessage = NumberRange), Display(Name = "Hours")] public int Hours { get; set; } = 3;
        public string? Venue { get; set; }
        public string? OnlineUrl { get; set; }
        [Range(1, SessionDetails.MaxCapacity, ErrorMessage = NumberRange), Display(Name = "Capacity")] public int Capacity { get; set; } = 200;
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!IsOffice) return Forbid();
        if (ModelState.IsValid)
        {
            var starts = new DateTimeOffset(DateTime.SpecifyKind(Input.StartsAt!.Value, DateTimeKind.Unspecified), BusinessCalendar.ChinaOffset);
            var details = new SessionDetails(Input.TitleZh!, Input.TitleEn, Input.Theme!, starts, starts.AddHours(Input.Hours), Input.Venue, Input.OnlineUrl,
                Input.Capacity, starts.AddDays(-1));
            MatchmakingSession? created = null;
            if (await this.TryAsync(async () => created = await sessions.CreateAsync(details, ct), t))
                return RedirectToPage("/Sessions/Detail", new { id = created!.Id });
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Sessions = await reader.Visible(User).OrderByDescending(s => s.StartsAt).Take(100).ToListAsync(ct);
        Held = await report.HeldPerYearAsync(clock, ct);
    }
}
