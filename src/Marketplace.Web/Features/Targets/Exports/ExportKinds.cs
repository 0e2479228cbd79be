using System.Globalization;
using System.Runtime.CompilerServices;
using Marketplace.Domain.Common;
using Marketplace.Web.Features.Localization;
using Marketplace.Web.Features.Targets.Records;
using Marketplace.Web.Features.Targets.Statistics;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Features.Targets.Exports;

/// <summary>A table to export: headers and rows produced as they are written.</summary>
public sealed record ExportTable(string SheetName, string[] Headers, IAsyncEnumerable<object?[]> Rows)
{
    public ExportTable(LocalizedString sheetName, LocalizedString[] headers, IAsyncEnumerable<object?[]> rows)
        : this(sheetName.Value, headers.Select(h => h.Value).ToArray(), rows) { }
}

/// <summary>
/// What can be exported, each from the same queries as the drill-down, so an export matches the figures. Headers and
/// values (categories, states, owner groups, industries) are in the caller's language: Chinese unless the client asks
/// for English, because the province's forms are in Chinese.
/// </summary>
public sealed class ExportKinds(RecordsQuery records, MarketStatistics statistics, TargetGroups groups, IStringLocalizer<SharedResource> t)
{
    public static readonly string[] Names = ["deals", "payments", "loans", "sessions", "statistics"];

    public ExportTable? Find(string kind, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var filter = new RecordFilter { From = from, To = to };
        // Each header through the localizer where it is written, so the resource test sees every one.
        return kind switch
        {
            "deals" => new ExportTable(t["Deal records"], [t["Deal id"], t["Contract date"], t["Category"], t["Owner group"], t["Industry"],
                t["Application number"], t["Patent title"], t["Seller or licensor"], t["Buyer or licensee"], t["Contract amount (CNY)"], t["Received (CNY)"],
                t["Status"], t["Technology-contract registration number"], t["CNIPA record or registration number"], t["Origin"]], Deals(filter, ct)),
            "payments" => new ExportTable(t["Payment records"], [t["Payment id"], t["Deal id"], t["Contract date"], t["Technology-contract registration number"],
                t["Instalment"], t["Label"], t["Method"], t["Payment reference"], t["Paid (CNY)"], t["Refunded (CNY)"], t["Net received (CNY)"], t["Confirmed at"]],
                Payments(filter, ct)),
            "loans" => new ExportTable(t["Pledge loans disbursed"], [t["Application id"], t["Disbursed on"], t["Amount disbursed (CNY)"], t["Bank"],
                t["Applicant"], t["Pledge registration number"], t["Pledge registered on"], t["Approved amount (CNY)"], t["Status"]], Loans(filter, ct)),
            "sessions" => new ExportTable(t["Sessions"], [t["Session id"], t["Starts at"], t["Title"], t["Theme"], t["Status"], t["Number registered"],
                t["Number approved"], t["Checked in on site"], t["Online attendance"], t["Number attended"]], Sessions(filter, ct)),
            "statistics" => new ExportTable(t["Market statistics"], [t["Measure"], t["Value"]], Statistics(from, to, ct)),
            _ => null,
        };
    }

    private bool Chinese => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "zh";

    private async IAsyncEnumerable<object?[]> Deals(RecordFilter filter, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var (_, d) in records.DealsAsync(filter, ct))
            yield return [d.Id, d.ContractDate, t.Display(d.Category), groups.NameOf(d.Owner, t), groups.NameOf(d.Industry, t), d.ApplicationNumber,
                d.PatentTitleZh, d.SellerNameZh, d.BuyerNameZh, d.ContractAmount, d.Received, t.Display(d.Status), d.RegistrationNumber, d.RecordNumber, t.Display(d.Origin)];
    }

    private async IAsyncEnumerable<object?[]> Payments(RecordFilter filter, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var p in records.PaymentsAsync(filter, ct))
            yield return [p.InstalmentId, p.DealId, p.ContractDate, p.RegistrationNumber, p.Number, p.Label, p.Method is { } m ? t.Display(m) : null, p.Reference,
                p.Paid, p.Refunded, p.Net, p.ConfirmedAt];
    }

    private async IAsyncEnumerable<object?[]> Loans(RecordFilter filter, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var l in records.LoansAsync(filter, ct))
            yield return [l.ApplicationId, l.DisbursedOn, l.Amount, l.BankNameZh, l.ApplicantNameZh, l.PledgeRegistrationNumber, l.RegisteredOn, l.ApprovedAmount, t.Display(l.Status)];
    }

    private async IAsyncEnumerable<object?[]> Sessions(RecordFilter filter, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var s in records.SessionsAsync(filter, ct))
            yield return [s.Id, s.StartsAt, s.TitleZh, s.Theme, t.Display(s.Status), s.Registered, s.Approved, s.CheckedIn, s.Online, s.Attended];
    }

    private async IAsyncEnumerable<object?[]> Statistics(DateOnly from, DateOnly to, [EnumeratorCancellation] CancellationToken ct)
    {
        var s = await statistics.ReadAsync(from, to, ct);
        yield return [t["Period"].Value, t["{0:yyyy-MM-dd} to {1:yyyy-MM-dd}", s.From, s.To].Value];
        yield return [t["Listings published"].Value, s.ListingsPublished];
        yield return [t["Sleeping patents listed"].Value, s.SleepingListed];
        yield return [t["Sleeping patents awakened"].Value, s.SleepingAwakened];
        yield return [t["Needs posted"].Value, s.NeedsPosted];
        yield return [t["Needs matched"].Value, s.NeedsMatched];
        yield return [t["Inquiries"].Value, s.Inquiries];
        yield return [t["Inquiries that led to a deal"].Value, s.InquiriesToDeal];
        yield return [t["Inquiry-to-deal conversion (%)"].Value, s.InquiryConversionPercent];
        yield return [t["Median days from listing to deal"].Value, s.MedianDaysListingToDeal];
        foreach (var f in s.TopFields) yield return [t["Top field by demand: {0}", f.Name].Value, f.Needs + f.Inquiries];
    }
}
