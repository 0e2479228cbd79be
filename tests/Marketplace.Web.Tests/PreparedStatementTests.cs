using Marketplace.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Web.Tests;

/// <summary>Decision 0021: a query the app runs twice on a connection is prepared there, unless turned off.</summary>
public sealed class PreparedStatementTests(WebApp app) : AppTest(app)
{
    [Fact]
    public async Task A_query_run_twice_on_a_connection_is_prepared_there()
    {
        Assert.Equal(1, await PreparedAfterThreeRunsAsync(App.Services));
    }

    [Fact]
    public async Task Setting_the_prepared_statements_to_zero_turns_preparation_off()
    {
        await using var off = App.Variant(b => b.UseSetting("Database:PreparedStatements", "0"));
        Assert.Equal(0, await PreparedAfterThreeRunsAsync(off.Services));
    }

    /// <summary>Runs one query three times on one connection and counts the statements prepared on it that read it.</summary>
    private static async Task<long> PreparedAfterThreeRunsAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketplaceDb>();
        await db.Database.OpenConnectionAsync();
        try
        {
            var marker = Guid.NewGuid();
            // The constant is written into the SQL, which makes this statement's text unlike any the app runs.
            for (var i = 0; i < 3; i++) await db.Organizations.AsNoTracking().Where(o => o.Id == marker && o.NameZh != "prepared-statement-test").ToListAsync();
            return await db.Database.SqlQueryRaw<long>(
                """SELECT count(*) AS "Value" FROM pg_prepared_statements WHERE statement LIKE '%prepared-statement-test%' AND statement NOT LIKE '%pg_prepared_statements%'""")
                .SingleAsync();
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
