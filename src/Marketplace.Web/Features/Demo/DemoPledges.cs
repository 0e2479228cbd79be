using Marketplace.Domain.Common;
using Marketplace.Domain.Patents;
using Marketplace.Domain.Pledges;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Audit;
using Marketplace.Web.Features.Pledges;
using Marketplace.Web.Features.Targets;

namespace Marketplace.Web.Features.Demo;

/// <summary>
/// Patents of the three demo enterprises, and a dozen pledge-loan applications to both banks in every stage from
/// draft to released. They go through the domain's own steps, with an audit row per step signed by the demo user
/// who would have taken it, and the target totals are the sum of what the applications count. Loans were disbursed
/// across the plan years (2022–2025) and the open applications are recent; each step is dated a few days after the
/// one before, so the loan records and the audit trail tell the same story.
/// </summary>
public static class DemoPledges
{
    private static readonly (string Zh, string Ipc)[] Topics =
    [
        ("一种船用智能舵机控制系统", "B63H 25/00"), ("一种海水淡化反渗透膜组件", "C02F 1/44"), ("一种医用导管涂层及其制备方法", "A61L 29/08"),
        ("一种高强度船用复合板材", "B32B 15/08"), ("一种便携式血液分析仪", "G01N 33/49"), ("一种耐腐蚀海洋工程涂料", "C09D 5/08"),
    ];

    /// <summary>Each application's stage and when it was opened: days before today for the open ones, a date of the
    /// plan years for the loans.</summary>
    private static readonly (PledgeStatus Stage, int DaysAgo, DateOnly? Opened)[] Stages =
    [
        (PledgeStatus.Draft, 12, null), (PledgeStatus.Submitted, 20, null), (PledgeStatus.UnderReview, 30, null),
        (PledgeStatus.InfoRequested, 40, null), (PledgeStatus.Recommended, 55, null), (PledgeStatus.Approved, 70, null),
        (PledgeStatus.Rejected, 120, null), (PledgeStatus.PledgeRegistered, 90, null),
        (PledgeStatus.Disbursed, 0, new DateOnly(2025, 3, 10)), (PledgeStatus.Disbursed, 0, new DateOnly(2024, 5, 13)),
        (PledgeStatus.Disbursed, 0, new DateOnly(2023, 4, 17)), (PledgeStatus.Repaid, 0, new DateOnly(2022, 6, 20)),
    ];

    /// <summary>When the enterprises registered their patents here: before the first application.</summary>
    private static readonly DateTimeOffset Registered = new(2022, 3, 1, 2, 0, 0, TimeSpan.Zero);

    public sealed record Staff(Guid OfficerId, string OfficerEmail, Guid ApproverId, string ApproverEmail);

    public static void Seed(MarketplaceDb db, IReadOnlyList<Guid> enterprises, IReadOnlyList<(Guid Bank, Staff Staff)> banks, DateTimeOffset now)
    {
        var today = BusinessCalendar.ChinaDate(now);
        var patents = enterprises.Select((e, i) => Enumerable.Range(0, 6).Select(k => EnterprisePatent(e, i * 6 + k, today)).ToList()).ToList();
        foreach (var patent in patents.SelectMany(p => p)) db.Patents.Add(patent);

        for (var i = 0; i < Stages.Length; i++)
        {
            var owned = patents[i % enterprises.Count];
            var pledged = owned.Skip(i / enterprises.Count * 1).Take(1 + i % 2).ToList();
            var (bank, staff) = banks[i % banks.Count];
            var (stage, daysAgo, date) = Stages[i];
            var opened = date is { } d ? new DateTimeOffset(d.ToDateTime(new TimeOnly(10, 0)), BusinessCalendar.ChinaOffset).ToUniversalTime() : now.AddDays(-daysAgo);
            var application = Advance(enterprises[i % enterprises.Count], bank, staff, pledged, stage, i, opened, db);
            db.PledgeApplications.Add(application);
        }
    }

