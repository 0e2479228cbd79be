using Marketplace.Domain.Common;
using Marketplace.Domain.Patents;

namespace Marketplace.Domain.Negotiations;

/// <summary>
/// What a negotiation room accepts as an attachment: documents and pictures, judged by their first bytes, not by
/// the name or the type the browser claims — an executable renamed to .pdf is refused as disguised.
/// </summary>
public static class AttachmentRules
{
    public const long MaxBytes = 10 * 1024 * 1024;

    private static readonly (string ContentType, string[] Extensions, byte[] Magic)[] Kinds =
    [
        ("application/pdf", [".pdf"], "%PDF-"u8.ToArray()),
        ("image/png", [".png"], [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        ("image/jpeg", [".jpg", ".jpeg"], [0xFF, 0xD8, 0xFF]),
        // Office Open XML files are zip archives.
        ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", [".docx"], [0x50, 0x4B, 0x03, 0x04]),
        ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [".xlsx"], [0x50, 0x4B, 0x03, 0x04]),
    ];

    /// <summary>The validated file name and content type, from what the client said and the file's first bytes.</summary>
    public static (string FileName, string ContentType) Check(string? fileName, string? declaredType, long size, ReadOnlySpan<byte> head)
    {
        // Only the last segment is kept, whichever separator the client's system uses: Path.GetFileName on Linux
        // splits at '/' only, and would keep "..\\..\\win.ini" whole.
        var name = TextRules.Required(Path.GetFileName((fileName ?? "").Replace('\\', '/')), "attachment", "File name", 200);
        if (size <= 0) throw new DomainRuleException("attachment", "The file is empty.");
        if (size > MaxBytes) throw new DomainRuleException("attachment", new Text("The file has {0:N0} bytes; at most {1} MB are allowed.", size, MaxBytes / 1024 / 1024));
        var extension = Path.GetExtension(name).ToLowerInvariant();
        var kind = Kinds.FirstOrDefault(k => k.Extensions.Contains(extension));
        if (kind.ContentType is null)
            throw new DomainRuleException("attachment", "Attach a PDF, PNG, JPEG, Word (.docx) or Excel (.xlsx) file.");
        if (declaredType is { Length: > 0 } declared && !string.Equals(declared, kind.ContentType, StringComparison.OrdinalIgnoreCase)
            && declared != "application/octet-stream")
            throw new DomainRuleException("attachment", new Text("The file is named {0} but was sent as {1}.", extension, declared));
        if (!head.StartsWith(kind.Magic))
            throw new DomainRuleException("attachment", new Text("The file's content is not a {0} file; it may be disguised.", extension));
        return (name, kind.ContentType);
    }

    /// <summary>How many leading bytes <see cref="Check"/> needs.</summary>
    public const int HeadLength = 8;
}
