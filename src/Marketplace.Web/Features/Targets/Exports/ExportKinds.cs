using System.Globalization;
using System.Runtime.CompilerServices;
using Marketplace.Domain.Common;
using Marketplace.Web.Features.Localization;
using Marketplace.Web.Features.Targets.Records;
using Marketplace.Web.Features.Targets.Statistics;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Features.Targets.Exports;

/// <summary>A table to export: headers and rows produced as they are written.</summary>
public sealed record ExportTable(string SheetName, string[] Headers, IAsyncEnumerable<object?[]> Rows);

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
        return kind switch
        {
            "deals" => Table("Deals", ["Deal id", "Contract date", "Category", "Owner group", "Industry", "Application number", "Patent title",
                "Seller or licensor", "Buyer or licensee", "Contract amount (CNY)", "Received (CNY)", "Status", "Technology-contract registration number",
                "CNIPA record or registration number", "Origin"], Deals(filter, ct)),
            "payments" => Table("Payments", ["Payment id", "Deal id", "Contract date", "Technology-contract registration number", "Instalment", "Label",
                "Method", "Payment reference", "Paid (CNY)", "Refunded (CNY)", "Net received (CNY)", "Confirmed at"], Payments(filter, ct)),
            "loans" => Table("Pledge loans disbursed", ["Application id", "Disbursed on", "Amount disbursed (CNY)", "Bank", "Applicant",
                "Pledge registration number", "Registered on", "Approved amount (CNY)", "Status"], Loans(filter, ct)),
            "sessions" => Table("Sessions", ["Session id", "Starts at", "Title", "Theme", "Status", "Registrations", "Approved registrations",
                "Checked in on site", "Online attendance", "Attended"], Sessions(filter, ct)),
            "statistics" => Table("Market statistics", ["Measure", "Value"], Statistics(from, to, ct)),
            _ => null,
        };
    }

    private ExportTable Table(string sheet, string[] headers, IAsyncEnumerable<object?[]> rows) =>
        new(t[sheet], headers.Select(h => t[h].Value).ToArray(), rows);

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
