using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marketplace.Domain.Common;
using Marketplace.Web.Platform.Localization;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Features.Notifications;

/// <summary>
/// A notice's words are stored as their <see cref="Text"/> (the English template and its arguments as JSON), not as a
/// sentence, so each reader sees them in their own language whenever they look, and an e-mail is written in the
/// recipient's language when it is sent. Arguments keep their kind: an enum is said by its display name, a number and a
/// date by the reader's format, a nested Text is said in turn.
/// </summary>
public static class NoticeText
{
    /// <summary>Says a notice's words in the current UI culture; instants read as China time in the reader's format.</summary>
    public static string SayNotice(this IStringLocalizer t, Text text) => t.Say(Readable(text));

    public static string SayNotice(this IStringLocalizer t, StoredNotice notice) => t.SayNotice(FromStored(notice.Template, notice.Args));

    private static Text Readable(Text text) => text.Args.Count == 0 ? text : new Text(text.Template, text.Args.Select(a => a switch
    {
        Text nested => Readable(nested),
        DateTimeOffset at => Formats.DateTime(at),
        _ => a,
    }).ToArray());

    public static string ArgsToJson(Text text) => new JsonArray(text.Args.Select(ToNode).ToArray()).ToJsonString();

    public static Text FromStored(string template, string? argsJson)
    {
        if (string.IsNullOrEmpty(argsJson) || argsJson == "[]") return new Text(template);
        var args = JsonNode.Parse(argsJson)!.AsArray().Select(FromNode).ToArray();
        return new Text(template, args);
    }

    private static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        Text nested => new JsonObject { ["t"] = "text", ["template"] = nested.Template, ["args"] = new JsonArray(nested.Args.Select(ToNode).ToArray()) },
        Enum e => new JsonObject { ["t"] = "enum", ["type"] = $"{e.GetType().FullName}, {e.GetType().Assembly.GetName().Name}", ["v"] = e.ToString() },
        int or long or short or decimal or double or float => new JsonObject { ["t"] = "number", ["v"] = Convert.ToDecimal(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture) },
        DateOnly d => new JsonObject { ["t"] = "date", ["v"] = d.ToString("O", CultureInfo.InvariantCulture) },
        DateTimeOffset at => new JsonObject { ["t"] = "instant", ["v"] = at.ToString("O", CultureInfo.InvariantCulture) },
        _ => new JsonObject { ["t"] = "string", ["v"] = Convert.ToString(value, CultureInfo.InvariantCulture) },
    };

    private static object? FromNode(JsonNode? node)
    {
        if (node is not JsonObject o) return null;
        var v = o["v"]?.GetValue<string>();
        return o["t"]?.GetValue<string>() switch
        {
            "text" => new Text(o["template"]!.GetValue<string>(), o["args"]!.AsArray().Select(FromNode).ToArray()),
            "enum" => EnumValue(o["type"]?.GetValue<string>(), v),
            "number" => decimal.Parse(v!, CultureInfo.InvariantCulture),
            "date" => DateOnly.Parse(v!, CultureInfo.InvariantCulture),
            "instant" => DateTimeOffset.Parse(v!, CultureInfo.InvariantCulture),
            _ => v,
        };
    }

    /// <summary>Only the marketplace's own enums are brought back (the stored name is data, not a type to load at will).</summary>
    private static readonly System.Reflection.Assembly[] Own = [typeof(Text).Assembly, typeof(NoticeText).Assembly];

    private static object? EnumValue(string? typeName, string? value)
    {
        var parts = (typeName ?? "").Split(", ");
        var type = parts.Length == 2 ? Own.FirstOrDefault(a => a.GetName().Name == parts[1])?.GetType(parts[0]) : null;
        return type is { IsEnum: true } && Enum.TryParse(type, value, out var parsed) ? parsed : value;
    }
}
