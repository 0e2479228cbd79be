using Marketplace.Tests.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace Marketplace.Benchmarks;

/// <summary>The app as the benchmarks run it, and the bare endpoints they compare it with.</summary>
internal static class BenchHost
{
    /// <summary>The app in Production mode, in this process, with Kestrel on a free loopback port; background
    /// workers slowed down unless <paramref name="configure"/> says otherwise, so they do not run during a measurement.</summary>
    public static WebApplicationFactory<global::Program> Start(TestDatabase database, Action<IWebHostBuilder>? configure = null)
    {
        // Run from the repository root (marketplace.sh does); the app's content root is its project folder.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_MARKETPLACE_WEB", Path.GetFullPath("src/Marketplace.Web"));
        var app = new WebApplicationFactory<global::Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.UseSetting("ConnectionStrings:Marketplace", database.ConnectionString);
            b.UseSetting("Search:Lucene:IndexPath", Path.Combine(Path.GetTempPath(), $"marketplace-bench-index-{Guid.NewGuid():N}"));
            b.UseSetting("Search:PollInterval", "01:00:00");
            b.UseSetting("Matching:PollInterval", "01:00:00");
            b.UseSetting("Logging:LogLevel:Default", "Warning");
            // The load suite gives its own key ring (the app it starts next must read the keys written here).
            if (Environment.GetEnvironmentVariable("DataProtection__CertificatePem") is null)
                foreach (var (key, value) in TestKeyRing.Settings()) b.UseSetting(key, value);
            // Scripted accounts have no authenticator; enrolment is tested in the test suite, not measured here.
            b.UseSetting("Accounts:TwoFactor:Required", "false");
            b.UseUrls("http://127.0.0.1:0");
            configure?.Invoke(b);
        });
        app.UseKestrel();
        app.StartServer();
        return app;
    }

    /// <summary>A bare Kestrel app with only <paramref name="map"/>'s endpoints: the ceiling an app path is compared with.</summary>
    public static async Task<WebApplication> BareAsync(Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var bare = builder.Build();
        map(bare);
        await bare.StartAsync();
        return bare;
    }
}
