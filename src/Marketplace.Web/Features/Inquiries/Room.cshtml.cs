using Marketplace.Domain.Negotiations;
using Marketplace.Web.Platform.Identity;
using Marketplace.Web.Platform.Localization;
using Marketplace.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Features.Inquiries;

/// <summary>A negotiation room: offers and their history, messages with attachments. Live updates come from room.ts.</summary>
[Authorize]
public sealed class RoomModel(InquiryService inquiries, MessageService messages, InquiryReader reader, IStringLocalizer<SharedResource> t) : PageModel
{
    public InquiryResponse Room { get; private set; } = null!;
    public IReadOnlyList<MessageResponse> Messages { get; private set; } = [];
    public Guid MyOrganization => User.OrganizationId() ?? Guid.Empty;
    public bool IsParty { get; private set; }

    /// <summary>The other party's open offer, which this user may accept, reject or counter.</summary>
    public OfferResponse? Answerable => Room.Offers.FirstOrDefault(o => o.Status == OfferStatus.Open && o.ProposedByOrganizationId != MyOrganization);
    public OfferResponse? MyOpenOffer => Room.Offers.FirstOrDefault(o => o.Status == OfferStatus.Open && o.ProposedByOrganizationId == MyOrganization);

    [BindProperty] public uint Version { get; set; }
    [BindProperty] public OfferForm Offer { get; set; } = new();
    [BindProperty] public string? Body { get; set; }
    [BindProperty] public IFormFile? Attachment { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        return Page();
    }

    public Task<IActionResult> OnPostSendAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, () => messages.SendAsync(User, id, Body, Attachment, ct), ct);

    public Task<IActionResult> OnPostProposeAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, () => inquiries.ProposeAsync(User, id, new OfferRequest(Offer.ToTerms(), Offer.Note, Version), ct), ct);

    public Task<IActionResult> OnPostCounterAsync(Guid id, Guid offerId, CancellationToken ct) =>
        ActAsync(id, () => inquiries.CounterAsync(User, offerId, new OfferRequest(Offer.ToTerms(), Offer.Note, Version), ct), ct);

    public Task<IActionResult> OnPostAcceptAsync(Guid id, Guid offerId, CancellationToken ct) =>
        ActAsync(id, () => inquiries.AcceptAsync(User, offerId, Version, ct), ct);

    public Task<IActionResult> OnPostRejectAsync(Guid id, Guid offerId, CancellationToken ct) =>
        ActAsync(id, () => inquiries.RejectAsync(User, offerId, Version, ct), ct);

    public Task<IActionResult> OnPostWithdrawAsync(Guid id, Guid offerId, CancellationToken ct) =>
        ActAsync(id, () => inquiries.WithdrawAsync(User, offerId, Version, ct), ct);

    public Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, () => inquiries.CloseAsync(User, id, Version, ct), ct);

    private Task<IActionResult> ActAsync(Guid id, Func<Task> action, CancellationToken ct) => this.StepAsync(id, action, () => LoadAsync(id, ct), t);

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        var inquiry = await inquiries.FindReadableAsync(User, id, ct);
        Room = await reader.DescribeAsync(inquiry, ct);
        IsParty = inquiry.IsParty(MyOrganization);
        // The room was found readable above: its messages are read once, with their authors, and the room marked read.
        Messages = await reader.MessagesAsync(inquiry.Id, ct);
        await messages.MarkReadAsync(User, inquiry.Id, ct);
        Version = inquiry.Version;
    }

    public string PartyName(Guid organizationId) => organizationId == Room.OwnerOrganizationId ? Room.OwnerNameZh : Room.EnterpriseNameZh;
}
