using System.Text;
using Marketplace.Domain.Common;
using MiniExcelLibs;

namespace Marketplace.Web.Features.Patents.Import;

/// <summary>
/// Reads an uploaded CSV or XLSX into rows of cells. The type is decided by the bytes, not the file name: an XLSX
/// is a ZIP archive; a CSV must be text (UTF-8, or GB18030 as Chinese Excel saves it). Anything else — a binary
/// renamed .csv, say — is refused before it is parsed.
/// </summary>
public static class SpreadsheetReader
{
    public const long MaxBytes = 5 * 1024 * 1024;
    public const int MaxRows = 5000;
    /// <summary>What a workbook of <see cref="MaxRows"/> rows unpacks to, with room to spare (such a workbook is about 10 MB of XML).</summary>
    public const long MaxUnpackedBytes = 100 * 1024 * 1024;
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];

    static SpreadsheetReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static async Task<IReadOnlyList<string[]>> ReadAsync(Stream upload, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await CopyWithLimitAsync(upload, buffer, ct);
        var bytes = buffer.ToArray();
        if (bytes.Length == 0) throw new DomainRuleException("file", "The file is empty.");
        return bytes.AsSpan().StartsWith(ZipMagic)
            ? Read(Unpackable(bytes), ExcelType.XLSX, "The file is not a readable XLSX workbook.")
            : Read(Encoding.UTF8.GetBytes(DecodeText(bytes)), ExcelType.CSV, "The file is not a readable CSV file.");
    }

    private static async Task CopyWithLimitAsync(Stream source, Stream target, CancellationToken ct)
    {
        var chunk = new byte[81920];
        int read;
        while ((read = await source.ReadAsync(chunk, ct)) > 0)
        {
            if (target.Length + read > MaxBytes)
                throw new DomainRuleException("file", $"The file is larger than {MaxBytes / 1024 / 1024} MB.");
            target.Write(chunk, 0, read);
        }
    }

    /// <summary>
    /// A zip bomb (a few MB that unpack to gigabytes) is refused from the archive's directory, before the XML parser
    /// inflates anything: the sizes declared there are what a reader allocates for.
    /// </summary>
    private static byte[] Unpackable(byte[] bytes)
    {
        long unpacked;
        try
        {
            using var archive = new System.IO.Compression.ZipArchive(new MemoryStream(bytes), System.IO.Compression.ZipArchiveMode.Read);
            unpacked = archive.Entries.Sum(e => e.Length);
        }
        catch (InvalidDataException)
        {
            throw new DomainRuleException("file", "The file is not a readable XLSX workbook.");
        }
        if (unpacked > MaxUnpackedBytes)
            throw new DomainRuleException("file", $"The workbook unpacks to more than {MaxUnpackedBytes / 1024 / 1024} MB; it is not a spreadsheet this import reads.");
        return bytes;
    }

    private static IReadOnlyList<string[]> Read(byte[] bytes, ExcelType type, string unreadable)
    {
        try
        {
            using var stream = new MemoryStream(bytes);
            var rows = new List<string[]>();
            foreach (IDictionary<string, object?> row in stream.Query(useHeaderRow: false, excelType: type))
            {
                rows.Add(row.Values.Select(Cell).ToArray());
                if (rows.Count > MaxRows + 1) break;
            }
            return Trimmed(rows);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or System.Xml.XmlException or InvalidOperationException)
        {
            throw new DomainRuleException("file", unreadable);
        }
    }

    private static string Cell(object? value) => value switch
    {
        null => "",
        DateTime date => date.ToString("yyyy-MM-dd"),
        double number => number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString()?.Trim() ?? "",
    };

    private static string DecodeText(byte[] bytes)
    {
        if (Array.IndexOf(bytes, (byte)0) >= 0)
            throw new DomainRuleException("file", "The file is neither a CSV text file nor an XLSX workbook.");
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            try
            {
                return Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback).GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                throw new DomainRuleException("file", "The file is not text in UTF-8 or GB18030; save it as CSV (UTF-8) or XLSX.");
            }
        }
    }

    private static IReadOnlyList<string[]> Trimmed(List<string[]> rows)
    {
        rows.RemoveAll(r => r.All(string.IsNullOrWhiteSpace));
        if (rows.Count - 1 > MaxRows)
            throw new DomainRuleException("file", $"The file has more than {MaxRows} rows; split it into several files.");
        return rows;
    }
}
