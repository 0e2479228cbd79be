using System.Text.Json.Nodes;

namespace Marketplace.Web.Tests.Sweep;

/// <summary>
/// The values of issue 23's list for each kind of field: empty, whitespace, negative, 0, int and long limits, 1e40,
/// 10^12 + 1 for money, dates in year 1 and 9999, 10,000 characters, NUL, a lone surrogate, unknown enum names, other
/// organisations' ids (given by the world), and the wrong JSON type. A bounded few per field, so the sweep stays fast.
/// </summary>
public static class BoundaryValues
{
    /// <summary>Written in place of a lone surrogate, which JSON writers refuse; replaced by the raw escape afterwards.</summary>
    public const string LoneSurrogate = "__LONE_SURROGATE__";

    private static readonly string TenThousand = new('长', 10_000);

    public static IEnumerable<(string Label, JsonNode? Value)> Json(ValueKind kind) => kind switch
    {
        ValueKind.Text => [("empty", ""), ("whitespace", "   "), ("10k chars", TenThousand), ("NUL", "a\u0000b"), ("lone surrogate", LoneSurrogate),
            ("markup", "<script>alert(1)</script>")],
        ValueKind.Enum => [("unknown name", "NoSuchValue"), ("empty", ""), ("number", 12345)],
        ValueKind.Integer => [("-1", -1), ("0", 0), ("int max", int.MaxValue), ("int min", int.MinValue), ("long max", long.MaxValue), ("1e40", 1e40),
            ("text", "x")],
        ValueKind.Number => [("-1", -1), ("0", 0), ("1e40", 1e40), ("10^12+1", 1_000_000_000_001m), ("past a long of fen", 100_000_000_000_000_000m), ("0.001", 0.001m),
            ("decimal overflow", 7.9228162514264338e28)],
        ValueKind.Boolean => [("text", "yes")],
        ValueKind.Date => [("year 1", "0001-01-01"), ("year 9999", "9999-12-31"), ("no such day", "2025-02-30")],
        ValueKind.DateTime => [("year 1", "0001-01-01T00:00:00Z"), ("year 9999", "9999-12-31T23:59:59+14:00")],
        ValueKind.Guid => [("empty guid", Guid.Empty.ToString()), ("unknown guid", Guid.NewGuid().ToString()), ("not a guid", "not-a-guid")],
        ValueKind.Object => [("null", null), ("wrong type", new JsonArray())],
        _ => [],
    };

    public static IEnumerable<(string Label, string Value)> Query(ValueKind kind) => kind switch
    {
        ValueKind.Integer => [("-1", "-1"), ("0", "0"), ("int max + 1", "2147483648"), ("int max", "2147483647"), ("long max + 1", "9223372036854775808"),
            ("1e40", "1e40")],
        ValueKind.Number => [("-1", "-1"), ("1e40", "1e40"), ("10^12+1", "1000000000001"), ("past a long of fen", "100000000000000000"),
            ("decimal overflow", "79228162514264337593543950336")],
        ValueKind.Boolean => [("text", "maybe")],
        ValueKind.Date or ValueKind.DateTime => [("year 1", "0001-01-01"), ("year 9999", "9999-12-31"), ("no such day", "2025-02-30")],
        ValueKind.Guid => [("empty guid", Guid.Empty.ToString()), ("not a guid", "x")],
        ValueKind.Enum => [("unknown name", "NoSuchValue"), ("number", "99")],
        _ => [("empty", ""), ("whitespace", "%20%20"), ("10k chars", new string('a', 10_000)), ("NUL", "a%00b"), ("lone surrogate", "%ED%A0%80"),
            ("unknown name", "NoSuchValue"), ("negative", "-1")],
    };

    /// <summary>A route segment: the same, where the route's constraint lets it reach the handler. (A NUL in the path is
    /// refused by the server before the app sees it, and the test server cannot even send one.)</summary>
    public static IEnumerable<(string Label, string Value)> Path(ValueKind kind) => kind == ValueKind.Integer
        ? [("-1", "-1"), ("0", "0"), ("10000", "10000"), ("int max", "2147483647"), ("past int", "99999999999")]
        : [("unknown name", "NoSuchValue"), ("10k chars", new string('a', 10_000)), ("lone surrogate", "%ED%A0%80"), ("dots", "..%2F..%2Fetc%2Fpasswd")];
}
