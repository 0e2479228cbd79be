using System.Globalization;
using Marketplace.Web.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Features.Notifications;

[Authorize]
public sealed class IndexModel(NotificationCentre centre) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "Page")] public int PageNumber { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public bool Unread { get; set; }
    public NoticePage Result { get; private set; } = new([], 0, 0, 1, 20);

    public async Task OnGetAsync(CancellationToken ct) =>
        Result = await centre.ListAsync(User.UserId()!.Value, Math.Max(1, PageNumber), 20, Unread, ct);

    /// <summary>Opening a notice marks it read and goes to what it is about.</summary>
    public async Task<IActionResult> OnPostOpenAsync(Guid id, CancellationToken ct)
    {
        await centre.MarkReadAsync(User.UserId()!.Value, id, ct);
        var target = Request.Form["url"].ToString();
        return target.StartsWith('/') && !target.StartsWith("//") ? LocalRedirect(target) : RedirectToPage();
    }

    public async Task<IActionResult> OnPostReadAsync(Guid id, CancellationToken ct)
    {
        await centre.MarkReadAsync(User.UserId()!.Value, id, ct);
        // Not RedirectToPage(new { Page = … }): Razor Pages read the route value "page" as the page's own name.
        return LocalRedirect(Url.Page("Index")! + QueryString.Create(new KeyValuePair<string, string?>[] { new("Page", PageNumber.ToString(CultureInfo.InvariantCulture)), new("Unread", Unread ? "true" : "false") }));
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        await centre.MarkAllReadAsync(User.UserId()!.Value, ct);
        return RedirectToPage(new { Unread });
    }
}
