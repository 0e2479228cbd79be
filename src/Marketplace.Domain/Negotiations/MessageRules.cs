using Marketplace.Domain.Patents;

namespace Marketplace.Domain.Negotiations;

public static class MessageRules
{
    public const int MaxBody = 4000;

    /// <summary>A message's text, trimmed, or null when it only carries a file.</summary>
    public static string? Body(string? body) => TextRules.Optional(body, "body", "Message", MaxBody, multiline: true);
}
