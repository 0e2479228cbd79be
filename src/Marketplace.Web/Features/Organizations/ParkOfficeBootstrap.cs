using Marketplace.Domain.Organizations;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Features.Organizations;

/// <summary>The park office's first administrator, for a fresh production database (from a secret).</summary>
public sealed class ParkOfficeBootstrapOptions
{
    public string? Email { get; set; }
    public string? Password { get; set; }
    public string NameZh { get; set; } = "威海火炬高技术产业开发区知识产权服务中心";
    public string? NameEn { get; set; } = "Weihai Torch Hi-Tech Zone IP Office";
    public string? CreditCode { get; set; }
    public string ContactPhone { get; set; } = "0631-0000000";
}

/// <summary>
/// Self-registration cannot create the park office (only it verifies others), so a new deployment creates its
/// first ParkAdmin at start when Bootstrap:ParkOffice is configured and no ParkAdmin exists yet. Several
/// instances starting together are serialised by a transaction-scoped advisory lock.
/// </summary>
public sealed class ParkOfficeBootstrap(IServiceProvider services, IOptions<ParkOfficeBootstrapOptions> options, TimeProvider clock) : IHostedService
{
    private const long LockKey = 0x5041524B; // "PARK"

    public async Task StartAsync(CancellationToken ct)
    {
        var o = options.Value;
        if (string.IsNullOrWhiteSpace(o.Email) || string.IsNullOrWhiteSpace(o.Password) || string.IsNullOrWhiteSpace(o.CreditCode)) return;
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketplaceDb>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockKey})", ct);
        if ((await users.GetUsersInRoleAsync(Roles.ParkAdmin)).Count > 0) return;

        var now = clock.GetUtcNow();
        var office = Organization.Create(o.NameZh, o.NameEn, OrganizationType.ParkOffice, o.CreditCode,
            new OrganizationContact("园区知识产权管理员", o.ContactPhone, o.Email), now);
        office.Verify(now);
        db.Organizations.Add(office);
        await db.SaveChangesAsync(ct);
        var admin = new AppUser { UserName = o.Email, Email = o.Email, EmailConfirmed = true, DisplayName = "Park administrator", OrganizationId = office.Id };
        var created = await users.CreateAsync(admin, o.Password);
        if (!created.Succeeded) throw new InvalidOperationException("Bootstrap:ParkOffice: " + string.Join("; ", created.Errors.Select(e => e.Description)));
        // The first person both works for the park office and administers its members.
        await users.AddToRolesAsync(admin, [Roles.ParkAdmin, Roles.OrganizationAdmin]);
        await transaction.CommitAsync(ct);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
