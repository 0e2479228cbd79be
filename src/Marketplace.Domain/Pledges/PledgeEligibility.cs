using Marketplace.Domain.Common;
using Marketplace.Domain.Patents;

namespace Marketplace.Domain.Pledges;

/// <summary>Why a patent cannot secure a loan; each has one fixed sentence so the pages can translate it.</summary>
public enum IneligibilityReason
{
    NotOwnedByApplicant,
    CoOwnerConsentMissing,
    NotGranted,
    NotInForce,
    UnderActivePledge,
    AnnualFeesUnpaid,
    TermTooShort,
}

/// <summary>The eligibility of one patent for one bank; eligible when there is no reason against it.</summary>
public sealed record PatentEligibility(Guid PatentId, string ApplicationNumber, PatentType Type, IReadOnlyList<IneligibilityReason> Reasons)
{
    public bool Eligible => Reasons.Count == 0;
}

/// <summary>
/// Whether a patent can be pledged (担保法/民法典 art. 440, 专利权质押登记办法): owned by the applicant with every
/// co-owner's consent, granted and in force, fees paid, not already pledged, and with enough term left to outlive
/// the loan by the bank's margin.
/// </summary>
public static class PledgeEligibility
{
    public static PatentEligibility Check(Patent patent, Guid applicantOrganizationId, bool underActivePledge, BankPledgePolicy policy, DateOnly today)
    {
        var reasons = new List<IneligibilityReason>();
        if (patent.Owners.All(o => o.OrganizationId != applicantOrganizationId))
            reasons.Add(IneligibilityReason.NotOwnedByApplicant);
        else if (patent.Owners.Any(o => o.OrganizationId != applicantOrganizationId && !o.ConsentToList))
            reasons.Add(IneligibilityReason.CoOwnerConsentMissing);
        if (!patent.IsGranted)
            reasons.Add(IneligibilityReason.NotGranted);
        else if (!patent.IsInForce(today))
            reasons.Add(IneligibilityReason.NotInForce);
        if (underActivePledge)
            reasons.Add(IneligibilityReason.UnderActivePledge);
        if (patent.IsInForce(today) && !patent.AnnualFeesPaid(today))
            reasons.Add(IneligibilityReason.AnnualFeesUnpaid);
        if (patent.IsInForce(today) && patent.Remaining(today).TotalMonths < policy.MinYears(patent.Type) * 12)
            reasons.Add(IneligibilityReason.TermTooShort);
        return new PatentEligibility(patent.Id, patent.ApplicationNumber, patent.Type, reasons);
    }

    public static Text Describe(IneligibilityReason reason) => reason switch
    {
        IneligibilityReason.NotOwnedByApplicant => "The patent is not owned by the applicant.",
        IneligibilityReason.CoOwnerConsentMissing => "A co-owner's consent has not been recorded.",
        IneligibilityReason.NotGranted => "The patent has not been granted.",
        IneligibilityReason.NotInForce => "The patent is not in force (expired or lapsed).",
        IneligibilityReason.UnderActivePledge => "The patent is already under an active pledge.",
        IneligibilityReason.AnnualFeesUnpaid => "The annual fees are not paid up.",
        IneligibilityReason.TermTooShort => "The remaining term is shorter than the bank's minimum for this patent type.",
        _ => new Text("{0}", reason),
    };

    /// <summary>Refuses the first ineligible patent, naming its place in the request ("patents[1].patentId").</summary>
    public static void EnsureEligible(IReadOnlyList<PatentEligibility> results)
    {
        for (var i = 0; i < results.Count; i++)
            if (!results[i].Eligible)
                throw new DomainRuleException($"patents[{i}].patentId",
                    new Text("{0}: {1}", results[i].ApplicationNumber, Describe(results[i].Reasons[0])));
    }
}

/// <summary>
/// The loan-to-value picture: the maximum loan is each patent's value times the bank's cap for its type. A
/// request above it is shown (the officer recommends within it), and a valuation older than 12 months is flagged.
/// </summary>
public sealed record LoanToValue(decimal AppraisedValue, decimal MaxLoan, decimal RequestedAmount, decimal RatioPercent, bool ExceedsMax, bool ValuationStale)
{
    public static LoanToValue Assess(IEnumerable<PledgedPatent> patents, BankPledgePolicy policy, decimal requested, Valuation valuation, DateOnly today)
    {
        var list = patents.ToList();
        var appraised = list.Sum(p => p.Value);
        // Rounded down to the fen so the cap is never exceeded by rounding.
        var max = list.Sum(p => Math.Round(p.Value * policy.CapPercent(p.Type) / 100m, 2, MidpointRounding.ToZero));
        var ratio = appraised == 0 ? 0 : Math.Round(requested * 100m / appraised, 2, MidpointRounding.AwayFromZero);
        return new LoanToValue(appraised, max, requested, ratio, requested > max, valuation.IsStale(today));
    }
}
