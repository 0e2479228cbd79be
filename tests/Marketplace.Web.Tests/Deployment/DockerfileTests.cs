using System.Diagnostics;

namespace Marketplace.Web.Tests;

/// <summary>No Docker engine runs here, so the image definitions are linted instead (dockerfilelint, from client/).</summary>
public sealed class DockerfileTests
{
    [Fact]
    public async Task Dockerfiles_pass_dockerfilelint()
    {
        var root = RepositoryRoot();
        var lint = Path.Combine(root, "client", "node_modules", ".bin", "dockerfilelint");
        Assert.True(File.Exists(lint), "run `npm ci` in client/ first (./marketplace.sh test does)");
        var start = new ProcessStartInfo(lint, ["Dockerfile", "infra/elasticsearch/Dockerfile"])
        {
            WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, output);
        Assert.Contains("Issues: None found", output);
    }

    internal static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Marketplace.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Marketplace.sln not found above the test binaries.");
    }
}
