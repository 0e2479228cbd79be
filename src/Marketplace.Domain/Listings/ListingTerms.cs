using Marketplace.Domain.Common;

namespace Marketplace.Domain.Listings;

/// <summary>
/// The ways a listing offers the patent; any combination, at least one. Each mode's fields are nested under its
/// JSON name ("licence.", "openLicence.", "equity.", "transfer."), which refusals use as their field prefix.
/// </summary>
public sealed record ListingTerms(LicenceTerms? Licence, OpenLicenceTerms? OpenLicence, EquityTerms? Equity, TransferTerms? Transfer)
{
    /// <summary>The modes offered, in a fixed order: Licence, OpenLicence, Equity, Transfer.</summary>
    public IReadOnlyList<string> Modes =>
        new[] { (Licence is not null, "Licence"), (OpenLicence is not null, "OpenLicence"), (Equity is not null, "Equity"), (Transfer is not null, "Transfer") }
            .Where(m => m.Item1).Select(m => m.Item2).ToList();

    /// <summary>Whether a mode needs a pledgee's agreement while the patent is pledged (transfer, equity, exclusive licence).</summary>
    internal bool DisposesOfTheRight => Transfer is not null || Equity is not null || Licence?.Kind == LicenceKind.Exclusive;

    public ListingTerms Validated()
    {
        if (Licence is null && OpenLicence is null && Equity is null && Transfer is null)
            throw new DomainRuleException("modes", "Offer at least one of: licence, open licence, equity or transfer.");
        var checks = new RuleChecks();
        checks.Try(() => Licence?.Validated(), out var licence);
        checks.Try(() => OpenLicence?.Validated(), out var openLicence);
        checks.Try(() => Equity?.Validated(), out var equity);
        checks.Try(() => Transfer?.Validated(), out var transfer);
        checks.ThrowIfAny();
        var terms = new ListingTerms(licence, openLicence, equity, transfer);
        // 专利法 art. 51: while an open licence is in effect the patentee may not grant an exclusive or sole licence.
        if (terms.OpenLicence is not null && terms.Licence?.Kind is LicenceKind.Exclusive or LicenceKind.Sole)
            throw new DomainRuleException("licence.kind",
                "An exclusive or sole licence cannot be offered together with an open licence; offer a non-exclusive licence instead.");
        return terms;
    }
}
