using System.Security.Claims;
using Marketplace.Domain.Evidence;
using Marketplace.Web.Data;
using Marketplace.Web.Platform.Identity;
using Marketplace.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.OffPlatform;

public sealed record ImportedPledgeResponse(Guid Id, Guid BankOrganizationId, string BankNameZh, string RegistrationNumber, string PledgorCreditCode, string PledgorName,
    IReadOnlyList<string> ApplicationNumbers, decimal Amount, decimal Disbursed, DateOnly RegisteredOn, DateOnly ExpiresOn,
    IReadOnlyList<Domain.OffPlatform.ImportedTranche> Tranches, EvidenceState Evidence, string? VerifiedBy, DateTimeOffset? VerifiedAt, Guid BatchId,
    DateTimeOffset ImportedAt);

public sealed record ImportedContractResponse(Guid Id, string RegistrationNumber, Domain.Deals.DealCategory Category, string SellerName, string SellerCreditCode,
    string BuyerName, string BuyerCreditCode, IReadOnlyList<string> ApplicationNumbers, decimal Amount, DateOnly ContractDate, DateOnly RegisteredOn,
    string Owner, string Industry, EvidenceState Evidence, string? VerifiedBy, DateTimeOffset? VerifiedAt, Guid BatchId);

/// <summary>
/// Reading the imported records. A bank reads its own imported pledges only — another bank's is "not found", and no
/// list, total or breakdown shows one bank's volume to another; the park office reads them all.
/// </summary>
public sealed class OffPlatformQuery(MarketplaceDb db)
{
    public const int PageSize = 200;

    public async Task<IReadOnlyList<ImportedPledgeResponse>> PledgesAsync(ClaimsPrincipal caller, Guid? bank, string? registration, CancellationToken ct)
    {
        var query = Visible(caller);
        if (bank is { } b) query = query.Where(p => p.BankOrganizationId == b);
        if (!string.IsNullOrWhiteSpace(registration)) query = query.Where(p => p.RegistrationNumber.Contains(registration.Trim().ToUpper()));
        return await DescribeAsync(await query.OrderByDescending(p => p.RegisteredOn).ThenBy(p => p.Id).Take(PageSize).ToListAsync(ct), ct);
    }

    public async Task<ImportedPledgeResponse> PledgeAsync(ClaimsPrincipal caller, Guid id, CancellationToken ct) =>
        (await DescribeAsync([await Visible(caller).SingleOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException("Imported pledge")], ct))[0];

    public async Task<IReadOnlyList<ImportedContractResponse>> ContractsAsync(int? year, CancellationToken ct) =>
        (await db.ImportedContracts.AsNoTracking().Where(c => year == null || c.ContractDate.Year == year)
            .OrderByDescending(c => c.ContractDate).ThenBy(c => c.Id).Take(PageSize).ToListAsync(ct)).Select(Describe).ToList();

    public async Task<ImportedContractResponse> ContractAsync(Guid id, CancellationToken ct) =>
        Describe(await db.ImportedContracts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("Imported contract"));

    /// <summary>The import batches the caller may see: a bank its own, the park office all.</summary>
    public async Task<IReadOnlyList<ImportBatch>> BatchesAsync(ClaimsPrincipal caller, CancellationToken ct)
    {
        var office = caller.IsInRole(Roles.ParkAdmin);
        var organization = caller.OrganizationId();
        return await db.ImportBatches.AsNoTracking().Where(b => office || b.OrganizationId == organization).OrderByDescending(b => b.ImportedAt).Take(100).ToListAsync(ct);
    }

    private IQueryable<Domain.OffPlatform.ImportedPledge> Visible(ClaimsPrincipal caller)
    {
        var organization = caller.OrganizationId();
        return caller.IsInRole(Roles.ParkAdmin)
            ? db.ImportedPledges.AsNoTracking()
            : db.ImportedPledges.AsNoTracking().Where(p => p.BankOrganizationId == organization);
    }

