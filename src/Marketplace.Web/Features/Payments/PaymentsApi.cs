using System.Security.Claims;
using Marketplace.Web.Features.Deals;
using Marketplace.Web.Platform.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Stripe;

namespace Marketplace.Web.Features.Payments;

public static class PaymentsApi
{
    public static IEndpointRouteBuilder MapPaymentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/payments/{id:guid}").WithTags("Payments").RequireAuthorization();
        api.MapPost("/intent", async (Guid id, ClaimsPrincipal user, PaymentService payments, CancellationToken ct) =>
            TypedResults.Ok(await payments.CreateIntentAsync(user, id, ct)));
        api.MapPost("/report-transfer", async (Guid id, TransferReport report, ClaimsPrincipal user, PaymentService payments, CancellationToken ct) =>
            TypedResults.Ok((await payments.ReportTransferAsync(user, id, report, ct)).ToResponse()));
        api.MapPost("/confirm-transfer", async (Guid id, VersionRequest? request, ClaimsPrincipal user, PaymentService payments, CancellationToken ct) =>
            TypedResults.Ok((await payments.ConfirmTransferAsync(user, id, request?.Version, ct)).ToResponse()));

        // Short-circuited after routing: Stripe is no signed-in browser, so authentication, antiforgery, rate limits, the
        // output cache and idempotency keys have nothing to do here (the signature and the event id are its guards);
        // the error handler, security headers and the text guard before routing still run.
        app.MapPost("/api/stripe/webhook", Webhook).WithTags("Payments").AllowAnonymous().DisableAntiforgery().ShortCircuit();
        return app;
    }

    /// <summary>
    /// Verifies the signature on the raw body (300 s tolerance) before anything else, stores the event and answers
    /// (outcome "queued", "duplicate" or "ignored"); <see cref="StripeInbox"/> applies it. The event's API version is
    /// not enforced: only its type and object id are read, and the PaymentIntent is fetched with this library's
    /// pinned version, so an endpoint configured with another version still works.
    /// </summary>
    private static async Task<IResult> Webhook(HttpRequest request, IOptions<StripeOptions> options, StripeWebhook webhook,
        IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var secret = options.Value.WebhookSecret;
        // Read by the park's staff in Stripe's dashboard (its delivery log shows our answers), so from resources too.
        if (string.IsNullOrWhiteSpace(secret))
            return TypedResults.Problem(statusCode: 404, title: t["Not found"], detail: t["No Stripe webhook is configured."]);
        var json = await new StreamReader(request.Body).ReadToEndAsync(ct);
        var signature = request.Headers["Stripe-Signature"].ToString();
        if (string.IsNullOrEmpty(signature)) return Refused(t["The Stripe-Signature header is missing."]);
        Event stripeEvent;
        try
        {
            stripeEvent = EventUtility.ConstructEvent(json, signature, secret, options.Value.ToleranceSeconds, throwOnApiVersionMismatch: false);
        }
        catch (StripeException)
        {
            return Refused(t["The signature does not verify or is too old."]);
        }
        return TypedResults.Ok(new { received = stripeEvent.Id, outcome = await webhook.ReceiveAsync(stripeEvent, ct) });
    }

    // Its title, the framework's default, is translated with every other problem's (ProblemTitles).
    private static IResult Refused(string message) => TypedResults.ValidationProblem(
        new Dictionary<string, string[]> { ["signature"] = [message] }, detail: message);
}
