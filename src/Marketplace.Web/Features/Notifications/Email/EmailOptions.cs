using Marketplace.Web.Platform;

namespace Marketplace.Web.Features.Notifications.Email;

/// <summary>Bound from <c>Email</c> (environment: <c>Email__From</c> …).</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary>The sender, e.g. <c>威海知识产权交易平台 &lt;noreply@example.cn&gt;</c>.</summary>
    [DeploymentSetting] public string From { get; set; } = "威海知识产权交易平台 <noreply@weihai-marketplace.local>";

    /// <summary>The site's address as readers reach it, for the links in e-mails (no trailing slash).</summary>
    [DeploymentSetting] public string PublicBaseUrl { get; set; } = "http://127.0.0.1:5080";

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a sender holds an e-mail it claimed; past it, another sender takes it as in doubt and sends it
    /// again under the same Message-ID.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    public int BatchSize { get; set; } = 20;

    /// <summary>The first pause after a refusal or a timeout; it doubles per attempt up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan FirstBackoff { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a sent e-mail's outbox row (and its copy in the database mailbox) is kept: the notice itself
    /// stays in the person's notification centre, so past this the row only answers "was it sent", which the log keeps.</summary>
    public TimeSpan KeepSent { get; set; } = TimeSpan.FromDays(30);

    /// <summary>The hour (China time) the daily digest gathers what came before it.</summary>
    public int DigestHour { get; set; } = 8;

    /// <summary>How long an unsubscribe link works.</summary>
    public TimeSpan UnsubscribeLifetime { get; set; } = TimeSpan.FromDays(90);

    public SmtpOptions Smtp { get; set; } = new();
}

/// <summary>Bound from <c>Email:Smtp</c>. Without a host, outgoing mail is kept in the database and shown to the park
/// office on the mailbox page (the run command's default).</summary>
public sealed class SmtpOptions
{
    public const string Section = "Email:Smtp";

    [DeploymentSetting] public string? Host { get; set; }
    [DeploymentSetting] public int Port { get; set; } = 587;
    [DeploymentSetting] public string? UserName { get; set; }
    [DeploymentSetting] public string? Password { get; set; }

    /// <summary>None, Auto, StartTls, StartTlsWhenAvailable or SslOnConnect (MailKit's SecureSocketOptions).</summary>
    public string Security { get; set; } = "StartTlsWhenAvailable";

    /// <summary>A server that neither answers nor refuses within this is a failure like a refusal: retried later.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool Configured => !string.IsNullOrWhiteSpace(Host);
}
