using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Web.Tests.Hostile;

/// <summary>Oversized bodies, file names that try to leave their folder, and a zip bomb wearing an .xlsx name.</summary>
public sealed class UploadTests(WebApp app) : AppTest(app)
{
    private const int ThirtyOneMegabytes = 31 * 1024 * 1024;
    private const string Written =
        "SELECT (SELECT count(*) FROM listings) + (SELECT count(*) FROM inquiry_messages) + (SELECT count(*) FROM patents) + (SELECT count(*) FROM organizations)";

    /// <summary>
    /// The body limit is Kestrel's (30,000,000 bytes unless an endpoint sets its own), and the in-memory test server
    /// has none, so these requests go to the app on real Kestrel on a loopback port.
    /// </summary>
    [Theory]
    [InlineData("/api/listings", "json")]
    [InlineData("/api/inquiries/{inquiry}/messages", "multipart")]
    [InlineData("/api/patents/import", "multipart")]
    [InlineData("/api/organizations", "json")]
    public async Task A_31_MB_body_is_413_and_writes_nothing(string url, string kind)
    {
        var w = await new HostileWorld(App).BuildAsync(everything: false);
        await using var kestrel = App.Variant(b => b.UseSetting("urls", "http://127.0.0.1:0"));
        kestrel.UseKestrel();
        kestrel.StartServer();
        var address = new Uri(kestrel.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        // Like curl and browsers with a large body, the client asks first (Expect: 100-continue); the server can then
        // refuse from Content-Length alone and the refusal is read instead of a reset connection.
        using var client = new HttpClient { BaseAddress = address, DefaultRequestHeaders = { ExpectContinue = true } };
        var login = await client.PostAsJsonAsync("/api/auth/login", new { email = w.Market.OfficeUser.Email, password = w.Market.OfficeUser.Password });
        client.DefaultRequestHeaders.Authorization = new("Bearer", (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
        var before = await App.Database.CountAsync(Written);

        var response = await client.PostAsync(w.Resolve(url), kind == "json" ? ThirtyOneMegabytesOfJson() : ThirtyOneMegabytesOfForm());

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await ProblemAsync(response);
        Assert.Equal(before, await App.Database.CountAsync(Written));
    }

    private static ByteArrayContent ThirtyOneMegabytesOfJson() =>
        new(Encoding.UTF8.GetBytes("{\"description\":\"" + new string('x', ThirtyOneMegabytes) + "\"}"))
        {
            Headers = { ContentType = new MediaTypeHeaderValue("application/json") },
        };

    private static MultipartFormDataContent ThirtyOneMegabytesOfForm() => new()
    {
        { new StringContent("大文件"), "body" },
        { new ByteArrayContent(new byte[ThirtyOneMegabytes]), "file", "big.csv" },
    };

    [Theory]
    [InlineData("../../etc/passwd.pdf")]
    [InlineData("..\\..\\Windows\\win.ini.pdf")]
    [InlineData("/var/lib/postgresql/contract.pdf")]
    [InlineData("C:\\Users\\Public\\contract.pdf")]
    [InlineData("....//....//contract.pdf")]
    public async Task Path_traversal_in_an_attachment_name_keeps_only_the_last_segment(string fileName)
    {
        var w = await new HostileWorld(App).BuildAsync(everything: false);
        var response = await w.Market.Enterprise.PostAsync($"/api/inquiries/{w.InquiryId}/messages", HostileWorld.Attachment("附件", fileName));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var attachment = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("attachment");
        var name = attachment.GetProperty("name").GetString()!;
        Assert.DoesNotContain("/", name);
        Assert.DoesNotContain("\\", name);
        Assert.DoesNotContain("..", name);
        Assert.EndsWith(".pdf", name);
        // The stored name is the server's own, never the client's.
        Assert.Matches("/attachments/[0-9a-f]{32}$", attachment.GetProperty("url").GetString()!);
    }

    [Theory]
    [InlineData("..%2F..%2F..%2Fetc%2Fpasswd")]
    [InlineData("%2e%2e%5c%2e%2e%5cweb.config")]
    public async Task Path_traversal_in_an_attachment_url_is_404(string storedName)
    {
        var w = await new HostileWorld(App).BuildAsync(everything: false);
        var response = await w.Market.Enterprise.GetAsync($"/api/inquiries/{w.InquiryId}/attachments/{storedName}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Path_traversal_in_an_import_file_name_is_ignored_and_the_file_imports()
    {
        var w = await new HostileWorld(App).BuildAsync(everything: false);
        var csv = Encoding.UTF8.GetBytes(PatentSamples.CsvHeader + "\r\n" + PatentSamples.CsvRow(40) + "\r\n");
        var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(csv) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } }, "file", "../../../../etc/cron.d/patents.csv");
        var response = await w.Market.Office.PostAsync("/api/patents/import", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, await App.Database.CountAsync($"SELECT count(*) FROM patents WHERE application_number = '{PatentSamples.Number(40)}'"));
    }

    /// <summary>An XLSX is a ZIP: this one is a few hundred KB holding a worksheet that inflates to 1 GB.</summary>
    private static byte[] ZipBomb()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Text(string name, string text)
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(Encoding.UTF8.GetBytes(text));
            }
            Text("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
            Text("xl/workbook.xml", "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"/>");
            using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var spaces = new byte[1024 * 1024];
            Array.Fill(spaces, (byte)' ');
            for (var i = 0; i < 1024; i++) sheet.Write(spaces);
        }
        return buffer.ToArray();
    }

    [Fact]
    public async Task A_zip_bomb_named_xlsx_is_400_naming_the_file_and_writes_nothing()
    {
        var w = await new HostileWorld(App).BuildAsync(everything: false);
        var bomb = ZipBomb();
        Assert.True(bomb.Length < 5 * 1024 * 1024, $"{bomb.Length} bytes");
        var patents = await App.Database.CountAsync("SELECT count(*) FROM patents");
        var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(bomb)
        {
            Headers = { ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") },
        }, "file", "patents.xlsx");

        var response = await w.Market.Office.PostAsync("/api/patents/import", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("unpacks to more than", await FieldErrorAsync(response, "file"));
        Assert.Equal(patents, await App.Database.CountAsync("SELECT count(*) FROM patents"));
    }
}
