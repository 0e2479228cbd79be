using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Features.Notifications.Email;

/// <summary>What an unsubscribe link turns off: one person's e-mail for one kind, or their daily digest.</summary>
public sealed record Unsubscription(Guid UserId, string Kind, NoticeChannel Channel);

/// <summary>
/// Unsubscribe links carry their own authority: the person, kind and channel, signed and dated with ASP.NET Core data
/// protection (the key ring is shared by every instance through PostgreSQL). A token that was changed, was made by
/// someone else's keys, or has expired reads as nothing.
/// </summary>
public sealed class UnsubscribeTokens(IDataProtectionProvider provider, IOptions<EmailOptions> options, TimeProvider clock)
{
    private readonly ITimeLimitedDataProtector _protector = provider.CreateProtector("Notifications.Unsubscribe.v1").ToTimeLimitedDataProtector();

    public string Create(Unsubscription what) =>
        _protector.Protect($"{what.UserId:N}|{what.Kind}|{what.Channel}", clock.GetUtcNow() + options.Value.UnsubscribeLifetime);

    public Unsubscription? Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 2000) return null;
        try
        {
            var parts = _protector.Unprotect(token, out var expires).Split('|');
            if (expires < clock.GetUtcNow()) return null;
            return parts.Length == 3 && Guid.TryParseExact(parts[0], "N", out var user) && Enum.TryParse<NoticeChannel>(parts[2], out var channel)
                ? new Unsubscription(user, parts[1], channel) : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
