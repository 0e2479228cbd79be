namespace Marketplace.Domain.Listings;

/// <summary>
/// What the pledge register says about the patent (the hook for pledge financing). Once a patent is pledged it
/// may not be transferred or licensed without the pledgee's agreement (民法典 art. 444).
/// </summary>
public sealed record PledgeState(bool UnderActivePledge, bool PledgeeConsentRecorded)
{
    public static PledgeState None { get; } = new(false, false);

    /// <summary>Whether dispositions that need the pledgee's agreement are blocked.</summary>
    public bool BlocksDisposal => UnderActivePledge && !PledgeeConsentRecorded;
}
