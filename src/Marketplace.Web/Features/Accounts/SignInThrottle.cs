using Marketplace.Domain.Common;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Features.Accounts;

public sealed class SignInThrottleOptions
{
    /// <summary>Failed sign-ins per account name in a window before it must wait; the same as Identity's lockout, so an
    /// account that exists and one that does not answer alike.</summary>
    public int PerAccount { get; set; } = 5;

    /// <summary>Failed sign-ins per client address in a window, whatever the accounts tried (password spraying).</summary>
    public int PerAddress { get; set; } = 30;

    public int WindowMinutes { get; set; } = 15;
}

/// <summary>One failed sign-in, kept for the length of the window. Stored in PostgreSQL so every instance counts alike.</summary>
public sealed class SignInFailure
{
    public long Id { get; init; }
    public required string Account { get; init; }
    public required string Address { get; init; }
    public DateTimeOffset FailedAt { get; init; }
}

/// <summary>
/// Counts failed sign-ins — not page views — per account name (normalised, existing or not) and per client address, and
/// refuses further attempts with a 429 saying when to try again. A successful sign-in clears its account's count, as
/// Identity resets its failed-access count; an address's count only ages out.
/// </summary>
public sealed class SignInThrottle(MarketplaceDb db, IOptions<SignInThrottleOptions> options, TimeProvider clock)
{
    public async Task EnsureAllowedAsync(string account, string address, CancellationToken ct)
    {
        var o = options.Value;
        var since = clock.GetUtcNow().AddMinutes(-o.WindowMinutes);
        var failures = db.Set<SignInFailure>().AsNoTracking().Where(f => f.FailedAt > since);
        var key = Normalize(account);
        var blocked = await OldestCountingAsync(failures.Where(f => f.Account == key), o.PerAccount, ct)
                      ?? await OldestCountingAsync(failures.Where(f => f.Address == address), o.PerAddress, ct);
        if (blocked is not { } oldest) return;
        var seconds = (int)Math.Ceiling((oldest.AddMinutes(o.WindowMinutes) - clock.GetUtcNow()).TotalSeconds);
        throw new TooManyAttemptsException(new Text("Too many failed sign-ins. Try again in {0} seconds.", Math.Max(1, seconds)), seconds);
    }

    public async Task RecordFailureAsync(string account, string address, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var key = Normalize(account);
        var expired = now.AddMinutes(-options.Value.WindowMinutes);
        await db.Database.ExecuteSqlAsync($"DELETE FROM sign_in_failures WHERE failed_at <= {expired} AND (account = {key} OR address = {address})", ct);
        await db.Database.ExecuteSqlAsync($"INSERT INTO sign_in_failures (account, address, failed_at) VALUES ({key}, {address}, {now})", ct);
    }

    public Task RecordSuccessAsync(string account, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"DELETE FROM sign_in_failures WHERE account = {Normalize(account)}", ct);

    /// <summary>The failure whose expiry lifts the block, when <paramref name="limit"/> or more are in the window.</summary>
    private static Task<DateTimeOffset?> OldestCountingAsync(IQueryable<SignInFailure> failures, int limit, CancellationToken ct) =>
        failures.OrderByDescending(f => f.FailedAt).Skip(Math.Max(0, limit - 1)).Select(f => (DateTimeOffset?)f.FailedAt).FirstOrDefaultAsync(ct);

    private static string Normalize(string account)
    {
        var key = account.Trim().ToUpperInvariant();
        return key.Length > 256 ? key[..256] : key;
    }
}
