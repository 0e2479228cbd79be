namespace Marketplace.Domain.Organizations;

public enum OrganizationType
{
    University,
    Enterprise,
    Bank,
    ServiceAgency,
    ParkOffice,
}
