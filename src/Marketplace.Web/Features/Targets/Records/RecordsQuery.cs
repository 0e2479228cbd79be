using System.Runtime.CompilerServices;
using Marketplace.Domain.Deals;
using Marketplace.Domain.Evidence;
using Marketplace.Domain.Sessions;
using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Targets.Records;

/// <summary>
/// The records behind the figures, streamed (an export of a whole plan period must not sit in memory): counted
/// deals and imported contract registrations, their payments, disbursed tranches (of applications and of imported
/// pledge registrations) and sessions held, each with its evidence. Owner group, industry, source and evidence are
/// classified as the kept totals classify them, so a list always sums to the figure it was opened from. The names,
/// payments and document counts of each batch are read on a second connection, since the first is busy streaming
/// and PostgreSQL runs one command per connection at a time.
/// </summary>
public sealed partial class RecordsQuery(MarketplaceDb db, TargetGroups groups, IServiceScopeFactory scopes)
{
    private const int Batch = 500;
    private static readonly DealStatus[] Counted = [DealStatus.Signed, DealStatus.Recorded, DealStatus.Completed];

    public async IAsyncEnumerable<(Deal? Deal, DealRecord Record)> DealsAsync(RecordFilter filter, [EnumeratorCancellation] CancellationToken ct)
    {
        var (from, to) = filter.Period();
        var organizations = await db.Organizations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => (o.NameZh, Owner: groups.OwnerOf(o.Id, o.NameZh, o.Type)), ct);
        var query = db.Deals.AsNoTracking().Include(d => d.Instalments)
            .Where(d => Counted.Contains(d.Status) && d.ContractDate >= from && d.ContractDate <= to)
            .OrderBy(d => d.ContractDate).ThenBy(d => d.Id);
        using var side = scopes.CreateScope();
        var lookup = side.ServiceProvider.GetRequiredService<MarketplaceDb>();
        await foreach (var batch in query.AsAsyncEnumerable().Chunk(Batch).WithCancellation(ct))
        {
            var patentIds = batch.Select(d => d.PatentId).Distinct().ToList();
            var patents = await lookup.Patents.AsNoTracking().Where(p => patentIds.Contains(p.Id))
                .Select(p => new { p.Id, p.ApplicationNumber, p.TitleZh, p.MainIpc }).ToDictionaryAsync(p => p.Id, ct);
            var documents = await DocumentsAsync(lookup, RecordKind.Deal, batch.Select(d => d.Id), ct);
            foreach (var d in batch)
            {
                var patent = patents[d.PatentId];
                var record = new DealRecord(d.Id, d.ContractDate!.Value, d.Category, organizations[d.SellerOrganizationId].Owner, groups.IndustryOf(patent.MainIpc),
                    patent.ApplicationNumber, patent.TitleZh, organizations[d.SellerOrganizationId].NameZh, organizations[d.BuyerOrganizationId].NameZh,
                    d.ContractAmount, d.Received, d.Status, d.RegistrationNumber, d.RecordNumber, d.Origin, d.Source, d.Evidence.State,
                    d.Evidence.VerifiedBy, d.Evidence.VerifiedAt, documents.GetValueOrDefault(d.Id));
                if (Admits(filter, record)) yield return (d, record);
            }
        }
        await foreach (var record in ImportedContractsAsync(lookup, from, to, ct))
            if (Admits(filter, record)) yield return (null, record);
    }

    private static bool Admits(RecordFilter filter, DealRecord record) =>
        (filter.Category is not { } c || record.Category == c) && (filter.Owner is not { } o || record.Owner == o)
        && (filter.Industry is not { } i || record.Industry == i) && filter.Admits(record.Evidence, record.Source);

    /// <summary>The payments that make "received": every instalment with money kept, of the deals in scope, filtered by
    /// the payment's own evidence (the deal's is the contract's).</summary>
    public async IAsyncEnumerable<PaymentRecord> PaymentsAsync(RecordFilter filter, [EnumeratorCancellation] CancellationToken ct)
    {
        using var side = scopes.CreateScope();
        var lookup = side.ServiceProvider.GetRequiredService<MarketplaceDb>();
        var deals = new RecordFilter
        {
            Year = filter.Year, Month = filter.Month, From = filter.From, To = filter.To, Category = filter.Category, Owner = filter.Owner,
            Industry = filter.Industry, Source = filter.Source,
        };
        await foreach (var batch in DealsAsync(deals, ct).Where(d => d.Deal is not null).Chunk(Batch).WithCancellation(ct))
        {
            var kept = batch.SelectMany(d => d.Deal!.Instalments.Where(i => i.Paid != i.Refunded)).ToList();
            var documents = await DocumentsAsync(lookup, RecordKind.Payment, kept.Select(i => i.Id), ct);
            foreach (var (deal, record) in batch)
            foreach (var i in deal!.Instalments.Where(i => i.Paid != i.Refunded).OrderBy(i => i.Number))
                if (filter.Evidence is null || filter.Evidence == i.Evidence.State)
                    yield return new PaymentRecord(i.Id, deal.Id, record.ContractDate, deal.RegistrationNumber, i.Number, i.Label, i.Method,
                        i.TransferReference ?? i.StripePaymentIntentId, i.Paid, i.Refunded, i.Net, i.ConfirmedAt, i.Evidence.State, i.Evidence.VerifiedBy,
                        i.Evidence.VerifiedAt, documents.GetValueOrDefault(i.Id));
        }
    }

    /// <summary>The sessions that make "held": gone live or closed, by the China date they started.</summary>
    public async IAsyncEnumerable<SessionRecord> SessionsAsync(RecordFilter filter, [EnumeratorCancellation] CancellationToken ct)
    {
        var (from, to) = filter.Period();
        var query = db.Sessions.AsNoTracking().Where(s => s.Status == SessionStatus.Live || s.Status == SessionStatus.Closed);
        if (from != DateOnly.MinValue) query = query.Where(s => s.StartsAt >= ChinaMidnightUtc(from));
        if (to != DateOnly.MaxValue) query = query.Where(s => s.StartsAt < ChinaMidnightUtc(to.AddDays(1)));
        if (filter.Evidence is { } state) query = query.Where(s => s.Evidence.State == state);
        if (filter.Source is { } source && source != Domain.Targets.RecordSource.Platform) yield break;
        var sessions = await query.OrderBy(s => s.StartsAt)
            .Select(s => new
            {
                s.Id, s.StartsAt, s.Details, s.Status, s.Evidence,
                Registered = db.SessionRegistrations.Count(r => r.SessionId == s.Id),
                Approved = db.SessionRegistrations.Count(r => r.SessionId == s.Id && r.Status == RegistrationStatus.Approved),
                CheckedIn = db.SessionRegistrations.Count(r => r.SessionId == s.Id && r.CheckedInAt != null),
                Online = db.SessionRegistrations.Count(r => r.SessionId == s.Id && r.OnlineAt != null),
                Attended = db.SessionRegistrations.Count(r => r.SessionId == s.Id && (r.CheckedInAt != null || r.OnlineAt != null)),
            }).ToListAsync(ct);
        var documents = await DocumentsAsync(db, RecordKind.Session, sessions.Select(s => s.Id), ct);
        foreach (var s in sessions)
            yield return new SessionRecord(s.Id, s.StartsAt, s.Details.TitleZh, s.Details.Theme, s.Status, s.Registered, s.Approved, s.CheckedIn, s.Online,
                s.Attended, s.Evidence.State, s.Evidence.VerifiedBy, s.Evidence.VerifiedAt, documents.GetValueOrDefault(s.Id));
    }

    /// <summary>The instant a China date begins, in UTC (Npgsql writes timestamptz parameters in UTC only).</summary>
    public static DateTimeOffset ChinaMidnightUtc(DateOnly date) =>
        new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), Domain.Common.BusinessCalendar.ChinaOffset).ToUniversalTime();

    /// <summary>How many documents each record carries.</summary>
    private static async Task<Dictionary<Guid, int>> DocumentsAsync(MarketplaceDb lookup, RecordKind kind, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.ToList();
        return await lookup.EvidenceDocuments.AsNoTracking().Where(d => d.RecordKind == kind && list.Contains(d.RecordId))
            .GroupBy(d => d.RecordId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
    }
}
