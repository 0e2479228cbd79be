using Marketplace.Domain.Common;
using Marketplace.Web.Features.Notifications.Email;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Features.Notifications;

/// <summary>The page an unsubscribe link opens in a browser: it asks before it turns anything off (mail scanners follow
/// links with GET). Anyone holding the link may use it, signed in or not: the signed token is the authority.</summary>
[IgnoreAntiforgeryToken]
public sealed class UnsubscribeModel(UnsubscribeTokens tokens, Unsubscriber unsubscriber) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    public Unsubscription? What { get; private set; }
    public bool Done { get; private set; }

    public IActionResult OnGet()
    {
        What = tokens.Read(Token);
        if (What is null) Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        What = tokens.Read(Token);
        try
        {
            await unsubscriber.ApplyAsync(Token, ct);
            Done = true;
        }
        catch (DomainRuleException)
        {
            What = null;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return Page();
    }

    public Text KindTitle => What?.Kind == OutgoingEmail.DigestKind ? "Daily digest" : NoticeKinds.Find(What?.Kind)?.Title ?? "";
}
