using Marketplace.Domain.Common;
using Marketplace.Domain.Patents;

namespace Marketplace.Domain.Pledges;

/// <summary>
/// An enterprise's application for a loan secured by a pledge of its patents, through the bank's maker–checker
/// review, CNIPA registration, disbursement in tranches and the pledge's release. Who may act is checked by the
/// caller (per bank, per role); the one rule about people kept here is that whoever prepared a loan never decides it.
/// </summary>
public sealed partial class PledgeApplication : AggregateRoot
{
    public Guid Id { get; private set; }
    public Guid ApplicantOrganizationId { get; private set; }
    public Guid BankOrganizationId { get; private set; }
    public PledgeStatus Status { get; private set; }
    public decimal RequestedAmount { get; private set; }
    public int TermMonths { get; private set; }
    public string Purpose { get; private set; } = "";
    public IReadOnlyList<PledgedPatent> Patents { get; private set; } = new List<PledgedPatent>();

    /// <summary>The pledged patents' ids, stored apart so the pledge register can be queried by patent.</summary>
    public IReadOnlyList<Guid> PatentIds { get; private set; } = new List<Guid>();
    public Valuation Valuation { get; private set; } = null!;
    public FinancialSummary Financials { get; private set; } = null!;
    public string? InfoQuestion { get; private set; }
    public string? InfoAnswer { get; private set; }
    public Guid? OfficerUserId { get; private set; }
    public Recommendation? Recommendation { get; private set; }
    public Guid? RecommendedByUserId { get; private set; }
    public Guid? DecidedByUserId { get; private set; }
    public string? DecisionComment { get; private set; }
    public decimal? ApprovedAmount { get; private set; }
    public DateOnly? ApprovedOn { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }

    /// <summary>PostgreSQL's xmin, used as the optimistic-concurrency token.</summary>
    public uint Version { get; private set; }

    private PledgeApplication() { }

    /// <summary>A draft; <paramref name="eligibility"/> is the check of each requested patent, in request order.</summary>
    public static PledgeApplication Create(Guid applicantOrganizationId, PledgeDraft draft, IReadOnlyList<PatentEligibility> eligibility, DateTimeOffset now)
    {
        if (applicantOrganizationId == Guid.Empty)
            throw new ArgumentException("An application is made by an organisation.", nameof(applicantOrganizationId));
        var application = new PledgeApplication
        {
            Id = Guid.CreateVersion7(now), ApplicantOrganizationId = applicantOrganizationId, Status = PledgeStatus.Draft, CreatedAt = now,
        };
        application.SetDraft(draft, eligibility, now);
        return application;
    }

    public void UpdateDraft(PledgeDraft draft, IReadOnlyList<PatentEligibility> eligibility, DateTimeOffset now)
    {
        Ensure(EditStep);
        SetDraft(draft, eligibility, now);
    }

    /// <summary>Eligibility is checked again: the patents may have changed since the draft was saved.</summary>
    public void Submit(IReadOnlyList<PatentEligibility> eligibility, DateTimeOffset now)
    {
        Ensure(SubmitStep);
        PledgeEligibility.EnsureEligible(eligibility);
        Move(SubmitStep, now);
        SubmittedAt = now;
    }

    public void Take(Guid officerUserId, DateTimeOffset now)
    {
        Ensure(TakeStep);
        OfficerUserId = officerUserId;
        Move(TakeStep, now);
    }

    public void RequestInfo(string question, DateTimeOffset now)
    {
        Ensure(RequestInfoStep);
        InfoQuestion = TextRules.Required(question, "comment", "Question", 1000, multiline: true);
        InfoAnswer = null;
        Move(RequestInfoStep, now);
    }

    public void Answer(string answer, DateTimeOffset now)
    {
        Ensure(AnswerStep);
        InfoAnswer = TextRules.Required(answer, "comment", "Answer", 2000, multiline: true);
        Move(AnswerStep, now);
    }

