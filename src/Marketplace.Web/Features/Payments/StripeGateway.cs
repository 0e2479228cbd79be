using Microsoft.Extensions.Options;
using Stripe;

namespace Marketplace.Web.Features.Payments;

/// <summary>What the marketplace asks of Stripe: create a PaymentIntent for an instalment, and read one's current state.</summary>
public sealed class StripeGateway(IOptions<StripeOptions> options, IHttpClientFactory http)
{
    public const string HttpClientName = "stripe";

    private StripeClient Client()
    {
        var settings = options.Value;
        if (!settings.OnlinePayments)
            throw new Domain.Common.DomainRuleException("method", "Online payment is not configured; pay by bank transfer.", isConflict: true);
        return new StripeClient(new StripeClientOptions
        {
            ApiKey = settings.SecretKey,
            ApiBase = settings.ApiBase ?? StripeClient.DefaultApiBase,
            HttpClient = new SystemNetHttpClient(http.CreateClient(HttpClientName)),
        });
    }

    /// <summary>CNY amounts go to Stripe in fen. The idempotency key makes a retried request return the same intent.</summary>
    public async Task<PaymentIntent> CreateIntentAsync(decimal amount, string idempotencyKey, IDictionary<string, string> metadata, CancellationToken ct) =>
        await new PaymentIntentService(Client()).CreateAsync(new PaymentIntentCreateOptions
        {
            Amount = (long)(amount * 100),
            Currency = "cny",
            AllowedPaymentMethodTypes = ["card", "alipay", "wechat_pay"],
            Metadata = new Dictionary<string, string>(metadata),
        }, new RequestOptions { IdempotencyKey = idempotencyKey }, ct);

    /// <summary>The intent as it is now, with its latest charge (for the refunded amount).</summary>
    public async Task<PaymentIntent> GetIntentAsync(string id, CancellationToken ct) =>
        await new PaymentIntentService(Client()).GetAsync(id, new PaymentIntentGetOptions { Expand = ["latest_charge"] }, cancellationToken: ct);

    public static decimal Yuan(long fen) => fen / 100m;
}
