using System.Text.Json.Nodes;

namespace Marketplace.Web.Tests.Sweep;

/// <summary>What a value is, as far as the sweep cares: which boundary values to throw at it.</summary>
public enum ValueKind { Text, Enum, Integer, Number, Boolean, Date, DateTime, Guid, Array, Object }

public sealed record SweepParameter(string Name, string In, JsonNode? Schema);

public sealed record SweepOperation(string Method, string Path, IReadOnlyList<SweepParameter> Parameters, string? BodyType, JsonNode? BodySchema)
{
    public override string ToString() => $"{Method} {Path}";
}

/// <summary>
/// Reads <c>/openapi/v1.json</c> (OpenAPI 3.1 as ASP.NET Core writes it) into operations, and tells what kind of value a
/// schema describes. Strings read through the app's own converter come out as an empty schema (<c>{}</c>): text.
/// </summary>
public sealed class OpenApiOperations(JsonNode document)
{
    public IReadOnlyList<SweepOperation> All()
    {
        var operations = new List<SweepOperation>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        foreach (var (method, operation) in item!.AsObject())
        {
            if (method is not ("get" or "post" or "put" or "delete" or "patch")) continue;
            var parameters = (operation!["parameters"]?.AsArray() ?? []).Select(p =>
                new SweepParameter(p!["name"]!.GetValue<string>(), p["in"]!.GetValue<string>(), Resolve(p["schema"]))).ToList();
            var content = operation["requestBody"]?["content"]?.AsObject();
            var (type, schema) = content?.FirstOrDefault() is { Key: { } key } first ? (key, Resolve(first.Value?["schema"])) : (null, null);
            operations.Add(new SweepOperation(method.ToUpperInvariant(), path, parameters, type, schema));
        }
        return operations;
    }

    /// <summary>Follows <c>$ref</c> and a nullable <c>oneOf [null, X]</c> to the schema that says what the value is.</summary>
    public JsonNode? Resolve(JsonNode? schema)
    {
        for (var depth = 0; schema is not null && depth < 10; depth++)
        {
            if (schema["$ref"]?.GetValue<string>() is { } reference)
                schema = document["components"]!["schemas"]![reference.Split('/').Last()];
            else if (schema["oneOf"]?.AsArray() is { } choices)
                schema = choices.FirstOrDefault(c => c?["type"]?.ToString() != "null");
            else return schema;
        }
        return schema;
    }

    public ValueKind KindOf(JsonNode? schema)
    {
        schema = Resolve(schema);
        if (schema is null) return ValueKind.Text;
        if (schema["enum"] is not null) return ValueKind.Enum;
        var types = schema["type"] switch
        {
            JsonArray list => list.Select(t => t!.GetValue<string>()).ToArray(),
            JsonValue one => [one.GetValue<string>()],
            _ => [],
        };
        if (schema["properties"] is not null || types.Contains("object")) return ValueKind.Object;
        if (types.Contains("array")) return ValueKind.Array;
        return schema["format"]?.GetValue<string>() switch
        {
            "uuid" => ValueKind.Guid,
            "date" => ValueKind.Date,
            "date-time" => ValueKind.DateTime,
            _ when types.Contains("integer") => ValueKind.Integer,
            _ when types.Contains("number") => ValueKind.Number,
            _ when types.Contains("boolean") => ValueKind.Boolean,
            _ => ValueKind.Text,
        };
    }

    public IEnumerable<(string Name, JsonNode? Schema)> Properties(JsonNode? schema) =>
        (Resolve(schema)?["properties"]?.AsObject() ?? []).Select(p => (p.Key, Resolve(p.Value)));

    public JsonNode? Items(JsonNode? schema) => Resolve(Resolve(schema)?["items"]);

    public IReadOnlyList<string> EnumValues(JsonNode? schema) =>
        (Resolve(schema)?["enum"]?.AsArray() ?? []).Select(v => v!.ToString()).ToList();
}
