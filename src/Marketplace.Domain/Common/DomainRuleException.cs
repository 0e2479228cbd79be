namespace Marketplace.Domain.Common;

/// <summary>
/// A business rule refused an input or a transition. <see cref="Field"/> names the offending input so the API
/// can answer with a ProblemDetails that points at it; <see cref="IsConflict"/> marks refusals caused by the
/// current state (answered 409) rather than by the input itself (answered 400).
/// </summary>
public class DomainRuleException(string field, string message, bool isConflict = false) : Exception(message)
{
    public string Field { get; } = field;
    public bool IsConflict { get; } = isConflict;
}
