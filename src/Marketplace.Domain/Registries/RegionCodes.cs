namespace Marketplace.Domain.Registries;

/// <summary>
/// The province-level codes of GB/T 2260 (the first two digits of an administrative division code), which the
/// registries put in their numbers, plus the codes CNIPA's own office uses on records it makes itself (98, 99; e.g.
/// the pledge registration 2015990000410 as patent databases list it).
/// </summary>
internal static class RegionCodes
{
    private static readonly HashSet<int> Provinces =
    [
        11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
        50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82,
    ];

    public static bool IsProvince(int code) => Provinces.Contains(code);

    public static bool IsProvinceOrCnipa(int code) => Provinces.Contains(code) || code is 98 or 99;
}
