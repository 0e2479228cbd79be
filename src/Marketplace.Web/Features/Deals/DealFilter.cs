using Marketplace.Domain.Deals;

namespace Marketplace.Web.Features.Deals;

/// <summary>The deal register's filters (query string), shared by the page, the API and the CSV export.</summary>
public sealed class DealFilter
{
    public DealStatus? Status { get; set; }
    public int? Year { get; set; }
    public DealOrigin? Origin { get; set; }

    public IQueryable<Deal> Apply(IQueryable<Deal> deals)
    {
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
