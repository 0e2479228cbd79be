using System.Globalization;

namespace Marketplace.Domain.Common;

/// <summary>
/// Words a person will read, kept as an English composite-format template and its arguments rather than as a
/// finished sentence, so the web layer can say them in the reader's language: the template is the resource key
/// and the arguments are filled in afterwards. An argument may itself be a <see cref="Text"/> (a field's label)
/// or an enum value (shown by its display name). A plain string converts to a Text without arguments.
/// </summary>
public sealed class Text(string template, params object?[] args)
{
    public string Template { get; } = template;
    public IReadOnlyList<object?> Args { get; } = args;

    public static implicit operator Text(string template) => new(template);

    /// <summary>The English sentence, for logs and for clients that asked for English.</summary>
    public override string ToString() => Args.Count == 0
        ? Template
        : string.Format(CultureInfo.InvariantCulture, Template, Args.Select(a => a is Text t ? t.ToString() : a).ToArray());
}
