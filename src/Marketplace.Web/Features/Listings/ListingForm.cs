using Marketplace.Domain.Listings;
using Marketplace.Web.Features.Shared;

namespace Marketplace.Web.Features.Listings;

/// <summary>
/// A listing as the office fills it in: a tick per mode and that mode's fields. Only the ticked modes are sent, so
/// the terms hold the fields of the modes offered and nothing else; the checks are the API's (<see cref="ListingTerms"/>).
/// </summary>
public sealed class ListingForm
{
    public static readonly FormFields Fields = new("Input",
        "modes", "description", "licence.kind", "licence.territory", "licence.termMonths", "licence.lumpSum", "licence.royaltyRatePercent",
        "openLicence.annualFee", "openLicence.royaltyRatePercent", "openLicence.feeStandard", "openLicence.paymentMethod",
        "equity.valuation", "equity.expectedSharePercent", "transfer.askingPrice");

    public bool OffersLicence { get; set; }
    public bool OffersOpenLicence { get; set; }
    public bool OffersEquity { get; set; }
    public bool OffersTransfer { get; set; }
    public LicenceFields Licence { get; set; } = new();
    public OpenLicenceFields OpenLicence { get; set; } = new();
    public EquityFields Equity { get; set; } = new();
    public TransferFields Transfer { get; set; } = new();
    public string? Description { get; set; }
    public uint? Version { get; set; }

    public sealed class LicenceFields
    {
        public LicenceKind Kind { get; set; } = LicenceKind.NonExclusive;
        public string? Territory { get; set; } = "中国大陆";
        public int TermMonths { get; set; } = 36;
        public decimal? LumpSum { get; set; }
        public decimal? RoyaltyRatePercent { get; set; }
    }

    public sealed class OpenLicenceFields
    {
        public decimal? AnnualFee { get; set; }
        public decimal? RoyaltyRatePercent { get; set; }
        public string? FeeStandard { get; set; }
        public string? PaymentMethod { get; set; }
        public bool EvaluationReportNoted { get; set; }
    }

    public sealed class EquityFields
    {
        public decimal? Valuation { get; set; }
        public decimal? ExpectedSharePercent { get; set; }
    }

    public sealed class TransferFields
    {
        public decimal? AskingPrice { get; set; }
        public bool Negotiable { get; set; }
    }

    public ListingTerms ToTerms() => new(
        OffersLicence ? new LicenceTerms(Licence.Kind, Licence.Territory ?? "", Licence.TermMonths, Licence.LumpSum, Licence.RoyaltyRatePercent) : null,
        OffersOpenLicence ? new OpenLicenceTerms(OpenLicence.AnnualFee, OpenLicence.RoyaltyRatePercent, OpenLicence.FeeStandard ?? "",
            OpenLicence.PaymentMethod ?? "", OpenLicence.EvaluationReportNoted) : null,
        OffersEquity ? new EquityTerms(Equity.Valuation ?? 0, Equity.ExpectedSharePercent ?? 0) : null,
        OffersTransfer ? new TransferTerms(Transfer.AskingPrice, Transfer.Negotiable) : null);

    public static ListingForm From(Listing listing)
    {
        var t = listing.Terms;
        var form = new ListingForm
        {
            OffersLicence = t.Licence is not null, OffersOpenLicence = t.OpenLicence is not null,
            OffersEquity = t.Equity is not null, OffersTransfer = t.Transfer is not null,
            Description = listing.Description, Version = listing.Version,
        };
        if (t.Licence is { } l) form.Licence = new() { Kind = l.Kind, Territory = l.Territory, TermMonths = l.TermMonths, LumpSum = l.LumpSum, RoyaltyRatePercent = l.RoyaltyRatePercent };
        if (t.OpenLicence is { } o) form.OpenLicence = new() { AnnualFee = o.AnnualFee, RoyaltyRatePercent = o.RoyaltyRatePercent, FeeStandard = o.FeeStandard, PaymentMethod = o.PaymentMethod, EvaluationReportNoted = o.EvaluationReportNoted };
        if (t.Equity is { } e) form.Equity = new() { Valuation = e.Valuation, ExpectedSharePercent = e.ExpectedSharePercent };
        if (t.Transfer is { } x) form.Transfer = new() { AskingPrice = x.AskingPrice, Negotiable = x.Negotiable };
        return form;
    }
}
