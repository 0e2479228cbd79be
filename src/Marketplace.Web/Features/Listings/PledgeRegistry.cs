using Marketplace.Domain.Listings;

namespace Marketplace.Web.Features.Listings;

/// <summary>Whether a patent is under an active pledge, and whether the pledgee consented to its disposal.</summary>
public interface IPledgeRegistry
{
    Task<PledgeState> GetAsync(Guid patentId, CancellationToken ct);
}

/// <summary>
/// Until pledge financing is built, no patent can be pledged on the platform, so every patent is free of pledges.
/// The pledge feature replaces this registration with one that reads registered pledges.
/// </summary>
internal sealed class NoPledgesRegistered : IPledgeRegistry
{
    public Task<PledgeState> GetAsync(Guid patentId, CancellationToken ct) => Task.FromResult(PledgeState.None);
}
