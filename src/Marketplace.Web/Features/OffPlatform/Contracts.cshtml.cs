using Marketplace.Web.Platform.Identity;
using Marketplace.Web.Platform.Localization;
using Marketplace.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Features.OffPlatform;

/// <summary>The park office's imported technology-contract registrations: upload the registry's export, preview, confirm.</summary>
[Authorize(Roles = Roles.ParkAdmin)]
[RequestSizeLimit(OffPlatformFeature.MaxUploadBytes + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = OffPlatformFeature.MaxUploadBytes + 1024 * 1024)]
public sealed class ContractsModel(OffPlatformQuery query, ContractImporter importer, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty] public Guid? Pending { get; set; }

    public IReadOnlyList<ImportedContractResponse> Contracts { get; private set; } = [];
    public ImportResult? Result { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Contracts = await query.ContractsAsync(Year, ct);

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        await this.TryAsync(async () =>
        {
            var (sheet, _) = await OffPlatformFeature.UploadAsync(Request, ct);
            Result = await importer.PreviewAsync(User.OrganizationId()!.Value, sheet, ct);
        }, t);
        Contracts = await query.ContractsAsync(Year, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        if (Pending is { } pending) await this.TryAsync(async () => Result = await importer.ConfirmAsync(User, User.OrganizationId()!.Value, pending, ct), t);
        Contracts = await query.ContractsAsync(Year, ct);
        return Page();
    }
}
