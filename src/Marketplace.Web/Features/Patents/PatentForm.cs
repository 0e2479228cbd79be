using Marketplace.Domain.Patents;
using Marketplace.Web.Features.Shared;

namespace Marketplace.Web.Features.Patents;

/// <summary>
/// A patent as the office types it on the page: lists (IPC codes, inventors) are one text each, split on line
/// breaks and the Chinese and Western separators. The same <see cref="PatentRequest"/> as the API is built from it,
/// so the form gets exactly the API's checks.
/// </summary>
public sealed class PatentForm
{
    public static readonly FormFields Fields = new("Input",
        "applicationNumber", "type", "publicationNumber", "titleZh", "titleEn", "abstractZh", "abstractEn", "ipcCodes",
        "mainIpc", "inventors", "filingDate", "grantDate", "legalStatus", "lapseReason", "feesPaidThrough");

    private static readonly char[] Separators = ['\n', '\r', ';', '；', ',', '，', '、'];

    public string? ApplicationNumber { get; set; }
    public PatentType Type { get; set; } = PatentType.Invention;
    public string? PublicationNumber { get; set; }
    public string? TitleZh { get; set; }
    public string? TitleEn { get; set; }
    public string? AbstractZh { get; set; }
    public string? AbstractEn { get; set; }
    public string? IpcCodes { get; set; }
    public string? MainIpc { get; set; }
    public string? Inventors { get; set; }
    public DateOnly? FilingDate { get; set; }
    public DateOnly? GrantDate { get; set; }
    public LegalStatus LegalStatus { get; set; } = LegalStatus.Valid;
    public string? LapseReason { get; set; }
    public DateOnly? FeesPaidThrough { get; set; }
    public uint? Version { get; set; }

    /// <param name="owners">Kept as they are when editing (co-owners are recorded through the API or the import).</param>
    public PatentRequest ToRequest(List<OwnerShareRequest>? owners) => new(
        ApplicationNumber ?? "", Type, PublicationNumber, TitleZh ?? "", TitleEn, AbstractZh ?? "", AbstractEn,
        Split(IpcCodes), MainIpc, Split(Inventors), owners, FilingDate, GrantDate, LegalStatus, LapseReason, FeesPaidThrough, Version);

    public static PatentForm From(Patent p) => new()
    {
        ApplicationNumber = p.ApplicationNumber, Type = p.Type, PublicationNumber = p.PublicationNumber, TitleZh = p.TitleZh,
        TitleEn = p.TitleEn, AbstractZh = p.AbstractZh, AbstractEn = p.AbstractEn, IpcCodes = string.Join("\n", p.IpcCodes),
        MainIpc = p.MainIpc, Inventors = string.Join("；", p.Inventors), FilingDate = p.FilingDate, GrantDate = p.GrantDate,
        LegalStatus = p.LegalStatus, LapseReason = p.LapseReason, FeesPaidThrough = p.FeesPaidThrough, Version = p.Version,
    };

    // IPC codes contain a space ("B63B 35/00"), so only line breaks and list separators split them.
    private static List<string> Split(string? text) =>
        (text ?? "").Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
