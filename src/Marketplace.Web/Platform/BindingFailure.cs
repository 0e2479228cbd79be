using System.Text.Json;
using System.Text.RegularExpressions;

namespace Marketplace.Web.Platform;

/// <summary>
/// Minimal APIs refuse a query or route value they cannot convert (<c>pageSize=99999999999</c>, <c>owner=x'</c>) with a
/// <see cref="BadHttpRequestException"/> whose only structure is its message, e.g.
/// <c>Failed to bind parameter "Nullable&lt;int&gt; PageSize" from "99999999999".</c> The parameter's name is read from
/// it, so the problem names the field like every other 400.
/// </summary>
internal static partial class BindingFailure
{
    public static string? Field(BadHttpRequestException exception) =>
        Pattern().Match(exception.Message) is { Success: true } match ? JsonNamingPolicy.CamelCase.ConvertName(match.Groups["name"].Value) : null;

    [GeneratedRegex("""^(?:Failed to bind parameter|Required parameter) "(?:[^"]* )?(?<name>[^" ]+)" (?:from|was not provided)""")]
    private static partial Regex Pattern();
}
