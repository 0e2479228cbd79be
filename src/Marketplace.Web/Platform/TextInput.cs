using System.Text.Json;
using System.Text.Json.Serialization;

namespace Marketplace.Web.Platform;

/// <summary>
/// Text every field may hold: PostgreSQL refuses NUL in text (the insert would fail as a 500 after the rules had
/// passed), and an unpaired UTF-16 surrogate cannot be stored as UTF-8 at all. Both are refused where text enters.
/// </summary>
public static class TextInput
{
    public const string Message = "The text contains a NUL character or a broken (unpaired) UTF-16 surrogate.";

    public static bool IsStorable(string? text)
    {
        if (text is null) return true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0') return false;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (char.IsSurrogate(c)) return false;
        }
        return true;
    }
}

/// <summary>
/// Reads JSON strings like the built-in converter and refuses unstorable text; System.Text.Json puts the property's
/// path on the exception, so the problem names the field ("details.title").
/// </summary>
public sealed class StorableTextConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Checked(reader.GetString());

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Checked(reader.GetString())!;

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WritePropertyName(value);

    private static string? Checked(string? text) => TextInput.IsStorable(text) ? text : throw new JsonException(TextInput.Message);
}
