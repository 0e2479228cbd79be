using Marketplace.Domain.Common;

namespace Marketplace.Domain.Registries;

/// <summary>
/// The registry numbers a counted record is traced by, checked as far as their published formats allow. None of
/// them carries a check character, so a typo in the serial cannot be caught; the year, the region and the shape can.
/// </summary>
public static class RegistryNumbers
{
    /// <summary>
    /// 技术合同登记号. The registration form of the Ministry of Science and Technology's model contracts (技术合同示范文本,
    /// 填写说明 "合同登记编号") sets it out as year, province code, city code, registration-point number and a 6-digit
    /// serial: 14 digits with a 2-digit year in the old form, 16 with a 4-digit year now (e.g. 2024371000000123 for
    /// Weihai, 3710). Registration follows the contract, so the year is not before the contract's, nor after today.
    /// </summary>
    public static string ContractRegistration(string? input, DateOnly contractDate, DateOnly today, string field = "registrationNumber")
    {
        var number = Digits(input);
        const string shape = "A technology-contract registration number (技术合同登记号) is 16 digits: year, province, city, registration point, serial (e.g. 2024371000000123).";
        if (number.Length is not (14 or 16) || !number.All(char.IsAsciiDigit)) throw new DomainRuleException(field, shape);
        var yearDigits = number.Length == 16 ? 4 : 2;
        var year = int.Parse(number[..yearDigits]);
        if (yearDigits == 2) year += year >= 85 ? 1900 : 2000;
        if (year < 1985 || year > today.Year)
            throw new DomainRuleException(field, new Text("The registration number's year {0} is not a year of registrations (1985 to this year).", year));
        if (year < contractDate.Year)
            throw new DomainRuleException(field, new Text("The registration number's year {0} is before the contract's ({1}); a contract is registered after it is signed.", year, contractDate.Year));
        var province = int.Parse(number.Substring(yearDigits, 2));
        if (!RegionCodes.IsProvince(province))
            throw new DomainRuleException(field, new Text("Digits {0}–{1} ({2:D2}) are not a province code (GB/T 2260).", yearDigits + 1, yearDigits + 2, province));
        if (number[^6..] == "000000") throw new DomainRuleException(field, "The registration number's serial (its last 6 digits) cannot be 000000.");
        return number;
    }

    /// <summary>
    /// CNIPA's licence-contract record number (专利实施许可合同备案号): year, region and a 7-digit serial, 13 digits (patent
    /// databases list them so, e.g. LICNO 2014510000101), written with an X before them on newer notices. Stored
    /// without the letter. The number is given when the record is made, so its year is the record date's.
    /// </summary>
    public static string LicenceRecord(string? input, DateOnly recordDate, string field = "recordNumber") =>
        Cnipa(input, 'X', recordDate, field,
            "A CNIPA licence-contract record number (备案号) is 13 digits: year, region, serial (e.g. X2024370000123 or 2024370000123).");

    /// <summary>
    /// CNIPA's patent pledge registration number (专利权质押登记号): year, region and a 7-digit serial, 13 digits (e.g.
    /// PLEDGENO 2015990000410 in patent databases), written with a Y before them on newer certificates. Stored with
    /// the Y. The number is given on registration, so its year is the registration's.
    /// </summary>
    public static string PledgeRegistration(string? input, DateOnly registeredOn, string field = "registrationNumber") =>
        "Y" + Cnipa(input, 'Y', registeredOn, field,
            "A CNIPA pledge registration number (质押登记号) is Y and 13 digits: year, region, serial (e.g. Y2024980001234).");

    private static string Cnipa(string? input, char letter, DateOnly on, string field, Text shape)
    {
        var number = Digits(input);
        if (number.Length > 0 && number[0] == letter) number = number[1..];
        if (number.Length != 13 || !number.All(char.IsAsciiDigit)) throw new DomainRuleException(field, shape);
        var year = int.Parse(number[..4]);
        if (year != on.Year)
            throw new DomainRuleException(field, new Text("The number's year {0} is not the year it was given ({1}).", year, on.Year));
        var region = int.Parse(number.Substring(4, 2));
        if (!RegionCodes.IsProvinceOrCnipa(region))
            throw new DomainRuleException(field, new Text("Digits 5–6 of the number ({0:D2}) are not a region code CNIPA uses.", region));
        if (number[^7..] == "0000000") throw new DomainRuleException(field, "The number's serial (its last 7 digits) cannot be 0000000.");
        return number;
    }

    /// <summary>Upper case without spaces, dashes or full-width forms, as numbers are copied from PDFs and forms.</summary>
    public static string Digits(string? input) =>
        new string((input ?? "").Select(HalfWidth).Where(c => !char.IsWhiteSpace(c) && c is not ('-' or '－')).Select(char.ToUpperInvariant).ToArray());

    // Full-width forms (U+FF01…U+FF5E), as Chinese input methods type them, are their ASCII counterparts moved by a fixed offset.
    private static char HalfWidth(char c) => c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c;
}
