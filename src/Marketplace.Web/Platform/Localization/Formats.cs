using System.Globalization;
using Marketplace.Domain.Common;

namespace Marketplace.Web.Platform.Localization;

/// <summary>Amounts and dates as each language writes them: ¥1,234.56 and 2026年11月25日 in Chinese,
/// CNY 1,234.56 and 25 Nov 2026 in English. Dates are shown in China Standard Time.</summary>
public static class Formats
{
    public static string Cny(decimal amount, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentCulture;
        var number = decimal.Round(amount, 2, MidpointRounding.AwayFromZero).ToString("N2", culture);
        return culture.TwoLetterISOLanguageName == "zh" ? $"¥{number}" : $"CNY {number}";
    }

    public static string Date(DateTimeOffset instant, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentCulture;
        var china = BusinessCalendar.ToChinaTime(instant);
        return culture.TwoLetterISOLanguageName == "zh"
            ? china.ToString("yyyy年M月d日", culture)
            : china.ToString("d MMM yyyy", culture);
    }

    public static string DateTime(DateTimeOffset instant, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentCulture;
        var china = BusinessCalendar.ToChinaTime(instant);
        return $"{Date(instant, culture)} {china:HH:mm}";
    }
}
