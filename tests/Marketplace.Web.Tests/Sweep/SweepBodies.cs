using System.Text.Json;
using System.Text.Json.Nodes;
using Marketplace.Tests.Shared;
using Marketplace.Web.Tests.Deals;
using Marketplace.Web.Tests.Pledges;
using Marketplace.Web.Tests.Sessions;
using static Marketplace.Web.Tests.Matchmaking.Market;

namespace Marketplace.Web.Tests.Sweep;

/// <summary>
/// The baseline body of each operation: every property of its schema with a plausible value, overlaid with a body the
/// other tests know to be valid where there is one, so that each boundary value is tried one field at a time on a
/// request that would otherwise get deep into the handler.
/// </summary>
public sealed class SweepBodies(OpenApiOperations api, SweepWorld world)
{
    private static string Today => DealScenario.Today;

    public JsonNode? Baseline(SweepOperation operation)
    {
        var generated = operation.BodySchema is null ? null : FromSchema(operation.BodySchema, "body", operation.Path, 0);
        var known = Known(operation);
        return known is null ? generated : Merge(generated, JsonSerializer.SerializeToNode(known, JsonSerializerOptions.Web));
    }

    private JsonNode? FromSchema(JsonNode? schema, string name, string path, int depth)
    {
        if (depth > 6) return null;
        return api.KindOf(schema) switch
        {
            ValueKind.Object => new JsonObject(api.Properties(schema).Select(p => KeyValuePair.Create(p.Name, FromSchema(p.Schema, p.Name, path, depth + 1)))),
            ValueKind.Array => new JsonArray(FromSchema(api.Items(schema), name, path, depth + 1)),
            ValueKind.Enum => api.EnumValues(schema).FirstOrDefault(),
            ValueKind.Guid => world.IdFor(name, path).ToString(),
            ValueKind.Date => Today,
            ValueKind.DateTime => SessionWorld.Start.ToString("O"),
            ValueKind.Integer => name.Equals("version", StringComparison.OrdinalIgnoreCase) ? null : 1,
            ValueKind.Number => 1000m,
            ValueKind.Boolean => false,
            _ => name.ToLowerInvariant() switch
            {
                var e when e.Contains("email") => "sweep@example.cn",
                var p when p.Contains("password") => MarketplaceApp.Password,
                _ => "测试",
            },
        };
    }

    /// <summary>Bodies the feature tests use, by operation.</summary>
    private object? Known(SweepOperation op)
    {
        var w = world.Hostile;
        var schedule = new { instalments = new[] { new { kind = "Upfront", label = "全款", dueDate = Today, amount = 300_000m } } };
        return $"{op.Method} {op.Path}" switch
        {
            "POST /api/patents" => PatentSamples.Patent(95),
            "PUT /api/patents/{id}" => Secret(PatentSamples.Patent(90)),
            "POST /api/listings" => new { patentId = world.SecretPatentId, terms = PatentSamples.Licence() },
            "PUT /api/listings/{id}" => new { terms = PatentSamples.Licence() },
            "POST /api/pledges" or "POST /api/pledges/eligibility" or "PUT /api/pledges/{id}" =>
                PledgeSamples.Application(w.Pledge.BankId, [world.ApplicantPatentId]).With("purpose", SweepWorld.PledgeSecret),
            "PUT /api/pledges/policy" => new { inventionCapPercent = 50m, utilityModelCapPercent = 30m, designCapPercent = 30m, inventionMinYears = 5,
                utilityModelMinYears = 4, designMinYears = 4 },
            "POST /api/pledges/{id}/recommend" => new { amount = 1_000_000m, ratePercent = 4.35m, termMonths = 24, conditions = "按季付息" },
            "POST /api/pledges/{id}/register" => new { registrationNumber = "Y2026980001234", registeredOn = Today },
            "POST /api/pledges/{id}/disburse" => new { amount = 1_000m, disbursedOn = Today },
            "POST /api/needs" => Need(),
            "PUT /api/needs/{id}" => Need(title: SweepWorld.NeedSecret, visibility: "ParkOfficeOnly"),
            "POST /api/inquiries" => new { listingId = w.ListingId, message = "您好" },
            "POST /api/inquiries/open-licence" => new { listingId = w.ListingId, termMonths = 12 },
            "POST /api/inquiries/{id}/messages" => new { body = "您好" },
            "POST /api/inquiries/{id}/offers" or "POST /api/offers/{id}/counter" => Licence(300_000m),
            "POST /api/deals" => new
            {
                terms = new { mode = "Licence", licenceKind = "NonExclusive", territory = "中国大陆", termMonths = 12, lumpSum = 300_000m },
                sellerOrganizationId = w.Market.OfficeUser.OrganizationId, buyerOrganizationId = w.Market.EnterpriseUser.OrganizationId, patentId = world.ListedPatentId,
            },
            "PUT /api/deals/{id}/payments" or "POST /api/deals/{id}/payments/proposal" => schedule,
            "POST /api/deals/{id}/sign" => new { contractDate = Today, registrationNumber = DealScenario.Contract },
            "POST /api/deals/{id}/record" => new { recordNumber = "2025990000123", recordDate = Today },
            "POST /api/deals/{id}/cancel" => new { reason = "测试" },
            "POST /api/payments/{id}/report-transfer" => new { reference = "ICBC-1" },
            "POST /api/sessions" or "PUT /api/sessions/{id}" => SessionWorld.Details(),
            "POST /api/sessions/{id}/pitches" => new { listingId = w.ListingId, startsAt = SessionWorld.Start, minutes = 20 },
            "POST /api/sessions/{id}/checkin" => new { code = "ABCD2345" },
            "POST /api/organizations" => new
            {
                nameZh = "威海扫描测试公司", type = "Enterprise", creditCode = CreditCodes.Make(9090), contactName = "王", contactPhone = "0631-5800001",
                contactEmail = "sweep@example.cn", email = "sweep-founder@example.cn", displayName = "王", password = MarketplaceApp.Password,
            },
            "PUT /api/organizations/{id}/contact" => new { contactName = "王", contactPhone = "0631-5800001", contactEmail = "sweep@example.cn" },
            "POST /api/organizations/{id}/members" => new { email = "sweep-member@example.cn", displayName = "成员", role = "BankOfficer", password = MarketplaceApp.Password },
            "POST /api/auth/login" => new { email = "sweep-nobody@example.cn", password = MarketplaceApp.Password },
            _ => null,
        };
    }

    private static Dictionary<string, object?> Secret(Dictionary<string, object?> patent) => patent.With("titleZh", "绝密" + SweepWorld.PatentSecret);

    /// <summary>The known body's values win; properties only the schema has keep their generated value.</summary>
    private static JsonNode? Merge(JsonNode? generated, JsonNode? known)
    {
        if (generated is not JsonObject g || known is not JsonObject k) return known?.DeepClone();
        var merged = (JsonObject)g.DeepClone();
        foreach (var (key, value) in k)
        {
            var name = merged.Select(p => p.Key).FirstOrDefault(p => p.Equals(key, StringComparison.OrdinalIgnoreCase)) ?? key;
            merged[name] = Merge(merged[name], value);
        }
        return merged;
    }
}

internal static class DictionaryExtensions
{
    public static Dictionary<string, object?> With(this Dictionary<string, object?> values, string key, object? value)
    {
        values[key] = value;
        return values;
    }
}
