using Marketplace.Domain.Organizations;
using Riok.Mapperly.Abstractions;

namespace Marketplace.Web.Features.Organizations;

/// <summary>Compile-time mapping (Mapperly): Contact.Name flattens to ContactName and so on.</summary>
// Only target members must be mapped: the entity has fields a response may leave out on purpose.
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
public static partial class OrganizationMapper
{
    public static partial OrganizationResponse ToResponse(this Organization organization);

    public static partial OrganizationSummary ToSummary(this Organization organization);

    public static partial IQueryable<OrganizationSummary> ProjectToSummary(this IQueryable<Organization> query);
}
