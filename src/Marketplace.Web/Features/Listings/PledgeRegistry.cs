using Marketplace.Domain.Listings;

namespace Marketplace.Web.Features.Listings;

/// <summary>Whether a patent is under an active pledge, and whether the pledgee consented to its disposal. Kept by
/// the pledge-financing feature (Features/Pledges/RegisteredPledges.cs).</summary>
public interface IPledgeRegistry
{
    Task<PledgeState> GetAsync(Guid patentId, CancellationToken ct);
}
