using Marketplace.Domain.Common;
using Marketplace.Web.Features.Localization;
using Marketplace.Web.Features.Patents.Import;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Features.Patents;

/// <summary>
/// Upload a spreadsheet of patents and offers in two steps: first a dry run shows how each column was understood,
/// which sheet was read and what each row would do; the office then confirms and the same file is imported. The
/// file travels back with the confirmation (base64 in the form), so any instance can finish the import.
/// </summary>
[Authorize(Policy = PatentsFeature.CanList)]
[RequestSizeLimit(PendingLimit)]
[RequestFormLimits(ValueLengthLimit = (int)PendingLimit, MultipartBodyLengthLimit = PendingLimit)]
public sealed class ImportModel(PatentImporter importer, IStringLocalizer<SharedResource> t) : PageModel
{
    /// <summary>A 5 MB file as base64 in the confirmation form, and the rest of the form.</summary>
    private const long PendingLimit = SpreadsheetReader.MaxBytes * 4 / 3 + 256 * 1024;

    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public bool ValidRowsOnly { get; set; }
    [BindProperty] public bool SubmitForReview { get; set; } = true;
    [BindProperty] public string? Pending { get; set; }
    [BindProperty] public string? PendingName { get; set; }
    public ImportReport? Report { get; private set; }

    public void OnGet() { }

    /// <summary>Step one: read and check, write nothing.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Upload is null)
        {
            ModelState.AddModelError(nameof(Upload), t["Choose an XLSX, XLS or CSV file."]);
            return Page();
        }
        if (Upload.Length > SpreadsheetReader.MaxBytes)
        {
            ModelState.AddModelError(nameof(Upload), t.Say(new Text("The file is larger than {0} MB.", SpreadsheetReader.MaxBytes / 1024 / 1024)));
            return Page();
        }
        using var buffer = new MemoryStream();
        await Upload.CopyToAsync(buffer, ct);
        Pending = Convert.ToBase64String(buffer.ToArray());
        PendingName = Path.GetFileName(Upload.FileName);
        await RunAsync(buffer.ToArray(), dryRun: true, ct);
        if (Report is null) Pending = null;
        return Page();
    }

    /// <summary>Step two: the office confirmed the preview; the same bytes are imported.</summary>
    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(Pending ?? "");
        }
        catch (FormatException)
        {
            bytes = [];
        }
        if (bytes.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), t["Choose an XLSX, XLS or CSV file."]);
            return Page();
        }
        Pending = null;
        await RunAsync(bytes, dryRun: false, ct);
        return Page();
    }

    private async Task RunAsync(byte[] bytes, bool dryRun, CancellationToken ct)
    {
        try
        {
            using var stream = new MemoryStream(bytes);
            Report = await importer.ImportAsync(User, stream, ValidRowsOnly, SubmitForReview, ct, dryRun);
        }
        catch (DomainRuleException rule)
        {
            ModelState.AddModelError(nameof(Upload), t.Say(rule.Text));
        }
    }
}
