using System.Security.Claims;
using Marketplace.Web.Platform;
using Marketplace.Web.Platform.Identity;

namespace Marketplace.Web.Features.Inquiries;

/// <summary>The forms that start a negotiation about a listing: its first message, or the open licence on its terms.</summary>
public sealed record InquiryForms(Guid ListingId, bool HasOpenLicence, Guid? SessionId, string? Message = null, int OpenLicenceMonths = 12);

/// <summary>On a published listing, an enterprise other than its owner may ask about it or take its open licence at once.</summary>
public sealed class InquiryPanel : IListingPanel
{
    public const string Partial = "/Features/Inquiries/_InquiryForms.cshtml";

    public int Order => 10;

    public Task<SectionView?> ReadAsync(ListingContext listing, ClaimsPrincipal caller, CancellationToken ct) =>
        Task.FromResult(caller.IsInRole(Roles.Enterprise) && caller.OrganizationId() != listing.OrganizationId && listing.Published
            ? new SectionView(Partial, new InquiryForms(listing.ListingId, listing.HasOpenLicence, listing.SessionId))
            : null);
}
