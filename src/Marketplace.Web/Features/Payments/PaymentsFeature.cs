namespace Marketplace.Web.Features.Payments;

public static class PaymentsFeature
{
    public static WebApplicationBuilder AddPayments(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<StripeOptions>().BindConfiguration("Stripe");
        services.AddHttpClient(StripeGateway.HttpClientName);
        services.AddScoped<StripeGateway>();
        services.AddScoped<PaymentService>();
        services.AddScoped<StripeWebhook>();
        return builder;
    }
}
