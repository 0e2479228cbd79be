namespace Marketplace.Web.Features.Payments;

/// <summary>Bound from <c>Stripe</c> (environment: <c>Stripe__SecretKey</c> …); never in the repository.</summary>
public sealed class StripeOptions
{
    public string? SecretKey { get; set; }
    public string? PublishableKey { get; set; }
    public string? WebhookSecret { get; set; }

    /// <summary>Only for tests, which point the client at a local handler instead of Stripe's servers.</summary>
    public string? ApiBase { get; set; }

    /// <summary>Seconds a webhook's signed timestamp may be old (Stripe's default).</summary>
    public long ToleranceSeconds { get; set; } = 300;

    public bool OnlinePayments => !string.IsNullOrWhiteSpace(SecretKey) && !string.IsNullOrWhiteSpace(PublishableKey);
}
