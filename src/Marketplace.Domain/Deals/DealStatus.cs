namespace Marketplace.Domain.Deals;

public enum DealStatus
{
    /// <summary>Agreed in a room (or entered by the park office), not yet signed.</summary>
    Draft,
    /// <summary>Both parties confirmed the contract and its technology-contract registration number (技术合同登记号).</summary>
    Signed,
    /// <summary>The CNIPA licence record (备案) or transfer registration (转让登记) is done.</summary>
    Recorded,
    /// <summary>Fully paid.</summary>
    Completed,
    Cancelled,
}

public enum DealOrigin { InquiryRoom, MatchmakingSession, OffPlatform }

/// <summary>How the park's plan counts a deal: licences by kind, the open licence, equity contribution, transfer.</summary>
public enum DealCategory { ExclusiveLicence, SoleLicence, NonExclusiveLicence, OpenLicence, Equity, Transfer }
