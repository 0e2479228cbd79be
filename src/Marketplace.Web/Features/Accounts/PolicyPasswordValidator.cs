using Marketplace.Domain.Accounts;
using Marketplace.Domain.Common;
using Microsoft.AspNetCore.Identity;

namespace Marketplace.Web.Features.Accounts;

/// <summary>Applies the domain's <see cref="PasswordPolicy"/> inside Identity, so every path that sets a
/// password (pages, /api/auth, registration, resets) obeys it.</summary>
public sealed class PolicyPasswordValidator(PasswordPolicy policy) : IPasswordValidator<AppUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        var problem = policy.Check(password);
        return Task.FromResult(problem is null
            ? IdentityResult.Success
            : IdentityResult.Failed(new TextIdentityError(problem) { Code = "PasswordPolicy" }));
    }

    /// <summary>Loads the shipped list of the most common passwords (see common-passwords.SOURCE.md).</summary>
    public static PasswordPolicy LoadPolicy()
    {
        using var stream = typeof(PolicyPasswordValidator).Assembly.GetManifestResourceStream("common-passwords.txt")
            ?? throw new InvalidOperationException("The common-password list is not embedded.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0) set.Add(line.Trim().ToLowerInvariant());
        }
        return new PasswordPolicy(set);
    }
}

/// <summary>An Identity error that keeps its message as a <see cref="Text"/>, so it is said in the reader's language.</summary>
public sealed class TextIdentityError : IdentityError
{
    public TextIdentityError(Text text)
    {
        Text = text;
        Description = text.ToString();
    }

    public Text Text { get; }
}
