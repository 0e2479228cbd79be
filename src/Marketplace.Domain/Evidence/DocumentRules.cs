using Marketplace.Domain.Common;

namespace Marketplace.Domain.Evidence;

/// <summary>
/// What a document of evidence may be: a PDF or an image (PNG, JPEG), recognised by its first bytes whatever it is
/// called, of at most 10 MB (a scanned certificate or statement is far smaller). The name a client gives is kept
/// only to show; the stored type is the one the content proved.
/// </summary>
public static class DocumentRules
{
    public const long MaxBytes = 10 * 1024 * 1024;

    /// <summary>How many leading bytes <see cref="Check"/> needs.</summary>
    public const int HeadLength = 8;

    private static readonly (string ContentType, string Extension, byte[] Magic)[] Kinds =
    [
        ("application/pdf", ".pdf", "%PDF-"u8.ToArray()),
        ("image/png", ".png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        ("image/jpeg", ".jpg", [0xFF, 0xD8, 0xFF]),
    ];

    /// <summary>The content type the bytes prove, and a safe name to show (the client's, or one made from the kind).</summary>
    public static (string ContentType, string FileName) Check(string? fileName, long size, ReadOnlySpan<byte> head, string field = "file")
    {
        if (size <= 0) throw new DomainRuleException(field, "The file is empty.");
        if (size > MaxBytes)
            throw new DomainRuleException(field, new Text("The file has {0:N0} bytes; a document may have at most {1} MB.", size, MaxBytes / 1024 / 1024));
        foreach (var (type, extension, magic) in Kinds)
        {
            if (!head.StartsWith(magic)) continue;
            // Only the last segment of the name is kept, whichever separator the client's system uses.
            var name = Path.GetFileName((fileName ?? "").Replace('\\', '/')).Trim();
            if (name.Length == 0 || name.Length > 200 || name.Any(char.IsControl)) name = "document" + extension;
            return (type, name);
        }
        throw new DomainRuleException(field, "The file is not a PDF, PNG or JPEG document by its content, whatever its name says.");
    }

    /// <summary>Which documents fit a record: a contract and CNIPA's notice for a deal, a statement for money, and so on.</summary>
    public static bool Fits(RecordKind record, DocumentKind document) => (record, document) switch
    {
        (RecordKind.Deal or RecordKind.ImportedContract, DocumentKind.ContractPdf or DocumentKind.CnipaRecordNotice) => true,
        (RecordKind.Payment or RecordKind.Tranche, DocumentKind.BankStatementLine) => true,
        (RecordKind.ImportedPledge, DocumentKind.PledgeCertificate or DocumentKind.BankStatementLine) => true,
        (RecordKind.Session, DocumentKind.AttendanceSheet) => true,
        _ => false,
    };
}
