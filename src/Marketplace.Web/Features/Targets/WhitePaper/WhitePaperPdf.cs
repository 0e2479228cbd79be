using System.Diagnostics;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Features.Targets.WhitePaper;

public sealed class WhitePaperOptions
{
    /// <summary>Headless Chromium; the first of these that exists prints the PDF.</summary>
    public List<string> Browsers { get; set; } = [];

    /// <summary>Where the browser reaches this app; empty: the first address Kestrel listens on.</summary>
    public string? BaseUrl { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);
}

/// <summary>
/// The white paper as PDF: headless Chromium prints the app's own white-paper page, so the PDF is exactly the page
/// with its A4 print stylesheet and charts (docs/decisions/0011). The browser carries no cookie; a two-minute
/// ticket for that one year lets it read the page.
/// </summary>
public sealed class WhitePaperPdf(IOptions<WhitePaperOptions> options, IDataProtectionProvider protection, IServer server, ILogger<WhitePaperPdf> log)
{
    private static readonly string[] DefaultBrowsers = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];
    private const string Purpose = "WhitePaper.Print";

    public string? Browser => (options.Value.Browsers.Count > 0 ? options.Value.Browsers : [.. DefaultBrowsers]).FirstOrDefault(File.Exists);

    public string Ticket(int year) => protection.CreateProtector(Purpose).ToTimeLimitedDataProtector().Protect(year.ToString(), TimeSpan.FromMinutes(2));

    public bool Admits(string? ticket, int year)
    {
        if (string.IsNullOrEmpty(ticket)) return false;
        try { return protection.CreateProtector(Purpose).ToTimeLimitedDataProtector().Unprotect(ticket) == year.ToString(); }
        catch (System.Security.Cryptography.CryptographicException) { return false; }
    }

    /// <summary>Prints the year's page to a temporary file and returns it, or null (with the reason) when this
    /// server cannot print: no browser installed, or no address the browser could reach.</summary>
    public async Task<(string? Path, Domain.Common.Text? Unavailable)> PrintAsync(int year, CancellationToken ct)
    {
        if (Browser is not { } browser) return (null, "No headless Chromium is installed on this server to print the white paper.");
        var baseUrl = options.Value.BaseUrl ?? server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault(a => a.StartsWith("http:", StringComparison.Ordinal));
        if (baseUrl is null) return (null, "This server has no address the printing browser could reach; set WhitePaper:BaseUrl.");
        baseUrl = baseUrl.Replace("://+", "://127.0.0.1").Replace("://*", "://127.0.0.1").Replace("://0.0.0.0", "://127.0.0.1").Replace("://[::]", "://127.0.0.1");
        var pdf = Path.Combine(Path.GetTempPath(), $"white-paper-{year}-{Guid.NewGuid():N}.pdf");
        var url = $"{baseUrl.TrimEnd('/')}/Reports/WhitePaper/{year}?ticket={Uri.EscapeDataString(Ticket(year))}";
        // No sandbox: the server may run as root, and the browser opens only this app's own page. Its profile goes to
        // a fresh temporary folder: in a container the home folder is read-only, and two prints must not share one.
        var profile = Directory.CreateTempSubdirectory("white-paper-chromium-");
        var start = new ProcessStartInfo(browser, ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--hide-scrollbars",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", $"--user-data-dir={profile.FullName}",
            "--run-all-compositor-stages-before-draw", "--virtual-time-budget=15000", $"--print-to-pdf={pdf}", url])
        { RedirectStandardError = true, RedirectStandardOutput = true };
        try
        {
            return await RunAsync(start, pdf, ct);
        }
        finally
        {
            try { profile.Delete(recursive: true); } catch (IOException) { /* a crashed browser may still hold a file; /tmp is swept */ }
        }
    }

    private async Task<(string? Path, string? Unavailable)> RunAsync(ProcessStartInfo start, string pdf, CancellationToken ct)
    {
        using var process = Process.Start(start)!;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Value.Timeout);
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        if (process.ExitCode == 0 && File.Exists(pdf)) return (pdf, null);
        log.LogWarning("Chromium could not print the white paper ({Code}): {Errors}", process.ExitCode, await errors);
        return (null, "The browser could not print the white paper.");
    }
}
