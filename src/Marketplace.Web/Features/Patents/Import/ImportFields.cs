namespace Marketplace.Web.Features.Patents.Import;

/// <summary>Translates between the API's field names (which domain rules report) and spreadsheet columns.</summary>
public static class ImportFields
{
    private static readonly (string Prefix, ImportColumn Column)[] Map =
    [
        ("applicationNumber", ImportColumn.ApplicationNumber), ("type", ImportColumn.Type),
        ("publicationNumber", ImportColumn.PublicationNumber), ("titleZh", ImportColumn.Title), ("titleEn", ImportColumn.TitleEn),
        ("abstractZh", ImportColumn.Abstract), ("abstractEn", ImportColumn.AbstractEn), ("ipcCodes", ImportColumn.IpcCodes),
        ("mainIpc", ImportColumn.MainIpc), ("inventors", ImportColumn.Inventors), ("owners", ImportColumn.Owners),
        ("filingDate", ImportColumn.FilingDate), ("grantDate", ImportColumn.GrantDate), ("legalStatus", ImportColumn.LegalStatus),
        ("lapseReason", ImportColumn.LapseReason), ("feesPaidThrough", ImportColumn.FeesPaidThrough),
        ("licence.kind", ImportColumn.LicenceKind), ("licence.territory", ImportColumn.LicenceTerritory),
        ("licence.termMonths", ImportColumn.LicenceTermMonths), ("licence.lumpSum", ImportColumn.LicenceLumpSum),
        ("licence.royaltyRatePercent", ImportColumn.RoyaltyRate), ("licence", ImportColumn.LicenceLumpSum),
        ("openLicence.annualFee", ImportColumn.OpenLicenceAnnualFee), ("openLicence.royaltyRatePercent", ImportColumn.RoyaltyRate),
        ("openLicence.feeStandard", ImportColumn.OpenLicenceFeeStandard), ("openLicence.paymentMethod", ImportColumn.OpenLicencePaymentMethod),
        ("openLicence.evaluationReportNoted", ImportColumn.EvaluationReport), ("openLicence", ImportColumn.OpenLicenceAnnualFee),
        ("equity.valuation", ImportColumn.EquityValuation), ("equity.expectedSharePercent", ImportColumn.EquitySharePercent),
        ("equity", ImportColumn.EquityValuation), ("transfer", ImportColumn.TransferPrice),
        ("modes", ImportColumn.Modes), ("description", ImportColumn.Description), ("patentId", ImportColumn.LegalStatus),
        ("locarnoClass", ImportColumn.LocarnoClass), ("filingYear", ImportColumn.FilingYear), ("publicationDate", ImportColumn.PublicationDate),
        ("legalEvents", ImportColumn.LegalEvents), ("date", ImportColumn.StatusDate), ("termCompensationDays", ImportColumn.TermCompensationDays),
    ];

    public static string FieldOf(ImportColumn column) => Map.First(m => m.Column == column).Prefix;

    /// <summary>The column a field's error belongs to, or null for a field of no column (the whole file).</summary>
    public static ImportColumn? ColumnFor(string field)
    {
        foreach (var (prefix, column) in Map)
            if (field == prefix || field.StartsWith(prefix + ".", StringComparison.Ordinal) || field.StartsWith(prefix + "[", StringComparison.Ordinal))
                return column;
        return null;
    }
}
