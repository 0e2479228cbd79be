using Marketplace.Domain.Patents;
using Marketplace.Domain.Pledges;
using Marketplace.Domain.Tests.Patents;

namespace Marketplace.Domain.Tests.Pledges;

/// <summary>An enterprise's pledge of one invention to a bank, and a way to bring it to any state.</summary>
internal static class PledgeSamples
{
    public static readonly Guid Enterprise = PatentSamples.Enterprise;
    public static readonly Guid Bank = Guid.Parse("0190a000-0000-7000-8000-0000000000b1");
    public static readonly Guid Officer = Guid.Parse("0190a000-0000-7000-8000-0000000000c1");
    public static readonly Guid Approver = Guid.Parse("0190a000-0000-7000-8000-0000000000c2");
    public static readonly DateTimeOffset Now = PatentSamples.Now;
    public static readonly DateOnly Today = PatentSamples.Today;

    /// <summary>The sample invention, solely owned by <see cref="Enterprise"/>, with fees paid into 2027.</summary>
    public static Patent EnterprisePatent(PatentDetails? details = null) =>
        Patent.Create((details ?? PatentSamples.Details()) with { Owners = [new PatentOwner(Enterprise, 100m, true)] }, Enterprise, Now);

    public static Valuation Valuation(DateOnly? reportDate = null) =>
        new(ValuationMethod.Income, "威海正信资产评估有限公司", reportDate ?? new DateOnly(2026, 9, 1), "威正评报字〔2026〕第018号");

    public static PledgeDraft Draft(Patent patent, decimal requested = 1_000_000m, decimal value = 3_000_000m) => new(
        Bank, requested, 24, "购置海洋装备生产线", [new PatentValue(patent.Id, value)], Valuation(),
        new FinancialSummary(12_000_000m, 1_500_000m, 6));

    public static IReadOnlyList<PatentEligibility> Check(params Patent[] patents) =>
        patents.Select(p => PledgeEligibility.Check(p, Enterprise, false, BankPledgePolicy.Default, Today)).ToList();

    public static Recommendation Recommendation(decimal amount = 1_000_000m) => new(amount, 4.35m, 24, "按季付息，到期还本。");

    /// <summary>An application brought to <paramref name="status"/> by the ordinary path; Disbursed has one tranche of 400,000.</summary>
    public static (PledgeApplication Application, Patent Patent) In(PledgeStatus status)
    {
        var patent = EnterprisePatent();
        var a = PledgeApplication.Create(Enterprise, Draft(patent), Check(patent), Now);
        var path = new Action[]
        {
            () => a.Submit(Check(patent), Now),
            () => a.Take(Officer, Now),
            () => a.Recommend(Officer, Recommendation(), BankPledgePolicy.Default, Now),
            () => a.Approve(Approver, "同意。", Now),
            () => a.Register("Y2026980001234", Today, Now),
            () => a.Disburse(400_000m, Today, Now),
        };
        var steps = status switch
        {
            PledgeStatus.Draft => 0,
            PledgeStatus.Submitted => 1,
            PledgeStatus.UnderReview or PledgeStatus.InfoRequested => 2,
            PledgeStatus.Recommended => 3,
            PledgeStatus.Approved => 4,
            PledgeStatus.Rejected => 3,
            PledgeStatus.PledgeRegistered => 5,
            _ => 6,
        };
        foreach (var step in path.Take(steps)) step();
        switch (status)
        {
            case PledgeStatus.InfoRequested: a.RequestInfo("请补充近三年审计报告。", Now); break;
            case PledgeStatus.Rejected: a.Reject(Approver, "经营风险过高。", Now); break;
            case PledgeStatus.Withdrawn: a = PledgeApplication.Create(Enterprise, Draft(patent), Check(patent), Now); a.Withdraw(Now); break;
            case PledgeStatus.Repaid: a.Repay(Now); break;
            case PledgeStatus.Defaulted: a.Default(Now); break;
            case PledgeStatus.Released: a.Repay(Now); a.Release(Now); break;
        }
        return (a, patent);
    }
}
