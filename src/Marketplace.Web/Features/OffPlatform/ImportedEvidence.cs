using Marketplace.Domain.Evidence;
using Marketplace.Domain.OffPlatform;
using Marketplace.Domain.Pledges;
using Marketplace.Web.Data;
using Marketplace.Web.Platform.Audit;
using Marketplace.Web.Features.Targets;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.OffPlatform;

/// <summary>
/// The evidence of an imported record moves (a certificate attached, the park office's verification): audited, and
/// the kept totals move the record's figures from one evidence state to the other, in one transaction with whatever
/// the caller added to the context (the document).
/// </summary>
public sealed class ImportedEvidence(MarketplaceDb db, AuditLog audit, PledgeTotals pledgeTotals, DealTotals dealTotals, TargetsBroadcast dashboards)
{
    public const string PledgeEntity = "ImportedPledge", ContractEntity = "ImportedContract";

    public async Task PledgeStepAsync(Guid id, string action, string? comment, Action<ImportedPledge> move, CancellationToken ct)
    {
        await using var unit = await db.Database.BeginUnitOfWorkAsync(ct);
        var pledge = await db.ImportedPledges.SingleAsync(p => p.Id == id, ct);
        var (before, figures) = (pledge.Evidence.State, pledge.Figures());
        move(pledge);
        Audit(PledgeEntity, id, action, before, pledge.Evidence.State, comment);
        await db.SaveChangesAsync(ct);
        await pledgeTotals.ApplyAsync(pledge.BankOrganizationId, PledgeFigures.Change(figures, pledge.Figures()), ct);
        await unit.CommitAsync(ct);
        await dashboards.FiguresMovedAsync(TargetsBroadcast.PledgesKind);
    }

    public async Task ContractStepAsync(Guid id, string action, string? comment, Action<ImportedContract> move, CancellationToken ct)
    {
        await using var unit = await db.Database.BeginUnitOfWorkAsync(ct);
        var contract = await db.ImportedContracts.SingleAsync(c => c.Id == id, ct);
        var (before, counted) = (contract.Evidence.State, contract.Contribution);
        move(contract);
        Audit(ContractEntity, id, action, before, contract.Evidence.State, comment);
        await db.SaveChangesAsync(ct);
        await dealTotals.MoveAsync(counted, contract.Contribution, contract.Owner, contract.Industry, ct);
        await unit.CommitAsync(ct);
        await dashboards.FiguresMovedAsync(TargetsBroadcast.DealsKind);
    }

    private void Audit(string entity, Guid id, string action, EvidenceState from, EvidenceState to, string? comment) =>
        audit.Record(entity, id, action, from.ToString(), to.ToString(), comment);
}
