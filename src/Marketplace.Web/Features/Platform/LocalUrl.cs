namespace Marketplace.Web.Features.Platform;

/// <summary>
/// Where a return address may send the browser: a path on this site. The same test as the framework's
/// <c>IsLocalUrl</c> (which <c>LocalRedirect</c> enforces by throwing), so a hostile <c>/\evil.example</c> or
/// <c>//evil.example</c> falls back to a safe page instead of failing the request.
/// </summary>
public static class LocalUrl
{
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.AsSpan(1).ContainsAny(ControlCharacters);

    private static readonly System.Buffers.SearchValues<char> ControlCharacters =
        System.Buffers.SearchValues.Create(Enumerable.Range(0, 0x10000).Select(c => (char)c).Where(char.IsControl).ToArray());

    public static string OrDefault(string? url, string fallback) => IsLocal(url) ? url! : fallback;
}
