using Marketplace.Domain.Pledges;

namespace Marketplace.Web.Features.Pledges;

/// <summary>A bank's own pledge policy; a bank without a row lends by <see cref="BankPledgePolicy.Default"/>.</summary>
public sealed class BankPolicy
{
    public Guid BankOrganizationId { get; init; }
    public BankPledgePolicy Policy { get; set; } = BankPledgePolicy.Default;
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>PostgreSQL's xmin, used as the optimistic-concurrency token.</summary>
    public uint Version { get; private set; }
}
