namespace Marketplace.Web.Platform;

/// <summary>
/// Marks a setting that every production deployment gives (an option-class property, or a connection string
/// listed in <see cref="DeploymentSettings.ConnectionStrings"/>). The files in infra/ set each of them — a test
/// reads them — and a production instance that starts without one says so in its log.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class DeploymentSettingAttribute : Attribute;

public static class DeploymentSettings
{
    public static readonly string[] ConnectionStrings = ["ConnectionStrings:Marketplace", "ConnectionStrings:Redis"];

    /// <summary>Every marked key in configuration form ("Stripe:SecretKey"): the option classes declare their
    /// section in a <c>Section</c> constant.</summary>
    public static IReadOnlyList<string> Keys() =>
    [
        .. ConnectionStrings,
        .. typeof(DeploymentSettings).Assembly.GetTypes()
            .Select(t => (Type: t, Section: t.GetField("Section")?.GetRawConstantValue() as string))
            .Where(t => t.Section is not null)
            .SelectMany(t => t.Type.GetProperties()
                .Where(p => p.IsDefined(typeof(DeploymentSettingAttribute), false))
                .Select(p => $"{t.Section}:{p.Name}"))
            .Order(StringComparer.Ordinal),
    ];

    /// <summary>In production, names the marked settings this instance was started without.</summary>
    public static void WarnIfMissing(WebApplication app)
    {
        if (!app.Environment.IsProduction()) return;
        foreach (var key in Keys().Where(k => string.IsNullOrWhiteSpace(app.Configuration[k])))
            app.Logger.LogWarning("The deployment setting {Key} is not set (environment variable {Variable})", key, key.Replace(":", "__"));
    }
}
