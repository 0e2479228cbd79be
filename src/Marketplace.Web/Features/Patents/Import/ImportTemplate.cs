using System.Text;
using MiniExcelLibs;

namespace Marketplace.Web.Features.Patents.Import;

/// <summary>The downloadable template: Chinese headers and one example row.</summary>
public static class ImportTemplate
{
    public static byte[] Xlsx()
    {
        var row = ImportColumns.Template.ToDictionary(t => t.Header, t => (object)t.Example);
        using var stream = new MemoryStream();
        stream.SaveAs(new[] { row });
        return stream.ToArray();
    }

    public static byte[] Csv()
    {
        static string Quote(string s) => s.Contains(',') || s.Contains('"') ? $"\"{s.Replace("\"", "\"\"")}\"" : s;
        var text = string.Join(",", ImportColumns.Template.Select(t => Quote(t.Header))) + "\r\n"
                   + string.Join(",", ImportColumns.Template.Select(t => Quote(t.Example))) + "\r\n";
        // A BOM, so that Excel opens the UTF-8 file with its Chinese headers intact.
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)];
    }
}
