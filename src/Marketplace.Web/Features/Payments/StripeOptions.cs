using Marketplace.Web.Platform;

namespace Marketplace.Web.Features.Payments;

/// <summary>Bound from <c>Stripe</c> (environment: <c>Stripe__SecretKey</c> …); never in the repository.</summary>
public sealed class StripeOptions
{
    public const string Section = "Stripe";

    [DeploymentSetting] public string? SecretKey { get; set; }

    /// <summary>Without it the pages cannot start Stripe.js, so online payment is hidden.</summary>
    [DeploymentSetting] public string? PublishableKey { get; set; }
    [DeploymentSetting] public string? WebhookSecret { get; set; }

    /// <summary>Only for tests, which point the client at a local handler instead of Stripe's servers.</summary>
    public string? ApiBase { get; set; }

    /// <summary>Seconds a webhook's signed timestamp may be old (Stripe's default).</summary>
    public long ToleranceSeconds { get; set; } = 300;

    /// <summary>False on instances that only receive webhooks, when other instances (e.g. workers) apply the events.</summary>
    public bool ApplyEvents { get; set; } = true;

    /// <summary>How often an instance looks for stored events it has not been woken for (another instance received them,
    /// or one is due for a retry).</summary>
    public TimeSpan InboxPollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Events applied at once by one instance; events about one deal still take turns (they lock its row).</summary>
    public int InboxLanes { get; set; } = 2;

    /// <summary>
    /// The most one charge may be, in yuan. Stripe's API takes a PaymentIntent's amount in the smallest currency unit
    /// with at most eight digits ("a value of 99999999 for a USD charge of $999,999.99"; for CNY 99,999,999 fen), its
    /// per-currency charge limits listed at https://docs.stripe.com/currencies#minimum-and-maximum-charge-amounts. An
    /// instalment above it is offered as a bank transfer only.
    /// </summary>
    public decimal MaximumCharge { get; set; } = 999_999.99m;

    public bool OnlinePayments => !string.IsNullOrWhiteSpace(SecretKey) && !string.IsNullOrWhiteSpace(PublishableKey);
}
