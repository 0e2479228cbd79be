using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Marketplace.Web.Tests.Sweep;

/// <summary>
/// Calls one operation as each caller with its baseline, then with other organisations' and unknown ids in the path, then
/// — as the callers who got past authorization (at most <c>variantCallers</c>, preferring those who got a 2xx) — with each
/// boundary value in each route segment, query parameter and body field, one at a time. Every answer must be below 500
/// and hold no secret the caller may not read.
/// </summary>
public sealed class ApiSweep(OpenApiOperations api, SweepBodies bodies, SweepWorld world, SweepLog log)
{
    private sealed record Variant(string Label, Dictionary<string, string> Path, string? Query, JsonNode? Body);

    public async Task RunAsync(SweepOperation op, IReadOnlyList<SweepCaller> callers, int variantCallers)
    {
        var baseline = new Variant("baseline", DefaultPath(op), null, bodies.Baseline(op));
        var reached = new List<(SweepCaller Caller, int Status)>();
        foreach (var caller in callers) reached.Add((caller, await SendAsync(op, caller, baseline)));

        foreach (var variant in ForeignIds(op, baseline))
        foreach (var caller in callers)
            await SendAsync(op, caller, variant);

        var deep = reached.Where(r => r.Status is not (401 or 403)).OrderBy(r => r.Status switch { < 300 => 0, 404 => 2, _ => 1 })
            .Take(variantCallers).Select(r => r.Caller).ToList();
        foreach (var caller in deep)
        foreach (var variant in Boundaries(op, baseline))
            await SendAsync(op, caller, variant);
    }

    private Dictionary<string, string> DefaultPath(SweepOperation op) => op.Parameters.Where(p => p.In == "path").ToDictionary(p => p.Name, p =>
        api.KindOf(p.Schema) == ValueKind.Guid || p.Name.EndsWith("Id", StringComparison.OrdinalIgnoreCase) || p.Name == "id"
            ? world.IdFor(p.Name, op.Path).ToString()
            : p.Name switch
            {
                "kind" => "deals",
                "year" => "2025",
                "storedName" => world.Hostile.AttachmentUrl.Split('/').Last(),
                _ => "x",
            });

    /// <summary>Another organisation's object of the same kind where the world has one, the empty and an unknown id.</summary>
    private IEnumerable<Variant> ForeignIds(SweepOperation op, Variant baseline)
    {
        foreach (var name in baseline.Path.Keys.Where(k => Guid.TryParse(baseline.Path[k], out _)))
        foreach (var (label, id) in new[] { ("other object", world.OtherIdFor(op.Path)), ("empty id", Guid.Empty), ("unknown id", Guid.NewGuid()) })
            if (id is { } value)
                yield return baseline with { Label = $"{name}: {label}", Path = new(baseline.Path) { [name] = value.ToString() } };
    }

    private IEnumerable<Variant> Boundaries(SweepOperation op, Variant baseline)
    {
        foreach (var p in op.Parameters.Where(p => p.In == "path" && !Guid.TryParse(baseline.Path[p.Name], out _)))
        foreach (var (label, value) in BoundaryValues.Path(api.KindOf(p.Schema)))
            yield return baseline with { Label = $"{p.Name}: {label}", Path = new(baseline.Path) { [p.Name] = value } };
        foreach (var p in op.Parameters.Where(p => p.In == "query"))
        {
            var kind = api.KindOf(p.Schema) is ValueKind.Array ? api.KindOf(api.Items(p.Schema)) : api.KindOf(p.Schema);
            var values = BoundaryValues.Query(kind).ToList();
            if (kind == ValueKind.Guid) values.Add(("other organisation's id", world.IdFor(p.Name, op.Path).ToString()));
            foreach (var (label, value) in values)
                yield return baseline with { Label = $"{p.Name}: {label}", Query = $"{p.Name}={value}" };
        }
        foreach (var (path, kind) in Leaves(baseline.Body, op.BodySchema, ""))
        foreach (var (label, value) in Values(kind, path, baseline.Body!))
            yield return baseline with { Label = $"{(path.Length == 0 ? "body" : path)}: {label}", Body = Replace(baseline.Body!, path, value) };
    }

    private IEnumerable<(string Label, JsonNode? Value)> Values(ValueKind kind, string path, JsonNode body)
    {
        foreach (var value in BoundaryValues.Json(kind)) yield return value;
        if (kind == ValueKind.Guid)
            yield return ("other organisation's id", world.IdFor(path.Split('.').Last().Split('[')[0], "/api/organizations").ToString());
        if (kind == ValueKind.Array)
        {
            yield return ("empty", new JsonArray());
            yield return ("null item", new JsonArray((JsonNode?)null));
            if (Find(body, path) is JsonArray { Count: > 0 } items)
                yield return ("3001 items", new JsonArray(Enumerable.Range(0, 3001).Select(_ => items[0]?.DeepClone()).ToArray()));
        }
    }

