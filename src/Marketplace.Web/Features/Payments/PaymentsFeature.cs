namespace Marketplace.Web.Features.Payments;

public static class PaymentsFeature
{
    public static WebApplicationBuilder AddPayments(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<StripeOptions>().BindConfiguration(StripeOptions.Section);
        services.AddHttpClient(StripeGateway.HttpClientName);
        services.AddScoped<StripeGateway>();
        services.AddScoped<PaymentService>();
        services.AddExceptionHandler<StripeProblems>();
        services.AddScoped<StripeWebhook>();
        services.AddSingleton<StripeEventWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<StripeEventWriter>());
        services.AddScoped<StripeEventApplier>();
        services.AddSingleton<StripeInbox>();
        services.AddHostedService(sp => sp.GetRequiredService<StripeInbox>());
        services.AddHealthChecks().AddCheck<StripeInboxHealth>("stripe-inbox", tags: ["ready"]);
        return builder;
    }
}
