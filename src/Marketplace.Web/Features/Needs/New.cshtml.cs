using System.ComponentModel.DataAnnotations;
using Marketplace.Domain.Matchmaking;
using Marketplace.Web.Platform.Localization;
using Marketplace.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Features.Needs;

/// <summary>Posting a technology need, or editing one (which sends it back to review).</summary>
[Authorize(Policy = NeedsFeature.CanPostNeeds)]
public sealed class NewModel(NeedService needs, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    [BindProperty] public NeedForm Form { get; set; } = new();

    public sealed class NeedForm
    {
        public string? Title { get; set; }
        public string? Description { get; set; }
        public string? DescriptionEn { get; set; }
        /// <summary>Separated by commas, semicolons or new lines.</summary>
        public string? IpcCodes { get; set; }
        public string? Keywords { get; set; }
        public decimal? BudgetMin { get; set; }
        public decimal? BudgetMax { get; set; }
        public List<TradeMode> Modes { get; set; } = [];
        [DataType(DataType.Date)] public DateOnly? Deadline { get; set; }
        public NeedVisibility Visibility { get; set; }
        public uint? Version { get; set; }

        public NeedDetails ToDetails() => new(Title ?? "", Description ?? "", DescriptionEn, Split(IpcCodes), Split(Keywords),
            BudgetMin, BudgetMax, Modes, Deadline ?? DateOnly.MinValue, Visibility);

        private static List<string> Split(string? text) =>
            (text ?? "").Split([',', '，', ';', '；', '\n', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Id is not { } id)
        {
            Form.Deadline = Domain.Common.BusinessCalendar.Today(clock).AddDays(90);
            return;
        }
        var need = await needs.FindVisibleAsync(User, id, ct);
        var d = need.Details;
        Form = new NeedForm
        {
            Title = d.Title, Description = d.Description, DescriptionEn = d.DescriptionEn, IpcCodes = string.Join("; ", d.IpcCodes ?? []),
            Keywords = string.Join("; ", d.Keywords ?? []), BudgetMin = d.BudgetMin, BudgetMax = d.BudgetMax, Modes = [.. d.PreferredModes ?? []],
            Deadline = d.Deadline, Visibility = d.Visibility, Version = need.Version,
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        Guid saved = default;
        var ok = await this.TryAsync(async () => saved = Id is { } id
            ? (await needs.EditAsync(User, id, new NeedRequest(Form.ToDetails(), Form.Version), ct)).Id
            : (await needs.PostAsync(User, Form.ToDetails(), ct)).Id, t);
        return ok ? RedirectToPage("Detail", new { id = saved }) : Page();
    }
}
