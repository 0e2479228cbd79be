using System.Net.Http.Headers;
using System.Net.Http.Json;
using Marketplace.Domain.Organizations;
using Marketplace.Web.Data;
using Marketplace.Web.Platform.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Marketplace.Web.Features.Accounts;

namespace Marketplace.Tests.Shared;

/// <param name="AuthenticatorKey">Set for the roles that must use two-factor sign-in (enrolled on creation).</param>
public sealed record TestUser(Guid Id, string Email, string Password, Guid OrganizationId, string Role, string? AuthenticatorKey = null, string DisplayName = "")
{
    /// <summary>The code the user's authenticator app shows now.</summary>
    public string? Code => AuthenticatorKey is null ? null : Authenticator.Code(AuthenticatorKey);
}

/// <summary>
/// The whole app over HTTP on a real PostgreSQL, with helpers to make organisations, users and signed-in
/// clients (after davidfowl/TodoApi's TodoApplication).
/// </summary>
public class MarketplaceApp(string databaseName) : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "correct horse battery staple";
    private int _sequence;

    public TestDatabase Database { get; } = new(databaseName);

    /// <summary>This factory's own embedded search index, in a fresh temporary folder.</summary>
    public string IndexPath { get; } = Path.Combine(Path.GetTempPath(), $"marketplace-index-{databaseName}-{Guid.NewGuid():N}");

    /// <summary>Overrides applied on top of the test defaults, e.g. a low rate limit.</summary>
    public Dictionary<string, string?> Settings { get; } = new();

    public virtual async Task InitializeAsync() => await Database.CreateAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(IndexPath)) Directory.Delete(IndexPath, recursive: true);
    }

    /// <summary>A second host on the same database with other settings, and a search index of its own (an index
    /// has one writer, as every instance in production has its own).</summary>
    public WebApplicationFactory<Program> Variant(Action<IWebHostBuilder> configure) => WithWebHostBuilder(b =>
    {
        b.UseSetting("Search:Lucene:IndexPath", Path.Combine(Path.GetTempPath(), $"marketplace-index-variant-{Guid.NewGuid():N}"));
        configure(b);
    });

    /// <summary>A second host in Production mode (which requires the key ring's certificate) on the same database.</summary>
    public WebApplicationFactory<Program> ProductionVariant() => Variant(b =>
    {
        b.UseEnvironment("Production");
        foreach (var (key, value) in TestKeyRing.Settings()) b.UseSetting(key, value);
    });

    /// <summary>Empties the tables and rebuilds the search index from them, so no test sees another's documents.</summary>
    public async Task ResetAsync()
    {
        await Database.ResetAsync();
        // What the app keeps in memory (catalog totals, the home page's market, unread counts) was read from the rows
        // just removed, which no domain event told it about.
        (Services.GetRequiredService<Microsoft.Extensions.Caching.Memory.IMemoryCache>() as Microsoft.Extensions.Caching.Memory.MemoryCache)?.Clear();
        await Services.GetRequiredService<Microsoft.AspNetCore.OutputCaching.IOutputCacheStore>()
            .EvictByTagAsync(Marketplace.Web.Platform.PageCaching.MarketTag, CancellationToken.None);
        var indexer = Services.GetRequiredService<Marketplace.Web.Features.Search.SearchIndexer>();
        indexer.RequestRebuild();
        await indexer.RunOnceAsync(CancellationToken.None);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Marketplace", Database.ConnectionString);
        builder.UseSetting("RateLimiting:Auth:PermitLimit", "100000");
        // Every test request comes from the same (absent) address; the per-account limit still applies.
        builder.UseSetting("SignIn:Throttle:PerAddress", "100000");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Search:Lucene:IndexPath", IndexPath);
        builder.UseSetting("Search:PollInterval", "00:00:00.200");
        builder.UseSetting("Matching:PollInterval", "00:00:00.200");
        builder.UseSetting("Matching:CommitMargin", "00:00:00");
        // The daily watch never fires by itself in a test (it would lapse other tests' patents); tests run it.
        builder.UseSetting("Watch:Cron", "0 0 0 1 1 ? 2099");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
    }

    /// <summary>Test clients read English by default (the API speaks Chinese to clients that do not say), so
    /// assertions can name the English messages; tests of the Chinese answers ask for zh-CN themselves.</summary>
    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
    }

    /// <summary>Creates an organisation and one user in it directly (no HTTP), verified unless asked otherwise.</summary>
    /// <param name="enrolTwoFactor">Whether a bank or park-office user is enrolled in two-factor sign-in, as they must
    /// be before their first action; false to test the enrolment itself.</param>
    public async Task<TestUser> CreateUserAsync(OrganizationType type, bool verified = true, string? role = null, bool enrolTwoFactor = true)
    {
        var n = Interlocked.Increment(ref _sequence);
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketplaceDb>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var organization = Organization.Create($"测试机构{n}", $"Test Organisation {n}", type, CreditCodes.Make(n),
            new OrganizationContact("联系人", "0631-5000000", $"contact{n}@test.local"), DateTimeOffset.UtcNow);
        if (verified) organization.Verify(DateTimeOffset.UtcNow);
        db.Organizations.Add(organization);
        await db.SaveChangesAsync();
        var email = $"user{n}.{type.ToString().ToLowerInvariant()}@test.local";
        var user = new AppUser { UserName = email, Email = email, DisplayName = $"User {n}", OrganizationId = organization.Id };
        Check(await users.CreateAsync(user, Password));
        role ??= Roles.AllowedFor(type)[0];
        Check(await users.AddToRoleAsync(user, role));
        return new TestUser(user.Id, email, Password, organization.Id, role, enrolTwoFactor ? await EnrolAsync(users, user, role, type) : null, user.DisplayName);
    }

    /// <summary>Another user in <paramref name="colleague"/>'s organisation with <paramref name="role"/>, e.g. a bank's approver beside its officer.</summary>
    public async Task<TestUser> AddMemberAsync(TestUser colleague, string role)
    {
        var n = Interlocked.Increment(ref _sequence);
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var type = await scope.ServiceProvider.GetRequiredService<MarketplaceDb>().Organizations
            .Where(o => o.Id == colleague.OrganizationId).Select(o => o.Type).SingleAsync();
        var email = $"user{n}.{role.ToLowerInvariant()}@test.local";
        var user = new AppUser { UserName = email, Email = email, DisplayName = $"User {n}", OrganizationId = colleague.OrganizationId };
        Check(await users.CreateAsync(user, Password));
        Check(await users.AddToRoleAsync(user, role));
        return new TestUser(user.Id, email, Password, colleague.OrganizationId, role, await EnrolAsync(users, user, role, type), user.DisplayName);
    }

    /// <summary>The authenticator keys of the users enrolled on creation, by e-mail, for form sign-ins.</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, string> AuthenticatorKeys { get; } = new(StringComparer.OrdinalIgnoreCase);

    private async Task<string?> EnrolAsync(UserManager<AppUser> users, AppUser user, string role, OrganizationType type)
    {
        if (!TwoFactorEnrolment.RequiredFor([role], type)) return null;
        Check(await users.ResetAuthenticatorKeyAsync(user));
        Check(await users.SetTwoFactorEnabledAsync(user, true));
        var key = (await users.GetAuthenticatorKeyAsync(user))!;
        AuthenticatorKeys[user.Email!] = key;
        return key;
    }

    /// <summary>An HttpClient carrying a bearer token from POST /api/auth/login, as an API client would.</summary>
    public async Task<HttpClient> ClientForAsync(TestUser user)
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = user.Password, twoFactorCode = user.Code });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    private sealed record TokenResponse(string AccessToken);

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
