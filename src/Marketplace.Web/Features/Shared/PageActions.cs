using Marketplace.Domain.Common;
using Marketplace.Web.Platform.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Features.Shared;

public static class PageActions
{
    /// <summary>
    /// Runs a page's action; a refused rule or a stale write becomes a message on the form (the page is shown
    /// again with what the user typed) instead of an error page. Returns whether the action succeeded.
    /// </summary>
    /// <param name="fields">The form's inputs by the API's field names (<see cref="FormFields"/>): a refusal of one of
    /// them is shown next to it; any other refusal above the form.</param>
    public static async Task<bool> TryAsync(this PageModel page, Func<Task> action, IStringLocalizer<SharedResource> t, FormFields? fields = null)
    {
        try
        {
            await action();
            return true;
        }
        catch (DomainRuleException rule)
        {
            foreach (var one in rule is DomainRulesException many ? many.All : [rule])
                page.ModelState.AddModelError(fields?.KeyFor(one.Field) ?? string.Empty, t.Say(one.Text));
        }
        catch (ForbiddenActionException forbidden)
        {
            page.ModelState.AddModelError(fields?.KeyFor(forbidden.Field) ?? string.Empty, t.Say(forbidden.Text));
        }
        catch (DbUpdateConcurrencyException)
        {
            page.ModelState.AddModelError(string.Empty, t["Someone else changed this meanwhile. Reload the page and try again."]);
        }
        return false;
    }

    /// <summary>A step on an object's page: on success back to the page (a fresh GET), otherwise the page again with the refusal.</summary>
    public static async Task<IActionResult> StepAsync(this PageModel page, Guid id, Func<Task> action, Func<Task> reload, IStringLocalizer<SharedResource> t)
    {
        if (await page.TryAsync(action, t)) return page.RedirectToPage(new { id });
        await reload();
        return page.Page();
    }
}
