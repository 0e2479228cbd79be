using System.Text.RegularExpressions;
using Marketplace.Web.Platform;

namespace Marketplace.Web.Tests;

/// <summary>Every setting a production deployment must give is set by each shipped deployment in infra/.</summary>
public sealed class DeploymentSettingsTests
{
    [Fact]
    public void The_marked_settings_include_what_online_payment_and_the_key_ring_need()
    {
        var keys = DeploymentSettings.Keys();
        Assert.Contains("Stripe:PublishableKey", keys);
        Assert.Contains("DataProtection:CertificatePem", keys);
        Assert.Contains("ConnectionStrings:Marketplace", keys);
    }

    [Fact]
    public void Compose_sets_every_deployment_setting_of_the_app()
    {
        var compose = File.ReadAllText(Path.Combine(DockerfileTests.RepositoryRoot(), "infra", "compose.yaml"));
        var app = compose[compose.IndexOf("\n  app:", StringComparison.Ordinal)..compose.IndexOf("\n  lb:", StringComparison.Ordinal)];
        var missing = DeploymentSettings.Keys().Where(k => !Regex.IsMatch(app, $@"^\s+{Regex.Escape(k.Replace(":", "__"))}:", RegexOptions.Multiline)).ToList();
        Assert.True(missing.Count == 0, "infra/compose.yaml does not set: " + string.Join(", ", missing));
    }

    [Fact]
    public void Kubernetes_sets_every_deployment_setting_in_the_deployment_or_its_secret()
    {
        var k8s = Path.Combine(DockerfileTests.RepositoryRoot(), "infra", "k8s");
        var deployment = File.ReadAllText(Path.Combine(k8s, "deployment.yaml"));
        var secret = File.ReadAllText(Path.Combine(k8s, "secret.example.yaml"));
        var missing = DeploymentSettings.Keys().Select(k => k.Replace(":", "__"))
            .Where(v => !Regex.IsMatch(deployment, $@"- name: {Regex.Escape(v)}\s*$", RegexOptions.Multiline)
                        && !Regex.IsMatch(secret, $@"^\s+{Regex.Escape(v)}:", RegexOptions.Multiline)).ToList();
        Assert.True(missing.Count == 0, "infra/k8s sets neither in deployment.yaml nor in secret.example.yaml: " + string.Join(", ", missing));
    }
}
