using Marketplace.Domain.Evidence;
using Marketplace.Web.Platform.Localization;
using Marketplace.Web.Platform;
using Marketplace.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Features.Evidence;

/// <summary>The evidence of one counted record: its state, its documents (with their SHA-256), a form to attach one,
/// and for the park office verification and its withdrawal.</summary>
[Authorize]
[RequestSizeLimit(64 * 1024 * 1024)]
public sealed class IndexModel(EvidenceService evidence, IStringLocalizer<SharedResource> t) : PageModel
{
    public EvidenceResponse Record { get; private set; } = null!;

    [BindProperty(SupportsGet = true)] public int? Tranche { get; set; }
    [BindProperty] public DocumentKind DocumentKind { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public IEnumerable<DocumentKind> Kinds => Enum.GetValues<DocumentKind>().Where(k => DocumentRules.Fits(Record.Kind, k));

    public async Task<IActionResult> OnGetAsync(string kind, Guid id, CancellationToken ct)
    {
        await LoadAsync(kind, id, ct);
        return Page();
    }

    public Task<IActionResult> OnPostAttachAsync(string kind, Guid id, CancellationToken ct) => ActAsync(kind, id, async () =>
    {
        var file = await EvidenceFeature.FileAsync(Request, ct);
        await evidence.AttachAsync(User, Parse(kind), id, Tranche, DocumentKind, file, ct);
    }, ct);

    public Task<IActionResult> OnPostVerifyAsync(string kind, Guid id, CancellationToken ct) =>
        ActAsync(kind, id, () => evidence.VerifyAsync(User, Parse(kind), id, Tranche, ct), ct);

    public Task<IActionResult> OnPostWithdrawAsync(string kind, Guid id, CancellationToken ct) =>
        ActAsync(kind, id, () => evidence.WithdrawAsync(User, Parse(kind), id, Tranche, Reason, ct), ct);

    private async Task<IActionResult> ActAsync(string kind, Guid id, Func<Task> action, CancellationToken ct)
    {
        if (await this.TryAsync(action, t)) return RedirectToPage(new { kind, id, tranche = Tranche });
        await LoadAsync(kind, id, ct);
        return Page();
    }

    private async Task LoadAsync(string kind, Guid id, CancellationToken ct) => Record = await evidence.DescribeAsync(User, Parse(kind), id, Tranche, ct);

    private static RecordKind Parse(string kind) => EvidenceTarget.Parse(kind) ?? throw new NotFoundException("Record");
}
