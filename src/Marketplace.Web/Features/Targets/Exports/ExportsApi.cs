using System.Globalization;
using CsvHelper;
using Marketplace.Domain.Common;
using Marketplace.Web.Features.Accounts;
using Marketplace.Web.Features.Targets.Statistics;
using Microsoft.Extensions.Options;
using MiniExcelLibs;

namespace Marketplace.Web.Features.Targets.Exports;

/// <summary>
/// GET /api/exports/{kind}?format=csv|xlsx&amp;from=&amp;to= for the park office. Rows are written as the query
/// yields them: CSV straight to the response; xlsx (a zip whose sheet size is written last) through a temporary
/// file, so memory holds one batch of rows either way.
/// </summary>
public static class ExportsApi
{
    public static IEndpointRouteBuilder MapExports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/exports/{kind}", Export).WithTags("Targets").RequireAuthorization(Roles.ParkAdmin);
        return app;
    }

    private static async Task Export(string kind, string? format, DateOnly? from, DateOnly? to, ExportKinds kinds, IOptions<TargetOptions> options,
        HttpContext http, CancellationToken ct)
    {
        var (start, end) = StatisticsApi.PlanPeriod(from, to, options.Value);
        var table = kinds.Find(kind, start, end, ct)
                    ?? throw new DomainRuleException("kind", new Text("Unknown export '{0}'; choose one of {1}.", kind, string.Join(", ", ExportKinds.Names)));
        var name = $"{kind}-{start:yyyyMMdd}-{end:yyyyMMdd}";
        switch (format ?? "csv")
        {
            case "csv": await CsvAsync(table, name, http, ct); break;
            case "xlsx": await XlsxAsync(table, name, http, ct); break;
            default: throw new DomainRuleException("format", "Choose csv or xlsx.");
        }
    }

    private static async Task CsvAsync(ExportTable table, string name, HttpContext http, CancellationToken ct)
    {
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}.csv\"";
        // A byte order mark so that Excel opens the Chinese headers as UTF-8; formulas in text are escaped (CSV injection).
        await using var csv = CsvWriter.Create(http.Response.Body, new CsvWriterOptions { WriteByteOrderMark = true, Injection = CsvInjection.Escape }, true);
        foreach (var header in table.Headers) csv.WriteField(header);
        await csv.EndRecordAsync(ct);
        await foreach (var row in table.Rows.WithCancellation(ct))
        {
            foreach (var value in row) csv.WriteField(Text(value));
            await csv.EndRecordAsync(ct);
        }
        await csv.FlushAsync(ct);
    }

    private static async Task XlsxAsync(ExportTable table, string name, HttpContext http, CancellationToken ct)
    {
        var path = Path.GetTempFileName();
        try
        {
            // MiniExcel reads an IEnumerable; the blocking bridge runs off the request thread, one row at a time.
            await Task.Run(() =>
            {
                using var file = File.Create(path);
                file.SaveAs(table.Rows.ToBlockingEnumerable(ct).Select(row => Row(table.Headers, row)), sheetName: table.SheetName, excelType: ExcelType.XLSX);
            }, ct);
            http.Response.ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}.xlsx\"";
            await using var read = File.OpenRead(path);
            http.Response.ContentLength = read.Length;
            await read.CopyToAsync(http.Response.Body, ct);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static IDictionary<string, object?> Row(string[] headers, object?[] row)
    {
        var cells = new Dictionary<string, object?>(headers.Length);
        for (var i = 0; i < headers.Length; i++)
            cells[headers[i]] = row[i] is decimal or int or double or null ? row[i] : Text(row[i]);
        return cells;
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset t => BusinessCalendar.ToChinaTime(t).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
