using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Marketplace.Web.Data;

/// <summary>
/// Runs the work a change queued for after its commit (live notices: telling someone of a change that then rolled
/// back would be a lie) once the transaction commits, and drops it when the transaction rolls back. Work queued
/// by a save outside any transaction runs when that save returns (see <see cref="MarketplaceDb"/>). A transaction
/// that ends without committing (disposed after an exception) fires no event, so what it left is dropped when the
/// next one begins: work is only ever queued inside the transaction it belongs to.
/// </summary>
internal sealed class AfterCommitInterceptor : DbTransactionInterceptor
{
    public override ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        (eventData.Context as MarketplaceDb)?.DiscardAfterCommit();
        return ValueTask.FromResult(result);
    }

    public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        (eventData.Context as MarketplaceDb)?.DiscardAfterCommit();
        return result;
    }

    public override async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is MarketplaceDb db) await db.RunAfterCommitAsync();
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is MarketplaceDb db) db.RunAfterCommitAsync().GetAwaiter().GetResult();
    }

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        (eventData.Context as MarketplaceDb)?.DiscardAfterCommit();
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) =>
        (eventData.Context as MarketplaceDb)?.DiscardAfterCommit();

    public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        (eventData.Context as MarketplaceDb)?.DiscardAfterCommit();
        return Task.CompletedTask;
    }
}
