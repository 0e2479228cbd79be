using Marketplace.Domain.Deals;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Matchmaking;
using Marketplace.Domain.Negotiations;
using Marketplace.Domain.Organizations;
using Marketplace.Domain.Patents;
using Marketplace.Domain.Pledges;
using Marketplace.Domain.Sessions;
using Marketplace.Web.Data.Configurations;
using Marketplace.Web.Platform.Identity;
using Marketplace.Web.Platform.Audit;
using Marketplace.Web.Features.Inquiries;
using Marketplace.Web.Features.Needs;
using Marketplace.Web.Features.Pledges;
using Marketplace.Web.Features.Search;
using Marketplace.Web.Features.Targets;
using Marketplace.Web.Features.Sessions;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Data;

public sealed class MarketplaceDb(DbContextOptions<MarketplaceDb> options)
    : IdentityDbContext<AppUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    private List<Func<Task>> _afterCommit = [];
    private IServiceProvider? _services;

    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<Patent> Patents => Set<Patent>();
    public DbSet<Listing> Listings => Set<Listing>();
    public DbSet<PledgeApplication> PledgeApplications => Set<PledgeApplication>();
    public DbSet<BankPolicy> BankPolicies => Set<BankPolicy>();
    public DbSet<PledgeTotal> PledgeTotals => Set<PledgeTotal>();
    public DbSet<WatchlistEntry> WatchlistEntries => Set<WatchlistEntry>();
    public DbSet<PatentWatch> PatentWatches => Set<PatentWatch>();
    public DbSet<Features.Watch.WatchAlert> WatchAlerts => Set<Features.Watch.WatchAlert>();
    public DbSet<Features.Watch.WatchRunRecord> WatchRuns => Set<Features.Watch.WatchRunRecord>();
    public DbSet<Features.Watch.LegalStatusEvent> LegalStatusEvents => Set<Features.Watch.LegalStatusEvent>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<SearchChange> SearchChanges => Set<SearchChange>();
    public DbSet<TechnologyNeed> Needs => Set<TechnologyNeed>();
    public DbSet<NeedMatch> NeedMatches => Set<NeedMatch>();
    public DbSet<MatchRequest> MatchRequests => Set<MatchRequest>();
    public DbSet<Inquiry> Inquiries => Set<Inquiry>();
    public DbSet<InquiryMessage> InquiryMessages => Set<InquiryMessage>();
    public DbSet<AttachmentBlob> AttachmentBlobs => Set<AttachmentBlob>();
    public DbSet<InquiryRead> InquiryReads => Set<InquiryRead>();
    public DbSet<Deal> Deals => Set<Deal>();
    public DbSet<Features.Payments.StripeEventRecord> StripeEvents => Set<Features.Payments.StripeEventRecord>();
    public DbSet<Features.Targets.DealTotal> DealTotals => Set<Features.Targets.DealTotal>();
    public DbSet<MatchmakingSession> Sessions => Set<MatchmakingSession>();
    public DbSet<SessionPitch> SessionPitches => Set<SessionPitch>();
    public DbSet<SessionRegistration> SessionRegistrations => Set<SessionRegistration>();
    public DbSet<SessionInterest> SessionInterests => Set<SessionInterest>();
    public DbSet<SessionQuestion> SessionQuestions => Set<SessionQuestion>();
    public DbSet<SessionEvent> SessionEvents => Set<SessionEvent>();
    public DbSet<Domain.Targets.TargetPlan> TargetPlans => Set<Domain.Targets.TargetPlan>();
    public DbSet<Features.Evidence.EvidenceDocument> EvidenceDocuments => Set<Features.Evidence.EvidenceDocument>();
    public DbSet<Features.Evidence.EvidenceBlob> EvidenceBlobs => Set<Features.Evidence.EvidenceBlob>();
    public DbSet<Features.OffPlatform.ImportBatch> ImportBatches => Set<Features.OffPlatform.ImportBatch>();
    public DbSet<Domain.OffPlatform.ImportedPledge> ImportedPledges => Set<Domain.OffPlatform.ImportedPledge>();
    public DbSet<Domain.OffPlatform.ImportedContract> ImportedContracts => Set<Domain.OffPlatform.ImportedContract>();
    public DbSet<Platform.Idempotency.IdempotentRequest> IdempotentRequests => Set<Platform.Idempotency.IdempotentRequest>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Features.Notifications.StoredNotice> Notices => Set<Features.Notifications.StoredNotice>();
    public DbSet<Features.Notifications.NoticePreference> NoticePreferences => Set<Features.Notifications.NoticePreference>();
    public DbSet<Features.Notifications.NoticeInbox> NoticeInboxes => Set<Features.Notifications.NoticeInbox>();
    public DbSet<Features.Notifications.Email.OutgoingEmail> OutgoingEmails => Set<Features.Notifications.Email.OutgoingEmail>();
    public DbSet<Features.Notifications.Email.MailboxMessage> MailboxMessages => Set<Features.Notifications.Email.MailboxMessage>();
    public DbSet<Features.SavedSearches.SavedSearch> SavedSearches => Set<Features.SavedSearches.SavedSearch>();
    public DbSet<Features.SavedSearches.PublishedListing> PublishedListings => Set<Features.SavedSearches.PublishedListing>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Identity names its tables AspNetUsers etc. explicitly; the rest of the schema is snake_case.
        builder.Entity<AppUser>().ToTable("users");
        builder.Entity<IdentityRole<Guid>>().ToTable("roles");
        builder.Entity<IdentityUserRole<Guid>>().ToTable("user_roles");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("user_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("user_tokens");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("role_claims");
        builder.ApplyConfigurationsFromAssembly(typeof(MarketplaceDb).Assembly);
        foreach (var entity in builder.Model.GetEntityTypes().Where(e => e.ClrType.IsAssignableTo(typeof(Domain.Common.AggregateRoot))).ToList())
            builder.Entity(entity.ClrType).Ignore(nameof(Domain.Common.AggregateRoot.DomainEvents));
    }

    /// <summary>The request's (or background job's) services, from which domain-event handlers are resolved. Set
    /// each time the pooled context is rented (see DataFeature); a context made by hand has none and refuses to
    /// save events rather than drop them.</summary>
    internal void Rent(IServiceProvider services)
    {
        _services = services;
        _afterCommit = [];
        // A save inside an open transaction would be wrapped in a savepoint (two more round trips), kept so that the
        // transaction can go on after a failed save. Nothing here goes on: a failed save fails its whole change.
        Database.AutoSavepointsEnabled = false;
    }

    /// <summary>Queues work for after the current change commits (it is dropped if the change rolls back).</summary>
    public void AfterCommit(Func<Task> work) => _afterCommit.Add(work);

    internal void DiscardAfterCommit() => _afterCommit = [];

    internal async Task RunAfterCommitAsync()
    {
        var work = _afterCommit;
        _afterCommit = [];
        foreach (var step in work)
        {
            try
            {
                await step();
            }
            catch (Exception e)
            {
                // The change is committed and is the truth; a failed follow-up (a live notice) must not turn it into an error.
                _services?.GetService<ILogger<MarketplaceDb>>()?.LogWarning(e, "Work after a commit failed");
            }
        }
    }

    /// <summary>
    /// Dispatches the aggregates' domain events to their handlers, then saves everything they changed too. With
    /// events or queued follow-up work and no transaction open, the save gets a transaction of its own, so what the
    /// handlers write (totals moved with SQL, rows of other features) commits with its cause or not at all.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (!DomainEventDispatcher.HasEvents(this) && _afterCommit.Count == 0)
        {
            await StoreSleepingAsync(cancellationToken);
            StoreQueryColumns();
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        var services = _services ?? throw new InvalidOperationException("This context has no services to dispatch its domain events to; resolve it from a scope.");
        if (Database.CurrentTransaction is not null)
        {
            await DomainEventDispatcher.DispatchAsync(this, services, cancellationToken);
            await StoreSleepingAsync(cancellationToken);
            StoreQueryColumns();
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        await using var transaction = await Database.BeginTransactionAsync(cancellationToken);
        await DomainEventDispatcher.DispatchAsync(this, services, cancellationToken);
        await StoreSleepingAsync(cancellationToken);
        StoreQueryColumns();
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return saved;
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (DomainEventDispatcher.HasEvents(this) || _afterCommit.Count > 0)
            throw new InvalidOperationException("Domain events are dispatched by SaveChangesAsync only.");
        StoreSleepingAsync(CancellationToken.None).GetAwaiter().GetResult();
        StoreQueryColumns();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <summary>The sleeping rule needs the managing holder's kind, which the patent does not carry: it is read
    /// for the written patents' holders (from those tracked, else in one query) and the rule's answer stored.</summary>
    private async Task StoreSleepingAsync(CancellationToken ct)
    {
        var written = ChangeTracker.Entries<Patent>().Where(e => e.State is EntityState.Added or EntityState.Modified).ToList();
        if (written.Count == 0) return;
        var kinds = ChangeTracker.Entries<Organization>().ToDictionary(e => e.Entity.Id, e => e.Entity.Type);
        var unknown = written.Select(e => e.Entity.OwnerOrganizationId).Where(id => !kinds.ContainsKey(id)).Distinct().ToList();
        if (unknown.Count > 0)
            foreach (var o in await Organizations.AsNoTracking().Where(o => unknown.Contains(o.Id)).Select(o => new { o.Id, o.Type }).ToListAsync(ct))
                kinds[o.Id] = o.Type;
        foreach (var entry in written)
            entry.Property<DateOnly?>(PatentConfiguration.SleepsUntil).CurrentValue = SleepingPatentRule.SleepsUntil(entry.Entity,
                Features.Patents.PatentFacts.IsResearchBody(kinds.GetValueOrDefault(entry.Entity.OwnerOrganizationId, OrganizationType.Enterprise)));
    }

    /// <summary>Values the domain computes (a patent's term end, a listing's modes) are also stored, so the
    /// catalog can filter on them in SQL; they are refreshed here on every write, never set by hand.</summary>
    private void StoreQueryColumns()
    {
        foreach (var entry in ChangeTracker.Entries<Patent>().Where(e => e.State is EntityState.Added or EntityState.Modified))
            entry.Property<DateOnly>(PatentConfiguration.TermEnd).CurrentValue = entry.Entity.TermEnd;
        foreach (var entry in ChangeTracker.Entries<Listing>().Where(e => e.State is EntityState.Added or EntityState.Modified))
            entry.Property<string[]>(ListingConfiguration.Modes).CurrentValue = [.. entry.Entity.Terms.Modes];
    }
}
