using System.Security.Claims;
using Marketplace.Domain.Common;
using Marketplace.Domain.Pledges;
using Marketplace.Web.Platform.Identity;

namespace Marketplace.Web.Features.Pledges;

/// <summary>What a step is given, by the API's bodies or by the detail page's one form.</summary>
public sealed class StepForm
{
    public string? Comment { get; set; }
    public decimal? Amount { get; set; }
    public decimal? RatePercent { get; set; }
    public int? TermMonths { get; set; }
    public string? Conditions { get; set; }
    public string? RegistrationNumber { get; set; }
    public DateOnly? Date { get; set; }
    public uint? Version { get; set; }

    public static StepForm Of(StepRequest? r) => new() { Comment = r?.Comment, Version = r?.Version };

    public static StepForm Of(RecommendRequest r) => new()
    {
        Amount = r.Amount, RatePercent = r.RatePercent, TermMonths = r.TermMonths, Conditions = r.Conditions, Comment = r.Comment, Version = r.Version,
    };

    public static StepForm Of(RegisterRequest r) => new() { RegistrationNumber = r.RegistrationNumber, Date = r.RegisteredOn, Comment = r.Comment, Version = r.Version };

    public static StepForm Of(DisburseRequest r) => new() { Amount = r.Amount, Date = r.DisbursedOn, Comment = r.Comment, Version = r.Version };

    public StepRequest Plain => new(Comment, Version);
}

public delegate Task<PledgeApplication> PledgeStepCall(PledgeService pledges, ClaimsPrincipal caller, Guid id, StepForm form, CancellationToken ct);

/// <summary>
/// One step of an application as people take it: its name (the API's <c>POST /api/pledges/{id}/{name}</c> and the
/// page's <c>?handler=Step&amp;step={name}</c>), the policy the caller must meet, the lifecycle step it takes (so the
/// page offers it only where the domain allows it) and the service call.
/// </summary>
public sealed record PledgeStep(string Name, string Policy, LifecycleStep<PledgeStatus> Move, PledgeStepCall Call)
{
    public string Route => "/{id:guid}/" + Name;

    public bool PossibleFrom(PledgeStatus status) => Move.Moves.ContainsKey(status);
}

/// <summary>Every step of a pledge application: the API maps these, the detail page offers and runs them, the tests walk them.</summary>
public static class PledgeSteps
{
    public static readonly PledgeStep
        Submit = new("submit", PledgesFeature.Applicant, PledgeApplication.SubmitStep, (s, u, id, f, ct) => s.SubmitAsync(u, id, f.Plain, ct)),
        Answer = new("answer", PledgesFeature.Applicant, PledgeApplication.AnswerStep, (s, u, id, f, ct) => s.AnswerAsync(u, id, f.Plain, ct)),
        Withdraw = new("withdraw", PledgesFeature.Applicant, PledgeApplication.WithdrawStep, (s, u, id, f, ct) => s.WithdrawAsync(u, id, f.Plain, ct)),
        Take = new("take", PledgesFeature.BankStaff, PledgeApplication.TakeStep, (s, u, id, f, ct) => s.TakeAsync(u, id, f.Plain, ct)),
        RequestInfo = new("request-info", PledgesFeature.BankStaff, PledgeApplication.RequestInfoStep, (s, u, id, f, ct) => s.RequestInfoAsync(u, id, f.Plain, ct)),
        Recommend = new("recommend", PledgesFeature.BankStaff, PledgeApplication.RecommendStep, (s, u, id, f, ct) =>
            s.RecommendAsync(u, id, new RecommendRequest(f.Amount, f.RatePercent, f.TermMonths, f.Conditions, f.Comment, f.Version), ct)),
        Register = new("register", PledgesFeature.BankStaff, PledgeApplication.RegisterStep, (s, u, id, f, ct) =>
            s.RegisterAsync(u, id, new RegisterRequest(f.RegistrationNumber, f.Date, f.Comment, f.Version), ct)),
        Disburse = new("disburse", PledgesFeature.BankStaff, PledgeApplication.DisburseStep, (s, u, id, f, ct) =>
            s.DisburseAsync(u, id, new DisburseRequest(f.Amount, f.Date, f.Comment, f.Version), ct)),
        Repay = new("repay", PledgesFeature.BankStaff, PledgeApplication.RepayStep, (s, u, id, f, ct) => s.RepayAsync(u, id, f.Plain, ct)),
        Default = new("default", PledgesFeature.BankStaff, PledgeApplication.DefaultStep, (s, u, id, f, ct) => s.DefaultAsync(u, id, f.Plain, ct)),
        Release = new("release", PledgesFeature.BankStaff, PledgeApplication.ReleaseStep, (s, u, id, f, ct) => s.ReleaseAsync(u, id, f.Plain, ct)),
        Consent = new("pledgee-consent", PledgesFeature.BankStaff, PledgeApplication.ConsentStep, (s, u, id, f, ct) => s.ConsentAsync(u, id, f.Plain, ct)),
        Approve = new("approve", Roles.BankApprover, PledgeApplication.ApproveStep, (s, u, id, f, ct) => s.ApproveAsync(u, id, f.Plain, ct)),
        Reject = new("reject", Roles.BankApprover, PledgeApplication.RejectStep, (s, u, id, f, ct) => s.RejectAsync(u, id, f.Plain, ct));

    public static IReadOnlyList<PledgeStep> All { get; } =
        [Submit, Answer, Withdraw, Take, RequestInfo, Recommend, Register, Disburse, Repay, Default, Release, Consent, Approve, Reject];

    /// <summary>The steps with a body of their own, which the API maps with that body's type (for its validation).</summary>
    public static IReadOnlyList<PledgeStep> WithBody { get; } = [Recommend, Register, Disburse];

    public static PledgeStep? Named(string name) => All.FirstOrDefault(s => s.Name == name);
}
