using System.Security.Claims;
using Marketplace.Domain.Common;
using Marketplace.Domain.Patents;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Patents;
using Microsoft.EntityFrameworkCore;
using Marketplace.Web.Platform.Audit;
using Marketplace.Web.Platform.Identity;

namespace Marketplace.Web.Features.Watch;

/// <summary>What an upload did: rows read, events that changed a state, agreed with it or were history only, and
/// the rows refused with the column at fault.</summary>
public sealed record LegalStatusReport(
    Guid UploadId, string Source, int Rows, int Applied, int Unchanged, int History, IReadOnlyList<SourceProblem> Problems);

/// <summary>
/// Applies the events a <see cref="ILegalStatusSource"/> gives, in date order, each with its date: an office applies
/// them to its own patents only (a row naming another office's patent, or one not registered here, is refused the
/// same way, so nothing tells whether it exists), the park office to any. Every event read is kept in the patent's
/// history with its outcome; the state changes it makes raise the lapse and the restoration, whose handlers suspend
/// listings, watch loans and warn negotiations in this one transaction.
/// </summary>
public sealed class LegalStatusApplier(MarketplaceDb db, AuditLog audit, TimeProvider clock)
{
    public const string AuditAction = "RegisterEvent";

    public async Task<LegalStatusReport> ApplyAsync(ClaimsPrincipal caller, ILegalStatusSource source, CancellationToken ct)
    {
        var batch = await source.ReadAsync(ct);
        var problems = batch.Problems.ToList();
        var patents = await PatentsAsync(caller, batch.Records, ct);
        var ids = patents.Values.Select(p => p.Id).Distinct().ToList();
        var watches = await db.PatentWatches.Where(w => ids.Contains(w.PatentId)).ToDictionaryAsync(w => w.PatentId, ct);
        var (today, now) = (BusinessCalendar.Today(clock), clock.GetUtcNow());
        var uploadId = Guid.CreateVersion7(now);
        var outcomes = new List<LegalEventOutcome>();
        foreach (var record in batch.Records.OrderBy(r => r.On).ThenBy(r => r.Row))
        {
            if (Find(patents, record) is not { } patent)
            {
                problems.Add(new SourceProblem(record.Row, record.ApplicationNumber is null ? "publicationNumber" : "applicationNumber",
                    new Text("{0} is not one of your patents on the platform; nothing was applied for it.", record.ApplicationNumber ?? record.PublicationNumber)));
                continue;
            }
            if (!watches.TryGetValue(patent.Id, out var watch)) db.PatentWatches.Add(watches[patent.Id] = watch = PatentWatch.Start(patent.Id));
            try
            {
                var reading = LegalStatusTable.Read(record.Status)
                    ?? throw new DomainRuleException("legalStatus", new Text("The row has no legal status."));
                if (record.CompensationDays is { } days) patent.CompensateTerm(days, now);
                var before = patent.LegalStatus;
                var outcome = watch.Record(patent, record.On, reading.Status, reading.Reason, today, now);
                db.LegalStatusEvents.Add(new LegalStatusEvent
                {
                    PatentId = patent.Id, On = record.On, Status = record.Status, Reading = reading.Status, Outcome = outcome,
                    Source = source.Name, UploadId = uploadId, RecordedByOrganizationId = caller.OrganizationId(), RecordedAt = now,
                });
                if (outcome == LegalEventOutcome.Applied)
                    audit.Record(PatentService.AuditEntity, patent.Id, AuditAction, before.ToString(), patent.LegalStatus.ToString(),
                        $"{source.Name}, row {record.Row}: {record.On:yyyy-MM-dd} {record.Status}");
                outcomes.Add(outcome);
            }
            catch (DomainRuleException e)
            {
                problems.Add(new SourceProblem(record.Row, e.Field, e.Text));
            }
        }
        await db.SaveChangesAsync(ct);
        return new LegalStatusReport(uploadId, source.Name, batch.Records.Count + batch.Problems.Count,
            outcomes.Count(o => o == LegalEventOutcome.Applied), outcomes.Count(o => o == LegalEventOutcome.Unchanged),
            outcomes.Count(o => o == LegalEventOutcome.History), problems.OrderBy(p => p.Row).ToList());
    }

    /// <summary>The caller's patents the records name, by application number and by publication number.</summary>
    private async Task<Dictionary<string, Patent>> PatentsAsync(ClaimsPrincipal caller, IReadOnlyList<LegalStatusRecord> records, CancellationToken ct)
    {
        var numbers = records.Select(r => r.ApplicationNumber).OfType<string>().Distinct().ToList();
        var publications = records.Select(r => r.PublicationNumber).OfType<string>().Distinct().ToList();
        var query = db.Patents.Where(p => numbers.Contains(p.ApplicationNumber) || (p.PublicationNumber != null && publications.Contains(p.PublicationNumber)));
        if (!caller.IsInRole(Roles.ParkAdmin))
        {
            var organizationId = caller.OrganizationId();
            query = query.Where(p => p.OwnerOrganizationId == organizationId);
        }
        var found = new Dictionary<string, Patent>(StringComparer.Ordinal);
        foreach (var patent in await query.ToListAsync(ct))
        {
            found[patent.ApplicationNumber] = patent;
            if (patent.PublicationNumber is { } publication) found.TryAdd(publication, patent);
        }
        return found;
    }

    private static Patent? Find(Dictionary<string, Patent> patents, LegalStatusRecord record) =>
        record.ApplicationNumber is { } number && patents.TryGetValue(number, out var byNumber) ? byNumber
        : record.PublicationNumber is { } publication && patents.TryGetValue(publication, out var byPublication) ? byPublication
        : null;
}
