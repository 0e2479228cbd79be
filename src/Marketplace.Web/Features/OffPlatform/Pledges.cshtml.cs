using Marketplace.Web.Platform.Identity;
using Marketplace.Web.Platform.Localization;
using Marketplace.Web.Features.Pledges;
using Marketplace.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Features.OffPlatform;

/// <summary>
/// Pledge registrations made off the platform. A bank sees its own and imports more (upload → preview → confirm);
/// the park office sees every bank's, and filters by bank.
/// </summary>
[Authorize(Policy = OffPlatformFeature.PledgeReaders)]
[RequestSizeLimit(OffPlatformFeature.MaxUploadBytes + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = OffPlatformFeature.MaxUploadBytes + 1024 * 1024)]
public sealed class PledgesModel(OffPlatformQuery query, PledgeImporter importer, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Bank { get; set; }
    [BindProperty(SupportsGet = true)] public string? Registration { get; set; }
    [BindProperty] public Guid? Pending { get; set; }

    public IReadOnlyList<ImportedPledgeResponse> Pledges { get; private set; } = [];
    public ImportResult? Result { get; private set; }
    public bool CanImport => PledgeAccess.IsBankStaff(User);

    public async Task OnGetAsync(CancellationToken ct) => Pledges = await query.PledgesAsync(User, Bank, Registration, ct);

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        if (!CanImport) return Forbid();
        await this.TryAsync(async () =>
        {
            var (sheet, certificates) = await OffPlatformFeature.UploadAsync(Request, ct);
            Result = await importer.PreviewAsync(User.OrganizationId()!.Value, sheet, certificates, ct);
        }, t);
        Pledges = await query.PledgesAsync(User, Bank, Registration, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        if (!CanImport || Pending is not { } pending) return Forbid();
        await this.TryAsync(async () => Result = await importer.ConfirmAsync(User, User.OrganizationId()!.Value, pending, ct), t);
        Pledges = await query.PledgesAsync(User, Bank, Registration, ct);
        return Page();
    }
}
