using Marketplace.Domain.Common;
using Marketplace.Domain.Deals;

namespace Marketplace.Web.Features.Deals;

/// <summary>The deal register's filters (query string), shared by the page, the API and the CSV export.</summary>
public sealed class DealFilter
{
    public DealStatus? Status { get; set; }
    public int? Year { get; set; }
    public DealOrigin? Origin { get; set; }

    /// <summary>The years a contract date can be in; outside them a year filter is a mistake, not an empty register.</summary>
    public const int FirstYear = 1985, LastYear = 2100;

    public IOrderedQueryable<Deal> Apply(IQueryable<Deal> deals)
    {
        if (Year is < FirstYear or > LastYear)
            throw new DomainRuleException("year", new Text("Give a year from {0} to {1}.", FirstYear, LastYear));
        if (Status is { } status) deals = deals.Where(d => d.Status == status);
        if (Origin is { } origin) deals = deals.Where(d => d.Origin == origin);
        if (Year is { } year)
        {
            var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
            deals = deals.Where(d => d.ContractDate >= from && d.ContractDate <= to);
        }
        return deals.OrderByDescending(d => d.UpdatedAt);
    }
}
