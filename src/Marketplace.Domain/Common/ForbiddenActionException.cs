namespace Marketplace.Domain.Common;

/// <summary>
/// The caller may see the object but this rule forbids them this action (a party accepting its own offer, an
/// officer approving what they recommended). Answered with 403, naming the field the rule is about.
/// </summary>
public sealed class ForbiddenActionException(string field, Text text) : Exception(text.ToString())
{
    public string Field { get; } = field;
    public Text Text { get; } = text;
}
