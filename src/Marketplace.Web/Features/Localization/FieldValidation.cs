using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Features.Localization;

/// <summary>
/// [Required] that names the field by its label and says so in the reader's language: "中文标题为必填项。" rather
/// than "The TitleZh field is required.". Both the API's validation and Razor Pages' model binding call
/// <see cref="IsValid(object?, ValidationContext)"/> with the request's services, and request localization has set
/// the culture by then, so the message is localized where it is made.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class RequiredFieldAttribute(string label) : RequiredAttribute
{
    public const string Template = "{0} is required.";

    /// <summary>The field's label as the form shows it (an English resource key, e.g. "Chinese title").</summary>
    public string Label { get; } = label;

    protected override ValidationResult? IsValid(object? value, ValidationContext context) =>
        IsValid(value) ? ValidationResult.Success : FieldMessage.Refuse(context, Template, Label);
}

/// <summary>[StringLength] with a labelled, localized message: "联系人最多 100 个字符。".</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class MaxCharactersAttribute(int maximum, string label) : StringLengthAttribute(maximum)
{
    public const string Template = "{0} has at most {1} characters.";

    public string Label { get; } = label;

    protected override ValidationResult? IsValid(object? value, ValidationContext context) =>
        IsValid(value) ? ValidationResult.Success : FieldMessage.Refuse(context, Template, Label, MaximumLength);
}

/// <summary>[EmailAddress] with a labelled, localized message.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class EmailFieldAttribute(string label) : ValidationAttribute
{
    public const string Template = "{0}: enter a valid email address.";

    private static readonly EmailAddressAttribute Email = new();

    public string Label { get; } = label;

    protected override ValidationResult? IsValid(object? value, ValidationContext context) =>
        Email.IsValid(value) ? ValidationResult.Success : FieldMessage.Refuse(context, Template, Label);
}

internal static class FieldMessage
{
    public static ValidationResult Refuse(ValidationContext context, string template, string label, params object[] more)
    {
        var members = context.MemberName is { } member ? new[] { member } : null;
        if (context.GetService(typeof(IStringLocalizer<SharedResource>)) is not IStringLocalizer t)
            return new ValidationResult(string.Format(template, [label, .. more]), members);
        return new ValidationResult(t[template, [t[label].Value, .. more]], members);
    }
}
