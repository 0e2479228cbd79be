using Marketplace.Domain.Common;
using Marketplace.Web.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Features.Notifications;

/// <summary>Each kind's channels as checkboxes (named "kind|channel"), and the language of e-mails.</summary>
[Authorize]
public sealed class PreferencesModel(NoticePreferences preferences) : PageModel
{
    public PreferencesResponse Current { get; private set; } = new("zh-CN", []);
    public bool Saved { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Current = await preferences.GetAsync(User.UserId()!.Value, ct);

    public async Task<IActionResult> OnPostAsync(string? language, CancellationToken ct)
    {
        var ticked = Request.Form["on"].Select(v => v ?? "").ToHashSet();
        var kinds = NoticeKinds.All.ToDictionary(k => k.Name, k => NoticePreferences.ChannelNames.Keys
            .ToDictionary(c => c, c => ticked.Contains($"{k.Name}|{c}")));
        try
        {
            Current = await preferences.SetAsync(User.UserId()!.Value, new PreferencesRequest { Language = language, Kinds = kinds }, ct);
            Saved = true;
        }
        catch (DomainRuleException)
        {
            Current = await preferences.GetAsync(User.UserId()!.Value, ct);
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return Page();
    }
}
