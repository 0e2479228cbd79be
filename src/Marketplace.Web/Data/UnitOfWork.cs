using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Marketplace.Web.Data;

/// <summary>
/// A service's unit of work that joins a transaction already open on the context (an idempotent request keeps
/// its stored answer and the write in one transaction) instead of failing, and otherwise owns its own.
/// </summary>
public sealed class UnitOfWork : IAsyncDisposable
{
    private readonly IDbContextTransaction? owned;

    private UnitOfWork(IDbContextTransaction? owned) => this.owned = owned;

    /// <summary>Commits an owned transaction; a joined one is committed by whoever opened it.</summary>
    public Task CommitAsync(CancellationToken ct) => owned?.CommitAsync(ct) ?? Task.CompletedTask;

    public ValueTask DisposeAsync() => owned?.DisposeAsync() ?? ValueTask.CompletedTask;

    public static async Task<UnitOfWork> BeginAsync(DatabaseFacade database, CancellationToken ct) =>
        new(database.CurrentTransaction is null ? await database.BeginTransactionAsync(ct) : null);
}

public static class UnitOfWorkExtensions
{
    public static Task<UnitOfWork> BeginUnitOfWorkAsync(this DatabaseFacade database, CancellationToken ct) => UnitOfWork.BeginAsync(database, ct);
}
