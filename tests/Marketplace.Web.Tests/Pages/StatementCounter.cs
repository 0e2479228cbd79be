using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Web.Tests.Pages;

/// <summary>Counts the SQL statements EF Core sends for requests that carry <see cref="Header"/>, by its value: the
/// background workers (which poll every 200 ms in tests) have no request, so they are not counted.</summary>
public sealed class StatementCounter(IHttpContextAccessor http) : DbCommandInterceptor
{
    public const string Header = "X-Count-Statements";
    private readonly ConcurrentDictionary<string, int> counts = new();

    public int this[string key] => counts.GetValueOrDefault(key);

    /// <summary>The statements one GET of <paramref name="url"/> by <paramref name="client"/> takes.</summary>
    public static async Task<int> CountAsync(IServiceProvider services, HttpClient client, string url)
    {
        var key = Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add(Header, key);
        (await client.SendAsync(request)).EnsureSuccessStatusCode();
        return services.GetRequiredService<StatementCounter>()[key];
    }

    private void Count()
    {
        if (http.HttpContext?.Request.Headers[Header].ToString() is { Length: > 0 } key) counts.AddOrUpdate(key, 1, (_, n) => n + 1);
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken ct = default)
    {
        Count();
        return base.ReaderExecutingAsync(command, eventData, result, ct);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken ct = default)
    {
        Count();
        return base.ScalarExecutingAsync(command, eventData, result, ct);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken ct = default)
    {
        Count();
        return base.NonQueryExecutingAsync(command, eventData, result, ct);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Count();
        return base.ReaderExecuting(command, eventData, result);
    }
}
