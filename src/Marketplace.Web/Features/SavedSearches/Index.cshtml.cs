using Marketplace.Domain.Common;
using Marketplace.Web.Platform.Localization;
using Marketplace.Web.Features.Needs;
using Marketplace.Web.Features.Search;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Features.SavedSearches;

[Authorize(Policy = NeedsFeature.CanPostNeeds)]
public sealed class IndexModel(SavedSearchService searches, IStringLocalizer<SharedResource> t) : PageModel
{
    public IReadOnlyList<SavedSearch> Mine { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Mine = await searches.MineAsync(User, ct);

    /// <summary>From the search page's form: its query parameters and a name.</summary>
    public async Task<IActionResult> OnPostSaveAsync([FromForm(Name = "")] SearchRequest query, [FromForm] string? searchName, CancellationToken ct)
    {
        try
        {
            await searches.SaveAsync(User, new SaveSearchRequest { Name = searchName, Query = query }, ct);
            return RedirectToPage();
        }
        catch (DomainRuleException refused)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Mine = await searches.MineAsync(User, ct);
            ModelState.AddModelError(refused.Field, t.Say(refused.Text));
            return Page();
        }
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        await searches.DeleteAsync(User, id, ct);
        return RedirectToPage();
    }

    public static string SearchLink(SavedSearch s)
    {
        var r = s.Request();
        var pairs = new List<(string, string)>();
        if (r.Q is { } q) pairs.Add(("q", q));
        foreach (var v in r.Type ?? []) pairs.Add(("Type", v));
        foreach (var v in r.Ipc ?? []) pairs.Add(("Ipc", v));
        foreach (var v in r.Mode ?? []) pairs.Add(("Mode", v));
        foreach (var v in r.Owner ?? []) pairs.Add(("Owner", v.ToString()));
        foreach (var v in r.OwnerType ?? []) pairs.Add(("OwnerType", v));
        foreach (var v in r.LegalStatus ?? []) pairs.Add(("LegalStatus", v));
        if (r.Sleeping is { } sleeping) pairs.Add(("Sleeping", sleeping ? "true" : "false"));
        if (r.MinRemainingMonths is { } a) pairs.Add(("MinRemainingMonths", a.ToString()));
        if (r.MaxRemainingMonths is { } b) pairs.Add(("MaxRemainingMonths", b.ToString()));
        if (r.MinPrice is { } c) pairs.Add(("MinPrice", c.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (r.MaxPrice is { } d) pairs.Add(("MaxPrice", d.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return "/Search?" + string.Join("&", pairs.Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2)}"));
    }
}
