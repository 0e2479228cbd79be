using System.Globalization;
using System.IO.Compression;
using System.Text;
using ExcelDataReader;
using Marketplace.Domain.Common;

namespace Marketplace.Web.Features.Patents.Import;

/// <summary>One sheet of an upload: its name and its non-empty rows of cell text (empty trailing cells trimmed),
/// each with its row number as the spreadsheet program shows it.</summary>
public sealed record Sheet(string Name, IReadOnlyList<SheetRow> Rows);

public sealed record SheetRow(int Number, string[] Cells);

/// <summary>What was uploaded: the format the bytes showed, the text encoding of a CSV, macros seen (never run).</summary>
public sealed record Workbook(string Format, string? Encoding, bool HasMacros, IReadOnlyList<Sheet> Sheets);

/// <summary>
/// Reads an uploaded XLSX, legacy XLS (BIFF, as CNIPA's search system and older tools export) or CSV into sheets of
/// cell text. The format is decided by the bytes, not the file name; a CSV is UTF-8 (with or without BOM) or, when
/// it is not valid UTF-8, GB18030 (what Chinese Excel saves). Formula cells give the value the workbook stored;
/// nothing is evaluated, and macros are never run. A renamed binary is refused before it is parsed.
/// </summary>
public static class SpreadsheetReader
{
    public const long MaxBytes = 5 * 1024 * 1024;
    public const int MaxRows = 5000;
    /// <summary>Rows above the header an export may have (a title, a query, a blank line).</summary>
    public const int MaxLeadingRows = 10;
    /// <summary>What a workbook of <see cref="MaxRows"/> rows unpacks to, with room to spare (such a workbook is about 10 MB of XML).</summary>
    public const long MaxUnpackedBytes = 100 * 1024 * 1024;
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] OleMagic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    // The BIFF code pages of legacy XLS (GBK is 936) and GB18030 come from this provider.
    static SpreadsheetReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static async Task<Workbook> ReadAsync(Stream upload, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await CopyWithLimitAsync(upload, buffer, ct);
        var bytes = buffer.ToArray();
        if (bytes.Length == 0) throw new DomainRuleException("file", "The file is empty.");
        if (bytes.AsSpan().StartsWith(ZipMagic))
            return new Workbook("XLSX", null, Unpackable(bytes), Read(bytes, csv: null, "The file is not a readable XLSX workbook."));
        if (bytes.AsSpan().StartsWith(OleMagic))
            return new Workbook("XLS", null, HasVbaStorage(bytes), Read(bytes, csv: null, "The file is not a readable XLS workbook."));
        var (text, encoding) = DecodeText(bytes);
        var utf8 = (byte[])[.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)];
        return new Workbook("CSV", encoding, false, Read(utf8, csv: Encoding.UTF8, "The file is not a readable CSV file."));
    }

    private static async Task CopyWithLimitAsync(Stream source, Stream target, CancellationToken ct)
    {
        var chunk = new byte[81920];
        int read;
        while ((read = await source.ReadAsync(chunk, ct)) > 0)
        {
            if (target.Length + read > MaxBytes)
                throw new DomainRuleException("file", new Text("The file is larger than {0} MB.", MaxBytes / 1024 / 1024));
            target.Write(chunk, 0, read);
        }
    }

    /// <summary>
    /// A zip bomb (a few MB that unpack to gigabytes) is refused from the archive's directory, before the XML parser
    /// inflates anything: the sizes declared there are what a reader allocates for. Returns whether it holds macros.
    /// </summary>
    private static bool Unpackable(byte[] bytes)
    {
        try
        {
            using var archive = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
            if (archive.Entries.Sum(e => e.Length) > MaxUnpackedBytes)
                throw new DomainRuleException("file", new Text("The workbook unpacks to more than {0} MB; it is not a spreadsheet this import reads.", MaxUnpackedBytes / 1024 / 1024));
            return archive.Entries.Any(e => e.FullName.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase));
        }
        catch (InvalidDataException)
        {
            throw new DomainRuleException("file", "The file is not a readable XLSX workbook.");
        }
    }

    // A BIFF workbook with macros has a _VBA_PROJECT stream, named in UTF-16 in the compound file's directory.
    private static bool HasVbaStorage(byte[] bytes) => bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes("_VBA_PROJECT")) >= 0;

    private static IReadOnlyList<Sheet> Read(byte[] bytes, Encoding? csv, Text unreadable)
    {
        try
        {
            using var stream = new MemoryStream(bytes);
            using var reader = csv is null
                ? ExcelReaderFactory.CreateReader(stream)
                : ExcelReaderFactory.CreateCsvReader(stream, new ExcelReaderConfiguration
                {
                    FallbackEncoding = csv, AutodetectSeparators = [',', '\t', ';', '|'],
                });
            var sheets = new List<Sheet>();
            do
            {
                var rows = new List<SheetRow>();
                var number = 0;
                while (reader.Read())
                {
                    number++;
                    var cells = new string[reader.FieldCount];
                    for (var i = 0; i < cells.Length; i++) cells[i] = Cell(reader.GetValue(i));
                    if (cells.All(string.IsNullOrWhiteSpace)) continue;
                    rows.Add(new SheetRow(number, Trimmed(cells)));
                    if (rows.Count > MaxRows + MaxLeadingRows + 1) break;
                }
                sheets.Add(new Sheet(reader.Name ?? "", rows));
            } while (reader.NextResult());
            return sheets;
        }
        catch (Exception e) when (e is not DomainRuleException and not OutOfMemoryException)
        {
            // ExcelDataReader throws its own header and format exceptions for a damaged or disguised file.
            throw new DomainRuleException("file", unreadable);
        }
    }

    private static string[] Trimmed(string[] cells)
    {
        var length = cells.Length;
        while (length > 0 && string.IsNullOrWhiteSpace(cells[length - 1])) length--;
        return length == cells.Length ? cells : cells[..length];
    }

    private static string Cell(object? value) => value switch
    {
        null => "",
        DateTime date => date.TimeOfDay == TimeSpan.Zero ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : date.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        double number => number.ToString(CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim() ?? "",
    };

    /// <summary>UTF-8 when the bytes are valid UTF-8 (BOM or not); otherwise GB18030, which decodes any byte
    /// sequence GBK or GB2312 produce. Text with NUL bytes is a binary file.</summary>
    private static (string Text, string Encoding) DecodeText(byte[] bytes)
    {
        if (Array.IndexOf(bytes, (byte)0) >= 0)
            throw new DomainRuleException("file", "The file is neither a CSV text file nor an XLSX or XLS workbook.");
        try
        {
            var bom = bytes.AsSpan().StartsWith(Encoding.UTF8.GetPreamble());
            return (new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF'), bom ? "UTF-8 (BOM)" : "UTF-8");
        }
        catch (DecoderFallbackException)
        {
            try
            {
                return (Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback).GetString(bytes), "GB18030");
            }
            catch (DecoderFallbackException)
            {
                throw new DomainRuleException("file", "The file is not text in UTF-8 or GB18030; save it as CSV (UTF-8) or XLSX.");
            }
        }
    }
}