    /// <summary>The officer proposes terms within the bank's loan-to-value cap.</summary>
    public void Recommend(Guid officerUserId, Recommendation recommendation, BankPledgePolicy policy, DateTimeOffset now)
    {
        Ensure(RecommendStep);
        var terms = recommendation.Validated();
        var ltv = LoanToValue.Assess(Patents, policy, terms.Amount, Valuation, BusinessCalendar.ChinaDate(now));
        if (terms.Amount > ltv.MaxLoan)
            throw new DomainRuleException("amount", new Text("The amount is above the maximum loan of {0:N2} yuan for these patents.", ltv.MaxLoan));
        Recommendation = terms;
        RecommendedByUserId = officerUserId;
        Move(RecommendStep, now);
    }

    public void Approve(Guid approverUserId, string? comment, DateTimeOffset now) => Approve(new Checker(approverUserId, null), comment, now);

    public void Approve(Checker approver, string? comment, DateTimeOffset now)
    {
        Decide(ApproveStep, approver, comment, now);
        ApprovedAmount = Recommendation!.Amount;
        ApprovedOn = BusinessCalendar.ChinaDate(now);
    }

    public void Reject(Guid deciderUserId, string reason, DateTimeOffset now) => Reject(new Checker(deciderUserId, null), reason, now);

    public void Reject(Checker decider, string reason, DateTimeOffset now)
    {
        Ensure(RejectStep);
        Decide(RejectStep, decider, TextRules.Required(reason, "comment", "Reason", 1000, multiline: true), now);
    }

    /// <summary>The applicant withdraws before a decision.</summary>
    public void Withdraw(DateTimeOffset now) => Move(WithdrawStep, now);

    private void SetDraft(PledgeDraft draft, IReadOnlyList<PatentEligibility> eligibility, DateTimeOffset now)
    {
        var valid = draft.Validated(BusinessCalendar.ChinaDate(now));
        if (eligibility.Count != valid.Patents.Count || eligibility.Where((e, i) => e.PatentId != valid.Patents[i].PatentId).Any())
            throw new ArgumentException("Give the eligibility of each requested patent, in order.", nameof(eligibility));
        PledgeEligibility.EnsureEligible(eligibility);
        BankOrganizationId = valid.BankOrganizationId;
        RequestedAmount = valid.RequestedAmount;
        TermMonths = valid.TermMonths;
        Purpose = valid.Purpose;
        Patents = valid.Patents.Select((p, i) => new PledgedPatent(p.PatentId, eligibility[i].Type, p.Value)).ToList();
        PatentIds = valid.Patents.Select(p => p.PatentId).ToList();
        Valuation = valid.Valuation;
        Financials = valid.Financials;
        UpdatedAt = now;
    }

    /// <summary>
    /// Four eyes: whoever prepared the loan (took it for review or recommended it) does not decide it, neither in
    /// person nor through an account they created.
    /// </summary>
    private void Decide(LifecycleStep<PledgeStatus> step, Checker checker, string? comment, DateTimeOffset now)
    {
        Ensure(step);
        Guid?[] makers = [OfficerUserId, RecommendedByUserId];
        if (makers.Contains(checker.UserId))
            throw new ForbiddenActionException("decidedBy", "The officer who recommended this loan cannot also decide it; another approver must.");
        if (checker.CreatedByUserId is { } creator && makers.Contains(creator))
            throw new ForbiddenActionException("decidedBy", "An account created by the officer who prepared this loan cannot decide it; another approver must.");
        DecidedByUserId = checker.UserId;
        DecisionComment = TextRules.Optional(comment, "comment", "Comment", 1000, multiline: true);
        Move(step, now);
    }
}

/// <summary>The person deciding a loan, and the account that created theirs (null for an organisation's founder).</summary>
public sealed record Checker(Guid UserId, Guid? CreatedByUserId);
