using Marketplace.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Marketplace.Web.Features.Demo;

/// <summary>
/// The people behind the demo accounts (a room or a history shows a person and an organisation, not an address),
/// and the demo's authenticator: the roles that must use two-factor sign-in are enrolled with one known key, which
/// `./marketplace.sh run` prints, so anyone trying the demo can add it to an authenticator app.
/// </summary>
public static class DemoPeople
{
    /// <summary>A valid base32 TOTP secret; for the demo only (never seeded in Production).</summary>
    public const string DefaultAuthenticatorKey = "WEIHAIDEMOTOTPKEYABC2345";

    private static readonly Dictionary<string, string> Names = new()
    {
        ["park@demo.local"] = "王敏", ["hit@demo.local"] = "李强", ["sdu@demo.local"] = "张丽",
        ["enterprise1@demo.local"] = "刘洋", ["enterprise2@demo.local"] = "陈静", ["enterprise3@demo.local"] = "杨帆",
        ["officer@bank1.demo.local"] = "赵磊", ["approver@bank1.demo.local"] = "孙悦",
        ["officer@bank2.demo.local"] = "周涛", ["approver@bank2.demo.local"] = "吴芳",
    };

    public static string NameOf(string email) => Names.GetValueOrDefault(email, email.Split('@')[0]);

    /// <summary>Enrols the roles that need two-factor sign-in with the demo's known key.</summary>
    public static async Task EnrolAsync(UserManager<AppUser> users, AppUser user, string role, string? authenticatorKey,
        Domain.Organizations.OrganizationType? type = null)
    {
        if (authenticatorKey is null || !TwoFactorEnrolment.RequiredFor([role], type)) return;
        await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", authenticatorKey);
        await users.SetTwoFactorEnabledAsync(user, true);
    }
}
