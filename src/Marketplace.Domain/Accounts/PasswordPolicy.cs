using System.Globalization;
using Marketplace.Domain.Common;

namespace Marketplace.Domain.Accounts;

/// <summary>
/// Passwords after OWASP ASVS v5 (V6.2): at least 12 and at most 128 characters, no composition rules, and not
/// one of the most common passwords. Length counts user-perceived characters, so 汉字 and emoji count once.
/// </summary>
public sealed class PasswordPolicy(IReadOnlySet<string> commonPasswords)
{
    public const int MinimumLength = 12;
    public const int MaximumLength = 128;

    /// <summary>Returns null when acceptable, otherwise the reason.</summary>
    public Text? Check(string? password)
    {
        var length = password is null ? 0 : new StringInfo(password).LengthInTextElements;
        if (length < MinimumLength)
            return new Text("Use at least {0} characters; a passphrase of several words is easiest to remember.", MinimumLength);
        if (length > MaximumLength)
            return new Text("Use at most {0} characters.", MaximumLength);
        if (commonPasswords.Contains(password!.Trim().ToLowerInvariant()))
            return new Text("This password is among the most commonly used ones; choose another.");
        return null;
    }
}