    /// <summary>Each field of the body with its kind; objects and arrays are fields too, and so are their members.</summary>
    private IEnumerable<(string Path, ValueKind Kind)> Leaves(JsonNode? node, JsonNode? schema, string path)
    {
        var kind = schema is null ? KindOfValue(node) : api.KindOf(schema);
        if (node is JsonObject obj)
        {
            if (path.Length > 0) yield return (path, ValueKind.Object);
            foreach (var (name, value) in obj.ToList())
            {
                var property = api.Properties(schema).FirstOrDefault(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Schema;
                foreach (var leaf in Leaves(value, property, path.Length == 0 ? name : $"{path}.{name}")) yield return leaf;
            }
        }
        else if (node is JsonArray array)
        {
            yield return (path, ValueKind.Array);
            if (array.Count > 0)
                foreach (var leaf in Leaves(array[0], api.Items(schema), $"{path}[0]")) yield return leaf;
        }
        else if (path.Length > 0) yield return (path, kind);
    }

    private static ValueKind KindOfValue(JsonNode? node) => node?.GetValueKind() switch
    {
        System.Text.Json.JsonValueKind.Number => ValueKind.Number,
        System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False => ValueKind.Boolean,
        System.Text.Json.JsonValueKind.String when Guid.TryParse(node!.GetValue<string>(), out _) => ValueKind.Guid,
        System.Text.Json.JsonValueKind.String when DateOnly.TryParseExact(node!.GetValue<string>(), "yyyy-MM-dd", out _) => ValueKind.Date,
        _ => ValueKind.Text,
    };

    private static JsonNode? Find(JsonNode? node, string path)
    {
        foreach (var step in Steps(path)) node = step is int i ? (node as JsonArray)?[i] : (node as JsonObject)?[(string)step];
        return node;
    }

    private static JsonNode Replace(JsonNode body, string path, JsonNode? value)
    {
        var copy = body.DeepClone();
        var steps = Steps(path).ToList();
        var parent = Find(copy, string.Join("", steps.SkipLast(1).Select(s => s is int i ? $"[{i}]" : $".{s}")).TrimStart('.'));
        if (steps[^1] is int index) ((JsonArray)parent!)[index] = value?.DeepClone();
        else ((JsonObject)parent!)[(string)steps[^1]] = value?.DeepClone();
        return copy;
    }

    private static IEnumerable<object> Steps(string path)
    {
        foreach (var part in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var bracket = part.IndexOf('[');
            yield return bracket < 0 ? part : part[..bracket];
            if (bracket >= 0) yield return int.Parse(part[(bracket + 1)..^1]);
        }
    }

    private async Task<int> SendAsync(SweepOperation op, SweepCaller caller, Variant variant)
    {
        var url = op.Path;
        foreach (var (name, value) in variant.Path) url = url.Replace("{" + name + "}", value);
        if (variant.Query is not null) url += "?" + variant.Query;
        using var request = new HttpRequestMessage(new HttpMethod(op.Method), url) { Content = Content(op, variant.Body) };
        request.Headers.Accept.ParseAdd("application/json");
        var @case = $"{op} [{variant.Label}] as {caller.Name}";
        try
        {
            using var response = await caller.Api.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            var status = (int)response.StatusCode;
            var leaked = world.ForbiddenFor(caller).FirstOrDefault(secret => text.Contains(secret, StringComparison.Ordinal));
            log.Record(status, @case, status >= 500 && !Unavailable(op, status) ? Excerpt(text) : leaked is null ? null : $"leaked {leaked}");
            return status;
        }
        catch (HttpRequestException e)
        {
            log.Record(599, @case, "connection cut: " + e.Message);
            return 599;
        }
    }

    private static HttpContent? Content(SweepOperation op, JsonNode? body)
    {
        if (body is null && op.BodyType is null) return null;
        if (op.BodyType == "multipart/form-data")
        {
            var form = new MultipartFormDataContent();
            foreach (var (name, value) in body as JsonObject ?? [])
            {
                // A file field's baseline is a small CSV; its boundary values arrive as plain text parts instead of a file.
                if (value is JsonObject)
                {
                    var csv = new ByteArrayContent(Encoding.UTF8.GetBytes(PatentSamples.CsvHeader + "\n" + PatentSamples.CsvRow(96) + "\n"));
                    csv.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
                    form.Add(csv, name, "patents.csv");
                }
                else if (value is not null) form.Add(new StringContent(value.ToString()), name);
            }
            return form;
        }
        var json = body?.ToJsonString() ?? "null";
        json = json.Replace($"\"{BoundaryValues.LoneSurrogate}\"", "\"\\ud800\"");
        return new StringContent(json, Encoding.UTF8, "application/json");
    }

    /// <summary>
    /// The one 5xx by design: the white paper's PDF is printed by a headless Chromium that must reach this server over
    /// HTTP (ADR 0011); the in-memory test server has no address, so it answers 503 "not available here".
    /// </summary>
    private static bool Unavailable(SweepOperation op, int status) => status == 503 && op.Path == "/api/reports/white-paper/{year}";

    private static string Excerpt(string text) => text.Length > 300 ? text[..300] : text;
}
