using System.Security.Claims;
using Marketplace.Domain.Common;
using Marketplace.Domain.Pledges;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Accounts;
using Marketplace.Web.Features.Audit;
using Marketplace.Web.Features.Localization;
using Marketplace.Web.Features.Platform;
using Marketplace.Web.Features.Targets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Features.Pledges;

/// <summary>
/// Pledge applications through their lifecycle. Each step is written with its audit row and its move of the
/// target totals in one transaction; a step refused because of the state, a concurrent change or the four-eyes
/// rule is audited as well, in a transaction of its own, so the trail shows who tried what.
/// </summary>
public sealed class PledgeService(
    MarketplaceDb db, AuditLog audit, TimeProvider clock, PledgeAccess access, PledgeChecks checks, PledgeTotals totals, PledgeNotices notices,
    IStringLocalizer<SharedResource> t)
{
    public const string AuditEntity = "PledgeApplication";

    public async Task<PledgeApplication> CreateAsync(ClaimsPrincipal caller, PledgeRequest request, CancellationToken ct)
    {
        var applicantId = caller.OrganizationId() ?? throw new NotFoundException("Organisation");
        var draft = request.ToDraft();
        await checks.EnsureBankAsync(draft.BankOrganizationId, ct);
        var (eligibility, _) = await checks.CheckRequestedAsync(applicantId, draft.BankOrganizationId, draft.Patents.Select(p => p.PatentId).ToList(), null, ct);
        var application = PledgeApplication.Create(applicantId, draft, eligibility, clock.GetUtcNow());
        db.PledgeApplications.Add(application);
        audit.Record(AuditEntity, application.Id, "Created", null, application.Status.ToString());
        await db.SaveChangesAsync(ct);
        return application;
    }

    public async Task<PledgeApplication> UpdateAsync(ClaimsPrincipal caller, Guid id, PledgeRequest request, CancellationToken ct)
    {
        var application = await access.FindOwnAsync(caller, id, ct);
        var draft = request.ToDraft();
        await checks.EnsureBankAsync(draft.BankOrganizationId, ct);
        var (eligibility, _) = await checks.CheckRequestedAsync(application.ApplicantOrganizationId, draft.BankOrganizationId,
            draft.Patents.Select(p => p.PatentId).ToList(), id, ct);
        return await ActAsync(application, request.Version, "Edited", null,
            (a, now) => a.UpdateDraft(draft, eligibility, now), ct);
    }

    public async Task<PledgeApplication> SubmitAsync(ClaimsPrincipal caller, Guid id, StepRequest? step, CancellationToken ct)
    {
        var application = await access.FindOwnAsync(caller, id, ct);
        var (eligibility, _) = await checks.CheckAsync(application.ApplicantOrganizationId, application.BankOrganizationId, application.PatentIds, id, ct);
        return await ActAsync(application, step?.Version, "Submitted", step?.Comment, (a, now) => a.Submit(eligibility, now), ct);
    }

    public Task<PledgeApplication> AnswerAsync(ClaimsPrincipal caller, Guid id, StepRequest? step, CancellationToken ct) =>
        OwnStepAsync(caller, id, step, "Answered", (a, now) => a.Answer(step?.Comment ?? "", now), ct);

    public Task<PledgeApplication> WithdrawAsync(ClaimsPrincipal caller, Guid id, StepRequest? step, CancellationToken ct) =>
        OwnStepAsync(caller, id, step, "Withdrawn", (a, now) => a.Withdraw(now), ct);

    public Task<PledgeApplication> TakeAsync(ClaimsPrincipal caller, Guid id, StepRequest? step, CancellationToken ct) =>
        BankStepAsync(caller, id, step, "Taken", (a, now) => a.Take(caller.UserId()!.Value, now), ct);

    public Task<PledgeApplication> RequestInfoAsync(ClaimsPrincipal caller, Guid id, StepRequest? step, CancellationToken ct) =>
        BankStepAsync(caller, id, step, "InfoRequested", (a, now) => a.RequestInfo(step?.Comment ?? "", now), ct);

    public async Task<PledgeApplication> RecommendAsync(ClaimsPrincipal caller, Guid id, RecommendRequest request, CancellationToken ct)
    {
        var application = await access.FindForBankAsync(caller, id, ct);
        var policy = await checks.PolicyAsync(application.BankOrganizationId, ct);
        var recommendation = new Recommendation(request.Amount ?? 0m, request.RatePercent ?? 0m, request.TermMonths ?? 0, request.Conditions);
        return await ActAsync(application, request.Version, "Recommended", request.Comment,
            (a, now) => a.Recommend(caller.UserId()!.Value, recommendation, policy, now), ct);
    }

    public async Task<PledgeApplication> ApproveAsync(ClaimsPrincipal caller, Guid id, StepRequest? step, CancellationToken ct)
    {
        var application = await access.FindForBankAsync(caller, id, ct);
        var checker = await CheckerOrRefusalAsync(caller, application, "Approved", ct);
        return await ActAsync(application, step?.Version, "Approved", step?.Comment, (a, now) => a.Approve(checker, step?.Comment, now), ct);
    }

    public async Task<PledgeApplication> RejectAsync(ClaimsPrincipal caller, Guid id, StepRequest? step, CancellationToken ct)
    {
        var application = await access.FindForBankAsync(caller, id, ct);
        var checker = await CheckerOrRefusalAsync(caller, application, "Rejected", ct);
        return await ActAsync(application, step?.Version, "Rejected", step?.Comment, (a, now) => a.Reject(checker, step?.Comment ?? "", now), ct);
    }

    private async Task<Checker> CheckerOrRefusalAsync(ClaimsPrincipal caller, PledgeApplication application, string action, CancellationToken ct)
    {
        try
        {
            return await access.CheckerAsync(caller, ct);
        }
        catch (ForbiddenActionException refused)
        {
            await RecordRefusalAsync(application.Id, action, application.Status, refused);
            throw;
        }
    }

    /// <summary>Registration locks the patents, so another bank's registered pledge of any of them is refused here.</summary>
    public async Task<PledgeApplication> RegisterAsync(ClaimsPrincipal caller, Guid id, RegisterRequest request, CancellationToken ct)
    {
        var application = await access.FindForBankAsync(caller, id, ct);
        var (eligibility, _) = await checks.CheckAsync(application.ApplicantOrganizationId, application.BankOrganizationId, application.PatentIds, id, ct);
        if (eligibility.FirstOrDefault(e => e.Reasons.Contains(IneligibilityReason.UnderActivePledge)) is { } taken)
            throw new DomainRuleException("patentIds", new Text("{0} is already under another registered pledge.", taken.ApplicationNumber), isConflict: true);
        return await ActAsync(application, request.Version, "Registered", request.Comment,
            (a, now) => a.Register(request.RegistrationNumber ?? "", request.RegisteredOn ?? default, now), ct);
    }

    public Task<PledgeApplication> DisburseAsync(ClaimsPrincipal caller, Guid id, DisburseRequest request, CancellationToken ct) =>
        BankStepAsync(caller, id, new StepRequest(request.Comment, request.Version), "Disbursed",
            (a, now) => a.Disburse(request.Amount ?? 0m, request.DisbursedOn ?? BusinessCalendar.ChinaDate(now), now), ct);

    public Task<PledgeApplication> RepayAsync(ClaimsPrincipal caller, Guid id, StepRequest? step, CancellationToken ct) =>
        BankStepAsync(caller, id, step, "Repaid", (a, now) => a.Repay(now), ct);

    public Task<PledgeApplication> DefaultAsync(ClaimsPrincipal caller, Guid id, StepRequest? step, CancellationToken ct) =>
        BankStepAsync(caller, id, step, "Defaulted", (a, now) => a.Default(now), ct);

    public Task<PledgeApplication> ReleaseAsync(ClaimsPrincipal caller, Guid id, StepRequest? step, CancellationToken ct) =>
        BankStepAsync(caller, id, step, "Released", (a, now) => a.Release(now), ct);

    public Task<PledgeApplication> ConsentAsync(ClaimsPrincipal caller, Guid id, StepRequest? step, CancellationToken ct) =>
        BankStepAsync(caller, id, step, "PledgeeConsentRecorded", (a, now) => a.RecordPledgeeConsent(now), ct);

    private async Task<PledgeApplication> OwnStepAsync(ClaimsPrincipal caller, Guid id, StepRequest? step, string action,
        Action<PledgeApplication, DateTimeOffset> move, CancellationToken ct) =>
        await ActAsync(await access.FindOwnAsync(caller, id, ct), step?.Version, action, step?.Comment, move, ct);

    private async Task<PledgeApplication> BankStepAsync(ClaimsPrincipal caller, Guid id, StepRequest? step, string action,
        Action<PledgeApplication, DateTimeOffset> move, CancellationToken ct) =>
        await ActAsync(await access.FindForBankAsync(caller, id, ct), step?.Version, action, step?.Comment, move, ct);

    private async Task<PledgeApplication> ActAsync(PledgeApplication application, uint? version, string action, string? comment,
        Action<PledgeApplication, DateTimeOffset> move, CancellationToken ct)
    {
        var before = application.Status;
        var figures = PledgeFigures.Of(application);
        IReadOnlyList<MonthFigures> change;
        try
        {
            Concurrency.ExpectVersion(application.Version, version);
            move(application, clock.GetUtcNow());
            audit.Record(AuditEntity, application.Id, action, before.ToString(), application.Status.ToString(), comment);
            await using var transaction = await db.Database.BeginUnitOfWorkAsync(ct);
            await db.SaveChangesAsync(ct);
            change = PledgeFigures.Change(figures, PledgeFigures.Of(application));
            await totals.ApplyAsync(application.BankOrganizationId, change, ct);
            await transaction.CommitAsync(ct);
        }
        catch (Exception refused) when (refused is DbUpdateConcurrencyException or ForbiddenActionException or DomainRuleException { IsConflict: true })
        {
            await RecordRefusalAsync(application.Id, action, before, refused);
            throw;
        }
        await notices.StatusChangedAsync(application, before, change.Count > 0, ct);
        return application;
    }

    // The refused attempt is evidence too (who tried to decide, and when), but nothing of it may be saved with it.
    private async Task RecordRefusalAsync(Guid id, string action, PledgeStatus state, Exception refused)
    {
        db.ChangeTracker.Clear();
        // Kept in the park's language, as the office reads its trail, whoever's request was refused.
        Text reason = refused switch
        {
            DomainRuleException rule => rule.Text,
            ForbiddenActionException forbidden => forbidden.Text,
            _ => "Changed by someone else meanwhile.",
        };
        var why = TextLocalizer.In(LocalizationFeature.Chinese, () => t.Say(reason));
        audit.Record(AuditEntity, id, action + "Refused", state.ToString(), state.ToString(), why);
        await db.SaveChangesAsync(CancellationToken.None);
    }
}
