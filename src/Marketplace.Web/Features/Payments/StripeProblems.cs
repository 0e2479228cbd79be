using Marketplace.Web.Platform.Localization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Stripe;

namespace Marketplace.Web.Features.Payments;

/// <summary>
/// Stripe failing is not the caller's fault and not our crash: a Stripe that cannot be reached, is overloaded or
/// limits us answers 503 (try again shortly, nothing was charged twice: attempts carry idempotency keys); any other
/// error from Stripe's API (a refusal of the request we sent) answers 502. Never a 500.
/// </summary>
public sealed class StripeProblems(IProblemDetailsService problems, IStringLocalizer<SharedResource> t, ILogger<StripeProblems> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        if (exception is not StripeException stripe) return false;
        var unavailable = stripe.HttpStatusCode is System.Net.HttpStatusCode.TooManyRequests || (int)stripe.HttpStatusCode >= 500 || stripe.HttpStatusCode == 0
                          || stripe.InnerException is HttpRequestException or TaskCanceledException;
        log.LogWarning(stripe, "Stripe answered {Status} ({Code})", (int)stripe.HttpStatusCode, stripe.StripeError?.Code);
        var status = unavailable ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status502BadGateway;
        context.Response.StatusCode = status;
        if (unavailable) context.Response.Headers.RetryAfter = "30";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context, Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = status,
                Title = unavailable ? t["Payment provider unavailable"] : t["Payment provider error"],
                Detail = unavailable
                    ? t["The payment provider cannot be reached just now. Nothing was charged; try again in a minute or pay by bank transfer."]
                    : t["The payment provider refused the payment request. Nothing was charged; pay by bank transfer or try again later."],
            },
        });
    }
}
