namespace Marketplace.Domain.Common;

/// <summary>
/// A business rule refused an input or a transition. <see cref="Field"/> names the offending input so the API
/// can answer with a ProblemDetails that points at it; <see cref="IsConflict"/> marks refusals caused by the
/// current state (answered 409) rather than by the input itself (answered 400). <see cref="Text"/> is the
/// message as a template and arguments, said in the reader's language by the web layer.
/// </summary>
public class DomainRuleException(string field, Text text, bool isConflict = false) : Exception(text.ToString())
{
    public string Field { get; } = field;
    public bool IsConflict { get; } = isConflict;
    public Text Text { get; } = text;
}