    private static PledgeApplication Advance(Guid applicant, Guid bank, Staff staff, List<Patent> pledged, PledgeStatus stage, int n,
        DateTimeOffset opened, MarketplaceDb db)
    {
        var now = opened;
        var today = BusinessCalendar.ChinaDate(now);
        var eligibility = pledged.Select(p => PledgeEligibility.Check(p, applicant, false, BankPledgePolicy.Default, today)).ToList();
        var values = pledged.Select((p, k) => new PatentValue(p.Id, (200 + 60 * n + 50 * k) * 10_000m)).ToList();
        var requested = values.Sum(v => v.Value) * 0.3m;
        var draft = new PledgeDraft(bank, requested, 12 + 6 * (n % 4), "补充流动资金，扩大海洋装备产能", values,
            new Valuation((ValuationMethod)(n % 3), "威海正信资产评估有限公司", today.AddMonths(-1 - n), $"威正评报字〔{today.Year}〕第{100 + n:D3}号"),
            new FinancialSummary((3000 + 500 * n) * 10_000m, (200 + 40 * n) * 10_000m, 3 + n));
        var a = PledgeApplication.Create(applicant, draft, eligibility, now);
        Audit(db, a, "Created", null, null, null);
        void Step(string action, string? email, Action move, string? comment = null)
        {
            if (a.Status == stage) return;
            var before = a.Status;
            now = now.AddDays(4);
            today = BusinessCalendar.ChinaDate(now);
            move();
            Audit(db, a, action, before, email, comment);
        }
        Step("Submitted", null, () => a.Submit(eligibility, now));
        Step("Taken", staff.OfficerEmail, () => a.Take(staff.OfficerId, now));
        if (stage == PledgeStatus.InfoRequested)
            Step("InfoRequested", staff.OfficerEmail, () => a.RequestInfo("请补充近两年审计报告及主要客户合同。", now), "请补充近两年审计报告及主要客户合同。");
        Step("Recommended", staff.OfficerEmail, () => a.Recommend(staff.OfficerId, new Recommendation(requested, 3.85m + n % 3 * 0.25m, draft.TermMonths, "按季付息，到期还本"), BankPledgePolicy.Default, now));
        if (stage == PledgeStatus.Rejected)
            Step("Rejected", staff.ApproverEmail, () => a.Reject(staff.ApproverId, "经营性现金流不足以覆盖还款。", now), "经营性现金流不足以覆盖还款。");
        Step("Approved", staff.ApproverEmail, () => a.Approve(staff.ApproverId, "同意。", now), "同意。");
        Step("Registered", staff.OfficerEmail, () => a.Register($"Y{today.Year}98000{1200 + n}", today, now));
        Step("Disbursed", staff.OfficerEmail, () => a.Disburse(decimal.Round(requested * (n % 2 == 0 ? 1m : 0.6m), 2), today, now));
        Step("Repaid", staff.OfficerEmail, () => a.Repay(now.AddMonths(draft.TermMonths)));
        return a;
    }

    private static void Audit(MarketplaceDb db, PledgeApplication a, string action, PledgeStatus? from, string? email, string? comment) =>
        db.AuditEntries.Add(new AuditEntry
        {
            OccurredAt = a.UpdatedAt, UserEmail = email, Entity = PledgeService.AuditEntity, EntityId = a.Id.ToString(), Action = action,
            FromState = from?.ToString(), ToState = a.Status.ToString(), Comment = comment,
        });

    private static Patent EnterprisePatent(Guid owner, int n, DateOnly today)
    {
        var (zh, ipc) = Topics[n % Topics.Length];
        var filed = new DateOnly(2015 + n % 4, 1 + n % 12, 3 + n % 25);
        var digits = $"{filed.Year}1{500_000 + n:D7}";
        var paidThrough = new DateOnly(today.Year + 1, filed.Month, filed.Day).AddDays(-1);
        var details = new PatentDetails($"{digits}.{ApplicationNumber.CheckCharacter(digits)}", PatentType.Invention, null,
            $"{zh}（{n + 1}）", null, $"本发明公开了{zh}，已在企业产品中实施。", null, [ipc], ipc, ["王伟", "李静"],
            [new PatentOwner(owner, 100m, ConsentToList: true)], filed, filed.AddMonths(26), LegalStatus.Valid, null, paidThrough);
        return Patent.Create(details, owner, Registered);
    }
}
