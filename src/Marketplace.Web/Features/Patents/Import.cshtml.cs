using Marketplace.Domain.Common;
using Marketplace.Web.Features.Localization;
using Marketplace.Web.Features.Patents.Import;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Features.Patents;

/// <summary>Upload a CSV or XLSX of patents and offers; the report lists every problem by row and column.</summary>
[Authorize(Policy = PatentsFeature.CanList)]
[RequestSizeLimit(SpreadsheetReader.MaxBytes + 64 * 1024)]
public sealed class ImportModel(PatentImporter importer, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public bool ValidRowsOnly { get; set; }
    [BindProperty] public bool SubmitForReview { get; set; } = true;
    public ImportReport? Report { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Upload is null)
        {
            ModelState.AddModelError(nameof(Upload), t["Choose a CSV or XLSX file."]);
            return Page();
        }
        try
        {
            await using var stream = Upload.OpenReadStream();
            Report = await importer.ImportAsync(User, stream, ValidRowsOnly, SubmitForReview, ct);
        }
        catch (DomainRuleException rule)
        {
            ModelState.AddModelError(nameof(Upload), t.Say(rule.Text));
        }
        return Page();
    }
}
