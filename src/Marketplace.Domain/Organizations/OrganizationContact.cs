using System.Net.Mail;
using Marketplace.Domain.Common;

namespace Marketplace.Domain.Organizations;

public sealed record OrganizationContact(string Name, string Phone, string Email)
{
    public OrganizationContact Validated()
    {
        var name = Name?.Trim() ?? "";
        var phone = Phone?.Trim() ?? "";
        var email = Email?.Trim() ?? "";
        if (name.Length is 0 or > 100)
            throw new DomainRuleException("contactName", "A contact name of 1 to 100 characters is required.");
        if (phone.Length is < 5 or > 30 || !phone.All(c => char.IsAsciiDigit(c) || c is '+' or '-' or ' ' or '(' or ')'))
            throw new DomainRuleException("contactPhone", "A contact phone of 5 to 30 digits (with + - ( ) or spaces) is required.");
        if (email.Length > 254 || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email)
            throw new DomainRuleException("contactEmail", "A valid contact email address is required.");
        return new OrganizationContact(name, phone, email);
    }
}
