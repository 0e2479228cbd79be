using System.Net;
using Marketplace.Domain.Organizations;
using Marketplace.Tests.Shared;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Web.Tests;

/// <summary>With a certificate configured, the key ring in PostgreSQL holds no key in clear, and what the keys
/// protect still round-trips (sign-in cookies and tokens work).</summary>
public sealed class KeyRingEncryptionTests : IAsyncLifetime
{
    private readonly MarketplaceApp _app = new("marketplace_test_keyring");

    public async Task InitializeAsync()
    {
        foreach (var (key, value) in TestKeyRing.Settings()) _app.Settings[key] = value;
        await _app.InitializeAsync();
    }

    public async Task DisposeAsync() => await ((IAsyncLifetime)_app).DisposeAsync();

    [Fact]
    public async Task Stored_keys_are_encrypted_and_sign_in_still_works()
    {
        var user = await _app.CreateUserAsync(OrganizationType.Enterprise);
        var client = await _app.ClientForAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/organizations/" + user.OrganizationId)).StatusCode);
        var protector = _app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");
        Assert.Equal("secret", protector.Unprotect(protector.Protect("secret")));

        Assert.True(await _app.Database.CountAsync("SELECT count(*) FROM data_protection_keys") > 0);
        Assert.Equal(0, await _app.Database.CountAsync("SELECT count(*) FROM data_protection_keys WHERE xml LIKE '%<masterKey%' AND xml NOT LIKE '%EncryptedData%'"));
        Assert.Equal(0, await _app.Database.CountAsync("SELECT count(*) FROM data_protection_keys WHERE xml NOT LIKE '%EncryptedData%'"));
    }
}
