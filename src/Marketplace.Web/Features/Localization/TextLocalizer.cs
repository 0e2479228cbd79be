using System.Globalization;
using Marketplace.Domain.Common;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Features.Localization;

/// <summary>
/// Says a <see cref="Text"/> in the current UI culture: the template is looked up in the resources, its
/// arguments are localized in turn (a nested Text, an enum's display name) and then filled in. Enum values are
/// keyed "Type.Value" (e.g. "PatentType.UtilityModel"), with the English in SharedResource.resx and the
/// Chinese in SharedResource.zh-CN.resx, so no internal name reaches a reader.
/// </summary>
public static class TextLocalizer
{
    public static string Say(this IStringLocalizer t, Text text)
    {
        if (text.Args.Count == 0) return t[text.Template];
        var args = text.Args.Select(a => a switch
        {
            Text nested => t.Say(nested),
            Enum value => t.Display(value),
            _ => a,
        }).ToArray();
        return t[text.Template, args!];
    }

    /// <summary>An enum value's display name in the current UI culture.</summary>
    public static string Display(this IStringLocalizer t, Enum value)
    {
        var key = $"{value.GetType().Name}.{value}";
        var found = t[key];
        // A value without an entry (the resource completeness test fails on it) shows its name, never "Type.Value".
        return found.ResourceNotFound ? value.ToString() : found;
    }

    /// <summary>The display name of an enum value that arrives as its name (a search facet, a stored state).</summary>
    public static string Display<TEnum>(this IStringLocalizer t, string? name) where TEnum : struct, Enum =>
        Enum.TryParse<TEnum>(name, out var value) ? t.Display(value) : name ?? "";

    /// <summary>Runs <paramref name="say"/> with <paramref name="culture"/> as the UI culture: for words made outside a
    /// request (a notice to people who read other languages), where the request's own culture does not apply.</summary>
    public static T In<T>(CultureInfo culture, Func<T> say)
    {
        var (ui, formats) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        CultureInfo.CurrentUICulture = culture;
        CultureInfo.CurrentCulture = culture;
        try { return say(); }
        finally { (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, formats); }
    }
}
