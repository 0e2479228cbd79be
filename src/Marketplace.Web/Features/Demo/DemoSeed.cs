using Marketplace.Domain.Organizations;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Features.Demo;

public sealed class DemoOptions
{
    public bool Seed { get; set; }
    public string Password { get; set; } = DefaultPassword;
    public string? AuthenticatorKey { get; set; } = DemoPeople.DefaultAuthenticatorKey;
    public const string DefaultPassword = "Weihai-Demo-2026";
}

public sealed record DemoAccount(string Email, string Role, string OrganizationKey);

/// <summary>
/// Demo organisations and accounts for `./marketplace.sh run`, written once (it checks for the park office first).
/// Never in Production: the start fails loudly rather than planting known passwords there.
/// </summary>
public sealed class DemoSeed(IServiceProvider services, IOptions<DemoOptions> options, IHostEnvironment environment, TimeProvider clock)
    : IHostedService
{
    private static readonly (string Key, string NameZh, string NameEn, OrganizationType Type, string Code)[] Organizations =
    [
        ("park", "威海火炬高技术产业开发区知识产权服务中心", "Weihai Torch Hi-Tech Zone IP Office", OrganizationType.ParkOffice, "11371000004310014Y"),
        ("hit", "哈尔滨工业大学（威海）技术转移中心", "HIT (Weihai) Technology Transfer Office", OrganizationType.University, "12371000400001010U"),
        ("sdu", "山东大学（威海）技术转移中心", "SDU (Weihai) Technology Transfer Office", OrganizationType.University, "12371000495571023T"),
        ("e1", "威海海洋智能装备有限公司", "Weihai Marine Intelligent Equipment Co., Ltd.", OrganizationType.Enterprise, "91371000MA3C0A019T"),
        ("e2", "威海医疗器械科技有限公司", "Weihai Medical Devices Technology Co., Ltd.", OrganizationType.Enterprise, "91371000MA3C0A027M"),
        ("e3", "威海新材料股份有限公司", "Weihai New Materials Co., Ltd.", OrganizationType.Enterprise, "91371000MA3C0A035G"),
        ("bank1", "威海第一商业银行", "Weihai First Commercial Bank", OrganizationType.Bank, "91371000MA3B000104"),
        ("bank2", "威海科技银行", "Weihai Science & Technology Bank", OrganizationType.Bank, "91371000MA3B000291"),
    ];

    public static readonly DemoAccount[] Accounts =
    [
        new("park@demo.local", Roles.ParkAdmin, "park"),
        new("hit@demo.local", Roles.TechTransferOffice, "hit"),
        new("sdu@demo.local", Roles.TechTransferOffice, "sdu"),
        new("enterprise1@demo.local", Roles.Enterprise, "e1"),
        new("enterprise2@demo.local", Roles.Enterprise, "e2"),
        new("enterprise3@demo.local", Roles.Enterprise, "e3"),
        new("officer@bank1.demo.local", Roles.BankOfficer, "bank1"),
        new("approver@bank1.demo.local", Roles.BankApprover, "bank1"),
        new("officer@bank2.demo.local", Roles.BankOfficer, "bank2"),
        new("approver@bank2.demo.local", Roles.BankApprover, "bank2"),
        // Every organisation's members are managed by its administrator, who in a bank is neither officer nor approver.
        new("admin@park.demo.local", Roles.OrganizationAdmin, "park"),
        new("admin@hit.demo.local", Roles.OrganizationAdmin, "hit"),
        new("admin@sdu.demo.local", Roles.OrganizationAdmin, "sdu"),
        new("admin@enterprise1.demo.local", Roles.OrganizationAdmin, "e1"),
        new("admin@enterprise2.demo.local", Roles.OrganizationAdmin, "e2"),
        new("admin@enterprise3.demo.local", Roles.OrganizationAdmin, "e3"),
        new("admin@bank1.demo.local", Roles.OrganizationAdmin, "bank1"),
        new("admin@bank2.demo.local", Roles.OrganizationAdmin, "bank2"),
    ];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Seed) return;
        if (environment.IsProduction())
            throw new InvalidOperationException("Demo data is never seeded in Production; unset Demo__Seed.");
        await using var scope = services.CreateAsyncScope();
        await SeedAsync(scope.ServiceProvider, options.Value.Password, clock, cancellationToken, authenticatorKey: options.Value.AuthenticatorKey);
    }

    /// <summary>Organisations and accounts; the catalog of real patents unless <paramref name="withCatalog"/> is false
    /// (a test that brings its own); deals, loans and sessions unless <paramref name="withActivity"/> is false.</summary>
    public static async Task SeedAsync(IServiceProvider services, string password, TimeProvider clock, CancellationToken ct, bool withActivity = true,
        string? authenticatorKey = null, bool withCatalog = true)
    {
        var db = services.GetRequiredService<MarketplaceDb>();
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var parkCode = Organizations[0].Code;
        if (await db.Organizations.AnyAsync(o => o.CreditCode == parkCode, ct)) return;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        var byKey = new Dictionary<string, Organization>();
        var userIds = new Dictionary<string, Guid>();
        foreach (var (key, nameZh, nameEn, type, code) in Organizations)
        {
            var organization = Organization.Create(nameZh, nameEn, type, code, new OrganizationContact("演示联系人", "0631-5680000", $"contact@{key}.demo.local"), now);
            organization.Verify(now);
            db.Organizations.Add(organization);
            byKey[key] = organization;
        }
        await db.SaveChangesAsync(ct);
        foreach (var account in Accounts)
        {
            var user = new AppUser
            {
                Id = Guid.CreateVersion7(now), UserName = account.Email, Email = account.Email, EmailConfirmed = true,
                DisplayName = DemoPeople.NameOf(account.Email), OrganizationId = byKey[account.OrganizationKey].Id,
            };
            Check(await users.CreateAsync(user, password));
            Check(await users.AddToRoleAsync(user, account.Role));
            await DemoPeople.EnrolAsync(users, user, account.Role, authenticatorKey, byKey[account.OrganizationKey].Type);
            userIds[account.Email] = user.Id;
        }
        if (withCatalog) DemoCatalog.Seed(db, [byKey["hit"].Id, byKey["sdu"].Id], now);
        await db.SaveChangesAsync(ct);
        if (withActivity && withCatalog)
        {
            await DemoMarket.SeedAsync(db, services.GetRequiredService<Audit.AuditLog>(), byKey.ToDictionary(o => o.Key, o => o.Value.Id), userIds, now, ct);
            DemoPledges.Staff StaffOf(string bank) => new(userIds[$"officer@{bank}.demo.local"], $"officer@{bank}.demo.local",
                userIds[$"approver@{bank}.demo.local"], $"approver@{bank}.demo.local");
            DemoPledges.Seed(db, [byKey["e1"].Id, byKey["e2"].Id, byKey["e3"].Id],
                [(byKey["bank1"].Id, StaffOf("bank1")), (byKey["bank2"].Id, StaffOf("bank2"))], now);
            await db.SaveChangesAsync(ct);
            await DemoDeals.SeedAsync(db, byKey.ToDictionary(o => o.Key, o => o.Value.Id), now, ct);
            await DemoSessions.SeedAsync(db, services.GetRequiredService<Audit.AuditLog>(), byKey.ToDictionary(o => o.Key, o => o.Value.Id), now, ct);
            await db.SaveChangesAsync(ct);
            // The demo's totals are what the records sum to, as the live totals are after any sequence of changes.
            await services.GetRequiredService<Targets.TargetsRecount>().RebuildAsync(ct);
        }
        await transaction.CommitAsync(ct);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException("Demo seed failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

public static class DemoFeature
{
    public static WebApplicationBuilder AddDemo(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DemoOptions>().BindConfiguration("Demo");
        builder.Services.AddHostedService<DemoSeed>();
        return builder;
    }
}
