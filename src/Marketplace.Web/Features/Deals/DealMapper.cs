using Marketplace.Domain.Deals;
using Riok.Mapperly.Abstractions;

namespace Marketplace.Web.Features.Deals;

/// <summary>Compile-time mapping (Mapperly, ADR 0001) of a deal's parts that answer member for member.</summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
public static partial class DealMapper
{
    public static partial InstalmentResponse ToResponse(this Instalment instalment);
}