    private async Task<IReadOnlyList<ImportedPledgeResponse>> DescribeAsync(IReadOnlyList<Domain.OffPlatform.ImportedPledge> pledges, CancellationToken ct)
    {
        var bankIds = pledges.Select(p => p.BankOrganizationId).Distinct().ToList();
        var banks = await db.Organizations.AsNoTracking().Where(o => bankIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.NameZh, ct);
        return pledges.Select(p => new ImportedPledgeResponse(p.Id, p.BankOrganizationId, banks[p.BankOrganizationId], p.RegistrationNumber, p.PledgorCreditCode,
            p.PledgorName, p.ApplicationNumbers, p.Amount, p.Disbursed, p.RegisteredOn, p.ExpiresOn, p.Tranches, p.Evidence.State, p.Evidence.VerifiedBy,
            p.Evidence.VerifiedAt, p.BatchId, p.ImportedAt)).ToList();
    }

    private static ImportedContractResponse Describe(Domain.OffPlatform.ImportedContract c) => new(c.Id, c.RegistrationNumber, c.Category, c.SellerName,
        c.SellerCreditCode, c.BuyerName, c.BuyerCreditCode, c.ApplicationNumbers, c.Amount, c.ContractDate, c.RegisteredOn, c.Owner, c.Industry, c.Evidence.State,
        c.Evidence.VerifiedBy, c.Evidence.VerifiedAt, c.BatchId);
}

/// <summary>One kind of off-platform source behind a period's figures: how many records, how much they count, and the
/// import batches (file, SHA-256, date) they came in. Banks are counted, not named: their volumes are their own.</summary>
public sealed record OffPlatformSource(Domain.Targets.RecordSource Source, int Organizations, int Records, decimal Amount, IReadOnlyList<ImportBatch> Batches);

/// <summary>The off-platform sources of a period, for the white paper.</summary>
public sealed class OffPlatformSources(MarketplaceDb db)
{
    public async Task<IReadOnlyList<OffPlatformSource>> ForAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var contracts = await db.ImportedContracts.AsNoTracking().Where(c => c.ContractDate >= from && c.ContractDate <= to)
            .Select(c => new { c.BatchId, c.Amount }).ToListAsync(ct);
        var pledges = (await db.ImportedPledges.AsNoTracking().ToListAsync(ct))
            .Select(p => new { p.BankOrganizationId, p.BatchId, Amount = p.Tranches.Where(t => t.On >= from && t.On <= to).Sum(t => t.Amount) })
            .Where(p => p.Amount > 0).ToList();
        var entered = await db.Deals.AsNoTracking().Where(d => d.Origin == Domain.Deals.DealOrigin.OffPlatform && d.ContractDate >= from && d.ContractDate <= to
                && (d.Status == Domain.Deals.DealStatus.Signed || d.Status == Domain.Deals.DealStatus.Recorded || d.Status == Domain.Deals.DealStatus.Completed))
            .Select(d => d.ContractAmount).ToListAsync(ct);
        var batchIds = contracts.Select(c => c.BatchId).Concat(pledges.Select(p => p.BatchId)).Distinct().ToList();
        var batches = await db.ImportBatches.AsNoTracking().Where(b => batchIds.Contains(b.Id)).OrderBy(b => b.ImportedAt).ToListAsync(ct);
        return
        [
            new(Domain.Targets.RecordSource.EnteredByParkOffice, entered.Count > 0 ? 1 : 0, entered.Count, entered.Sum(), []),
            new(Domain.Targets.RecordSource.ImportedRegistry, contracts.Count > 0 ? 1 : 0, contracts.Count, contracts.Sum(c => c.Amount),
                batches.Where(b => b.Kind == ImportKind.ContractRegistrations).ToList()),
            new(Domain.Targets.RecordSource.ImportedByBank, pledges.Select(p => p.BankOrganizationId).Distinct().Count(), pledges.Count, pledges.Sum(p => p.Amount),
                batches.Where(b => b.Kind == ImportKind.PledgeRegistrations).ToList()),
        ];
    }
}
