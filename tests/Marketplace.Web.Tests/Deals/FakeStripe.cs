using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Stripe;

namespace Marketplace.Web.Tests.Deals;

/// <summary>
/// Stands in for Stripe's API servers (which cannot be reached here): creates PaymentIntents, answering a repeated
/// idempotency key with the same intent as Stripe does, and serves each intent's current state, which tests set.
/// Webhooks are signed for real with <see cref="EventUtility.GenerateSignatureHeader"/>.
/// </summary>
public sealed class FakeStripe : HttpMessageHandler
{
    public const string SecretKey = "sk_test_marketplace", PublishableKey = "pk_test_marketplace", WebhookSecret = "whsec_test_marketplace";
    public const string ApiBase = "http://stripe.test";

    private readonly ConcurrentDictionary<string, JsonObject> _intents = new();
    private readonly ConcurrentDictionary<string, string> _byIdempotencyKey = new();
    private int _next;

    public ConcurrentBag<string> IdempotencyKeys { get; } = [];

    /// <summary>While true, every call answers 500, as Stripe does during an outage.</summary>
    public bool Down { get; set; }

    /// <summary>While set, every call answers 400 with this message, as Stripe refuses a request it finds invalid.</summary>
    public string? Refusal { get; set; }

    /// <summary>An intent Stripe already holds, e.g. for instalments a benchmark wrote straight into the database.</summary>
    public void Add(string intentId, long amount, string status, long amountReceived)
    {
        _intents[intentId] = new JsonObject { ["id"] = intentId, ["object"] = "payment_intent", ["amount"] = amount, ["currency"] = "cny" };
        SetState(intentId, status, amountReceived);
    }

    /// <summary>What GET /v1/payment_intents/{id} answers from now on.</summary>
    public void SetState(string intentId, string status, long amountReceived, long amountRefunded = 0)
    {
        var intent = _intents[intentId];
        intent["status"] = status;
        intent["amount_received"] = amountReceived;
        intent["latest_charge"] = new JsonObject { ["id"] = "ch_" + intentId, ["object"] = "charge", ["amount_refunded"] = amountRefunded, ["payment_intent"] = intentId };
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        if (request.Headers.Authorization?.Parameter != SecretKey) return Json(HttpStatusCode.Unauthorized, new JsonObject { ["error"] = new JsonObject { ["message"] = "bad key" } });
        if (Down) return Json(HttpStatusCode.InternalServerError, new JsonObject { ["error"] = new JsonObject { ["message"] = "outage", ["type"] = "api_error" } });
        if (Refusal is { } refusal)
            return Json(HttpStatusCode.BadRequest, new JsonObject { ["error"] = new JsonObject { ["message"] = refusal, ["type"] = "invalid_request_error" } });
        var path = request.RequestUri!.AbsolutePath;
        if (request.Method == HttpMethod.Post && path == "/v1/payment_intents")
        {
            var key = request.Headers.TryGetValues("Idempotency-Key", out var keys) ? keys.Single() : throw new InvalidOperationException("no idempotency key");
            IdempotencyKeys.Add(key);
            var form = System.Web.HttpUtility.ParseQueryString(await request.Content!.ReadAsStringAsync(ct));
            var id = _byIdempotencyKey.GetOrAdd(key, _ =>
            {
                var newId = $"pi_{Interlocked.Increment(ref _next)}";
                _intents[newId] = new JsonObject
                {
                    ["id"] = newId, ["object"] = "payment_intent", ["amount"] = long.Parse(form["amount"]!), ["currency"] = form["currency"],
                    ["status"] = "requires_payment_method", ["amount_received"] = 0, ["client_secret"] = newId + "_secret_x",
                };
                return newId;
            });
            return Json(HttpStatusCode.OK, _intents[id]);
        }
        if (request.Method == HttpMethod.Get && path.StartsWith("/v1/payment_intents/") && _intents.TryGetValue(path[20..], out var found))
            return Json(HttpStatusCode.OK, found);
        return Json(HttpStatusCode.NotFound, new JsonObject { ["error"] = new JsonObject { ["message"] = "no such object" } });
    }

    /// <summary>A webhook body and its Stripe-Signature header, signed now (or at the given time).</summary>
    public static (string Json, string Signature) Event(string eventId, string type, string intentId, DateTimeOffset? signedAt = null, string objectKind = "payment_intent")
    {
        var dataObject = objectKind switch
        {
            "charge" => new JsonObject { ["id"] = "ch_" + intentId, ["object"] = "charge", ["payment_intent"] = intentId },
            "payment_intent" => new JsonObject { ["id"] = intentId, ["object"] = "payment_intent" },
            _ => new JsonObject { ["id"] = intentId, ["object"] = objectKind },
        };
        var json = new JsonObject
        {
            ["id"] = eventId, ["object"] = "event", ["api_version"] = StripeConfiguration.ApiVersion, ["type"] = type,
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), ["livemode"] = false, ["data"] = new JsonObject { ["object"] = dataObject },
        }.ToJsonString();
        return (json, EventUtility.GenerateSignatureHeader(json, WebhookSecret, (signedAt ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds()));
    }

    private static HttpResponseMessage Json(HttpStatusCode status, JsonNode body) =>
        new(status) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
}
