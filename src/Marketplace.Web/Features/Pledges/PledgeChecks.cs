using Marketplace.Domain.Common;
using Marketplace.Domain.Organizations;
using Marketplace.Domain.Patents;
using Marketplace.Domain.Pledges;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Features.Pledges;

/// <summary>Gathers what the domain's eligibility and loan-to-value rules need: the patents, the pledge register, the bank's policy.</summary>
public sealed class PledgeChecks(MarketplaceDb db, RegisteredPledges registry, TimeProvider clock, IStringLocalizer<SharedResource> t)
{
    public async Task<BankPledgePolicy> PolicyAsync(Guid bankId, CancellationToken ct) =>
        (await db.BankPolicies.AsNoTracking().SingleOrDefaultAsync(p => p.BankOrganizationId == bankId, ct))?.Policy ?? BankPledgePolicy.Default;

    public async Task EnsureBankAsync(Guid bankId, CancellationToken ct)
    {
        if (!await db.Organizations.AnyAsync(o => o.Id == bankId && o.Type == OrganizationType.Bank && o.IsVerified, ct))
            throw new DomainRuleException("bankId", "Choose a bank verified on the platform.");
    }

    /// <summary>
    /// The eligibility of the patents a request names. An applicant pledges only its own patents, so another
    /// organisation's is answered exactly as an id that does not exist: its title, type or pledge state never leave.
    /// </summary>
    public Task<(IReadOnlyList<PatentEligibility> Results, IReadOnlyList<Patent> Patents)> CheckRequestedAsync(
        Guid applicantId, Guid bankId, IReadOnlyList<Guid> patentIds, Guid? except, CancellationToken ct) =>
        CheckAsync(applicantId, bankId, patentIds, except, ct, ownOnly: true);

    /// <summary>Each patent's eligibility for this applicant and bank, in the order given; <paramref name="except"/>
    /// is the application itself, whose own registered pledge does not count against it.</summary>
    public async Task<(IReadOnlyList<PatentEligibility> Results, IReadOnlyList<Patent> Patents)> CheckAsync(
        Guid applicantId, Guid bankId, IReadOnlyList<Guid> patentIds, Guid? except, CancellationToken ct, bool ownOnly = false)
    {
        var found = await db.Patents.AsNoTracking().Where(p => patentIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var patents = patentIds.Select((id, i) => found.GetValueOrDefault(id) is { } patent && (!ownOnly || patent.Owners.Any(o => o.OrganizationId == applicantId))
            ? patent
            : throw new DomainRuleException($"patents[{i}].patentId", "No such patent of your organisation is registered on the platform.")).ToList();
        var locked = await registry.LockedAsync(patentIds, except, ct);
        var policy = await PolicyAsync(bankId, ct);
        var today = BusinessCalendar.Today(clock);
        return (patents.Select(p => PledgeEligibility.Check(p, applicantId, locked.Contains(p.Id), policy, today)).ToList(), patents);
    }

    /// <summary>The preview before saving: nothing but the bank and the patents has to be filled in yet.</summary>
    public async Task<EligibilityResponse> PreviewAsync(Guid applicantId, PledgeRequest request, CancellationToken ct)
    {
        var bankId = request.BankId ?? throw new DomainRuleException("bankId", "Choose the bank.");
        await EnsureBankAsync(bankId, ct);
        var chosen = (request.Patents ?? []).Where(p => p?.PatentId is not null).ToList();
        if (chosen.Count == 0) throw new DomainRuleException("patents", "Choose at least one patent.");
        var (results, patents) = await CheckRequestedAsync(applicantId, bankId, chosen.Select(p => p.PatentId!.Value).ToList(), null, ct);
        var pledged = chosen.Select((p, i) => new PledgedPatent(patents[i].Id, patents[i].Type, p.Value ?? 0m)).ToList();
        var policy = await PolicyAsync(bankId, ct);
        var valuation = new Valuation(request.Valuation?.Method ?? ValuationMethod.Income, "", request.Valuation?.ReportDate ?? BusinessCalendar.Today(clock), "");
        var ltv = LoanToValue.Assess(pledged, policy, request.RequestedAmount ?? 0m, valuation, BusinessCalendar.Today(clock));
        return new EligibilityResponse(Describe(pledged, patents, results), ltv, policy, results.All(r => r.Eligible));
    }

    /// <summary>Each patent with its eligibility; the reasons as sentences in the reader's language.</summary>
    public List<PledgedPatentResponse> Describe(IReadOnlyList<PledgedPatent> pledged, IReadOnlyList<Patent> patents, IReadOnlyList<PatentEligibility> results) =>
        pledged.Select((p, i) => new PledgedPatentResponse(p.PatentId, patents[i].ApplicationNumber, p.Type, patents[i].TitleZh, patents[i].TitleEn, p.Value,
            results[i].Eligible, results[i].Reasons, results[i].Reasons.Select(r => t.Say(PledgeEligibility.Describe(r))).ToList())).ToList();
}
