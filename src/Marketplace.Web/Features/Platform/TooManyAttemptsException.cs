using Marketplace.Domain.Common;

namespace Marketplace.Web.Features.Platform;

/// <summary>Thrown when a client must wait before trying again (too many failed sign-ins): a 429 with Retry-After.</summary>
public sealed class TooManyAttemptsException(Text text, int retryAfterSeconds) : Exception(text.ToString())
{
    public Text Text { get; } = text;
    public int RetryAfterSeconds { get; } = Math.Max(1, retryAfterSeconds);
}
