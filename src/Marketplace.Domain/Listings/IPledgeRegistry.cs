namespace Marketplace.Domain.Listings;

/// <summary>Whether a patent is under an active pledge, and whether the pledgee consented to its disposal. Asked by
/// listings and deals before a patent is disposed of; kept by the web project's pledge register (Features/Pledges).</summary>
public interface IPledgeRegistry
{
    Task<PledgeState> GetAsync(Guid patentId, CancellationToken ct);
}
