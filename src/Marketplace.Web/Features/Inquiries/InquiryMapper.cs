using Marketplace.Domain.Negotiations;
using Riok.Mapperly.Abstractions;

namespace Marketplace.Web.Features.Inquiries;

/// <summary>Compile-time mapping (Mapperly, ADR 0001) of an offer, which answers member for member.</summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
public static partial class InquiryMapper
{
    [MapProperty("Terms.ContractAmount", nameof(OfferResponse.ContractAmount))]
    public static partial OfferResponse ToResponse(this Offer offer);
}
