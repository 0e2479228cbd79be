using Marketplace.Domain.Organizations;

namespace Marketplace.Tests.Shared;

/// <summary>Makes valid unified social credit codes for test organisations (Weihai division 371000).</summary>
public static class CreditCodes
{
    public static string Make(int n)
    {
        var body = $"T{n:D7}";
        var first17 = "91371000" + body + UnifiedSocialCreditCode.OrganizationCodeCheck(body);
        return first17 + UnifiedSocialCreditCode.CheckCharacter(first17);
    }
}
