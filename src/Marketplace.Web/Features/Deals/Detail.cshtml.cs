using Marketplace.Domain.Deals;
using Marketplace.Web.Features.Accounts;
using Marketplace.Web.Features.Audit;
using Marketplace.Web.Features.Localization;
using Marketplace.Web.Features.Payments;
using Marketplace.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Features.Deals;

/// <summary>A deal with its timeline and payments, and the steps the viewer may take.</summary>
[Authorize]
public sealed class DetailModel(DealService deals, DealReader reader, PaymentService payments, IOptions<StripeOptions> stripe,
    TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    public DealResponse Deal { get; private set; } = null!;
    public IReadOnlyList<StatusChange> Timeline { get; private set; } = [];
    public Guid MyOrganization => User.OrganizationId() ?? Guid.Empty;
    public bool IsSeller => MyOrganization == Deal.SellerOrganizationId;
    public bool IsBuyer => MyOrganization == Deal.BuyerOrganizationId;
    public bool IsAdmin => User.IsInRole(Roles.ParkAdmin);
    public bool OnlinePayments => stripe.Value.OnlinePayments;
    public bool MyConfirmationMissing => Deal.Status == DealStatus.Draft && ((IsSeller && !Deal.SellerConfirmed) || (IsBuyer && !Deal.BuyerConfirmed));

    [BindProperty] public uint Version { get; set; }
    [BindProperty] public DateOnly ContractDate { get; set; }
    [BindProperty] public string? RegistrationNumber { get; set; }
    [BindProperty] public string? RecordNumber { get; set; }
    [BindProperty] public DateOnly RecordDate { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? Reference { get; set; }
    [BindProperty] public string? Schedule { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        ContractDate = RecordDate = Domain.Common.BusinessCalendar.Today(clock);
        return Page();
    }

    public Task<IActionResult> OnPostSignAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, () => deals.SignAsync(User, id, new SignRequest(ContractDate, RegistrationNumber, Version), ct), ct);

    public Task<IActionResult> OnPostRecordAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, () => deals.RecordAsync(User, id, new RecordRequest(RecordNumber, RecordDate, Version), ct), ct);

    public Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, () => deals.CancelAsync(User, id, new CancelRequest(Reason, Version), ct), ct);

    public Task<IActionResult> OnPostCompleteAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, () => deals.CompleteAsync(User, id, Version, ct), ct);

    public Task<IActionResult> OnPostScheduleAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, () => deals.ScheduleAsync(User, id, new ScheduleRequest(ScheduleLines.Parse(Schedule), Version), ct), ct);

    public Task<IActionResult> OnPostProposeScheduleAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, () => deals.ProposeScheduleAsync(User, id, new ScheduleRequest(ScheduleLines.Parse(Schedule), Version), ct), ct);

    public Task<IActionResult> OnPostAnswerScheduleAsync(Guid id, ScheduleAnswer answer, CancellationToken ct) =>
        ActAsync(id, () => deals.AnswerScheduleAsync(User, id, answer, Version, ct), ct);

    /// <summary>Whose turn it is on a proposed schedule: the other party answers, the proposer may withdraw.</summary>
    public bool ProposedByMe => Deal.ScheduleProposal?.ProposedByOrganizationId == MyOrganization;

    public Task<IActionResult> OnPostReportTransferAsync(Guid id, Guid instalmentId, CancellationToken ct) =>
        ActAsync(id, () => payments.ReportTransferAsync(User, instalmentId, new TransferReport(Reference, null, null), ct), ct);

    public Task<IActionResult> OnPostConfirmTransferAsync(Guid id, Guid instalmentId, CancellationToken ct) =>
        ActAsync(id, () => payments.ConfirmTransferAsync(User, instalmentId, null, ct), ct);

    private Task<IActionResult> ActAsync(Guid id, Func<Task> action, CancellationToken ct) => this.StepAsync(id, action, () => LoadAsync(id, ct), t);

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        var deal = await deals.FindReadableAsync(User, id, ct);
        Deal = await reader.DescribeAsync(deal, ct);
        Timeline = await reader.TimelineAsync(deal, ct);
        Version = deal.Version;
    }
}
