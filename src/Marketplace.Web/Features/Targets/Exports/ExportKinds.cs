using System.Runtime.CompilerServices;
using Marketplace.Web.Features.Targets.Records;
using Marketplace.Web.Features.Targets.Statistics;

namespace Marketplace.Web.Features.Targets.Exports;

/// <summary>A table to export: Chinese headers (the province's forms are in Chinese) and rows produced as they are written.</summary>
public sealed record ExportTable(string SheetName, string[] Headers, IAsyncEnumerable<object?[]> Rows);

/// <summary>What can be exported, each from the same queries as the drill-down, so an export matches the figures.</summary>
public sealed class ExportKinds(RecordsQuery records, MarketStatistics statistics)
{
    public static readonly string[] Names = ["deals", "payments", "loans", "sessions", "statistics"];

    public ExportTable? Find(string kind, RecordFilter filter, CancellationToken ct)
    {
        var (from, to) = filter.Period();
        return kind switch
        {
            "deals" => new ExportTable("交易", ["交易编号", "合同日期", "类别", "权利人类别", "产业领域", "专利申请号", "专利名称", "转让/许可方", "受让/被许可方",
                "合同金额(元)", "已收款(元)", "状态", "技术合同登记号", "备案/登记号", "来源", "数据来源", "证据状态", "核验人", "核验时间", "证明文件数"], Deals(filter, ct)),
            "payments" => new ExportTable("收款", ["款项编号", "交易编号", "合同日期", "技术合同登记号", "期次", "名称", "方式", "凭证/流水号",
                "已付(元)", "已退(元)", "净收款(元)", "确认时间", "证据状态", "核验人", "核验时间", "证明文件数"], Payments(filter, ct)),
            "loans" => new ExportTable("质押融资放款", ["申请/登记编号", "期次", "放款日期", "放款金额(元)", "银行", "出质人", "质押登记号", "登记日期", "批准/贷款金额(元)", "状态",
                "数据来源", "证据状态", "核验人", "核验时间", "证明文件数"],
                Loans(filter, ct)),
            "sessions" => new ExportTable("对接会", ["对接会编号", "开始时间", "名称", "主题", "状态", "报名数", "批准数", "现场签到", "线上参加", "实际参加",
                "证据状态", "核验人", "核验时间", "证明文件数"],
                Sessions(filter, ct)),
            "statistics" => new ExportTable("市场统计", ["指标", "数值"], Statistics(from, to, ct)),
            _ => null,
        };
    }

    private async IAsyncEnumerable<object?[]> Deals(RecordFilter filter, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var (_, d) in records.DealsAsync(filter, ct))
            yield return [d.Id, d.ContractDate, d.Category, d.Owner, d.Industry, d.ApplicationNumber, d.PatentTitleZh, d.SellerNameZh, d.BuyerNameZh,
                d.ContractAmount, d.Received, d.Status, d.RegistrationNumber, d.RecordNumber, d.Origin, d.Source, d.Evidence, d.VerifiedBy, d.VerifiedAt, d.Documents];
    }

    private async IAsyncEnumerable<object?[]> Payments(RecordFilter filter, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var p in records.PaymentsAsync(filter, ct))
            yield return [p.InstalmentId, p.DealId, p.ContractDate, p.RegistrationNumber, p.Number, p.Label, p.Method, p.Reference, p.Paid, p.Refunded, p.Net, p.ConfirmedAt,
                p.Evidence, p.VerifiedBy, p.VerifiedAt, p.Documents];
    }

    private async IAsyncEnumerable<object?[]> Loans(RecordFilter filter, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var l in records.LoansAsync(filter, ct))
            yield return [l.ApplicationId, l.Tranche, l.DisbursedOn, l.Amount, l.BankNameZh, l.ApplicantNameZh, l.PledgeRegistrationNumber, l.RegisteredOn, l.ApprovedAmount,
                l.Status, l.Source, l.Evidence, l.VerifiedBy, l.VerifiedAt, l.Documents];
    }

    private async IAsyncEnumerable<object?[]> Sessions(RecordFilter filter, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var s in records.SessionsAsync(filter, ct))
            yield return [s.Id, s.StartsAt, s.TitleZh, s.Theme, s.Status, s.Registered, s.Approved, s.CheckedIn, s.Online, s.Attended,
                s.Evidence, s.VerifiedBy, s.VerifiedAt, s.Documents];
    }

    private async IAsyncEnumerable<object?[]> Statistics(DateOnly from, DateOnly to, [EnumeratorCancellation] CancellationToken ct)
    {
        var s = await statistics.ReadAsync(from, to, chinese: true, ct);
        yield return ["统计期间", $"{s.From:yyyy-MM-dd} 至 {s.To:yyyy-MM-dd}"];
        yield return ["发布挂牌数", s.ListingsPublished];
        yield return ["挂牌休眠专利数", s.SleepingListed];
        yield return ["唤醒休眠专利数", s.SleepingAwakened];
        yield return ["发布需求数", s.NeedsPosted];
        yield return ["已匹配需求数", s.NeedsMatched];
        yield return ["咨询数", s.Inquiries];
        yield return ["成交咨询数", s.InquiriesToDeal];
        yield return ["咨询成交转化率(%)", s.InquiryConversionPercent];
        yield return ["挂牌至成交天数中位数", s.MedianDaysListingToDeal];
        foreach (var f in s.TopFields) yield return [$"需求热点领域：{f.Name}", f.Needs + f.Inquiries];
    }
}
