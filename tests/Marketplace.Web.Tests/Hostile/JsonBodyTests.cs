using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marketplace.Web.Tests.Matchmaking;

namespace Marketplace.Web.Tests.Hostile;

/// <summary>
/// Broken and hostile JSON bodies. Each row: where it is sent, the table that must not change, what is sent (a
/// valid body with one part spoiled), and the status and field the problem must name.
/// </summary>
public sealed class JsonBodyTests(WebApp app) : AppTest(app)
{
    private const string Nul = "\\u0000";
    private static readonly string TenThousand = new('长', 10_000);

    /// <summary>A valid body for each endpoint, as a JSON tree a row can spoil.</summary>
    private static JsonObject Valid(string endpoint, HostileWorld w) => (JsonObject)JsonNode.Parse(HostileWorld.Serialize(endpoint switch
    {
        "listing" => new { patentId = w.PatentId, terms = PatentSamples.Licence() },
        "patent" => PatentSamples.Patent(9),
        "need" => Market.Need(),
        "message" => new { body = "您好" },
        "organization" => new
        {
            nameZh = "威海某某科技有限公司", type = "Enterprise", creditCode = "914403001922038216", contactName = "李", contactPhone = "0631-5800001",
            contactEmail = "m@example.cn", email = "hostile@example.cn", displayName = "李", password = "correct horse battery staple",
        },
        "contact" => new { contactName = "王", contactPhone = "0631-5800000", contactEmail = "w@example.cn" },
        _ => throw new ArgumentOutOfRangeException(nameof(endpoint)),
    }))!;

    private static (HttpMethod Method, string Url, string Table) Target(string endpoint, HostileWorld w) => endpoint switch
    {
        "listing" => (HttpMethod.Post, "/api/listings", "listings"),
        "patent" => (HttpMethod.Post, "/api/patents", "patents"),
        "need" => (HttpMethod.Post, "/api/needs", "technology_needs"),
        "message" => (HttpMethod.Post, $"/api/inquiries/{w.InquiryId}/messages", "inquiry_messages"),
        "organization" => (HttpMethod.Post, "/api/organizations", "organizations"),
        "contact" => (HttpMethod.Put, $"/api/organizations/{w.Market.OfficeUser.OrganizationId}/contact", "audit_log"),
        _ => throw new ArgumentOutOfRangeException(nameof(endpoint)),
    };

    private static HttpClient Caller(string endpoint, HostileWorld w, WebApp app) => endpoint switch
    {
        "need" => w.Market.Enterprise,
        "organization" => app.CreateClient(),
        _ => w.Market.Office,
    };

    /// <summary>Sets <paramref name="path"/> ("details.title") to a raw JSON fragment, so escapes such as \u0000 reach the server as sent.</summary>
    private static string Spoil(JsonObject body, string path, string rawValue)
    {
        const string marker = "\"@@spoiled@@\"";
        var parts = path.Split('.');
        var node = body;
        foreach (var part in parts[..^1]) node = (JsonObject)node[part]!;
        node[parts[^1]] = "@@spoiled@@";
        return body.ToJsonString().Replace(marker, rawValue);
    }

    private async Task<HttpResponseMessage> SendAsync(string endpoint, HostileWorld w, HttpContent content)
    {
        var (method, url, _) = Target(endpoint, w);
        return await Caller(endpoint, w, App).SendAsync(new HttpRequestMessage(method, url) { Content = content });
    }

    private async Task AssertRefusedAndNothingWrittenAsync(string endpoint, HostileWorld w, HttpContent content, HttpStatusCode status, string? field)
    {
        var table = Target(endpoint, w).Table;
        var before = await App.Database.CountAsync($"SELECT count(*) FROM {table}");
        var response = await SendAsync(endpoint, w, content);
        Assert.Equal(status, response.StatusCode);
        if (field is null) await ProblemAsync(response);
        else await FieldErrorAsync(response, field);
        Assert.Equal(before, await App.Database.CountAsync($"SELECT count(*) FROM {table}"));
    }

    [Theory]
    [InlineData("listing", "{\"patentId\": ", "patentId")]
    [InlineData("organization", "this is not json", "body")]
    [InlineData("need", "{\"details\": {\"title\": \"导航\", }}", "details")]
    [InlineData("message", "{\"body\": \"unterminated}", "body")]
    public async Task Malformed_json_is_400_naming_where_reading_stopped(string endpoint, string json, string field)
    {
        var w = await new HostileWorld(App).BuildAsync(everything: false);
        await AssertRefusedAndNothingWrittenAsync(endpoint, w, HostileWorld.RawJson(json), HttpStatusCode.BadRequest, field);
    }

    [Theory]
    [InlineData("listing", "description")]
    [InlineData("need", "details.title")]
    [InlineData("organization", "nameZh")]
    public async Task Duplicate_json_keys_are_400_not_last_wins(string endpoint, string field)
    {
        var w = await new HostileWorld(App).BuildAsync(everything: false);
        var body = Spoil(Valid(endpoint, w), field, "\"第一个\"");
        var name = field.Split('.')[^1];
        var twice = body.Replace($"\"{name}\":\"第一个\"", $"\"{name}\":\"第一个\",\"{name}\":\"第二个\"");
        await AssertRefusedAndNothingWrittenAsync(endpoint, w, HostileWorld.RawJson(twice), HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Duplicate_keys_in_a_login_are_400_naming_the_key()
    {
        var response = await App.CreateClient().PostAsync("/api/auth/login",
            HostileWorld.RawJson("{\"email\":\"a@example.cn\",\"email\":\"b@example.cn\",\"password\":\"whatever password\"}"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await FieldErrorAsync(response, "email");
    }

    [Theory]
    [InlineData("listing", "text/plain")]
    [InlineData("need", "application/x-www-form-urlencoded")]
    [InlineData("patent", "application/xml")]
    public async Task A_json_body_under_another_content_type_is_415(string endpoint, string contentType)
    {
        var w = await new HostileWorld(App).BuildAsync(everything: false);
        var content = new StringContent(Valid(endpoint, w).ToJsonString(), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        await AssertRefusedAndNothingWrittenAsync(endpoint, w, content, HttpStatusCode.UnsupportedMediaType, null);
    }

    [Theory]
    [InlineData("organization", "nameZh")]
    [InlineData("listing", "description")]
    [InlineData("patent", "titleZh")]
    [InlineData("need", "details.title")]
    [InlineData("message", "body")]
    [InlineData("contact", "contactName")]
    public async Task A_nul_character_in_text_is_400_naming_the_field(string endpoint, string field)
    {
        var w = await new HostileWorld(App).BuildAsync(everything: false);
        var body = Spoil(Valid(endpoint, w), field, $"\"before{Nul}after\"");
        await AssertRefusedAndNothingWrittenAsync(endpoint, w, HostileWorld.RawJson(body), HttpStatusCode.BadRequest, field);
    }

    [Theory]
    [InlineData("listing", "description", "\"a\\ud800b\"")]
    [InlineData("need", "details.description", "\"\\udc00 alone\"")]
    [InlineData("organization", "contactName", "\"\\ud83d\"")]
    public async Task A_lone_surrogate_in_text_is_400_naming_the_field(string endpoint, string field, string value)
    {
        var w = await new HostileWorld(App).BuildAsync(everything: false);
        var body = Spoil(Valid(endpoint, w), field, value);
        await AssertRefusedAndNothingWrittenAsync(endpoint, w, HostileWorld.RawJson(body), HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task A_lone_surrogate_as_raw_utf8_bytes_is_400_naming_the_field()
    {
        var w = await new HostileWorld(App).BuildAsync(everything: false);
        var body = Spoil(Valid("patent", w), "titleZh", "\"@@bytes@@\"").Split("@@bytes@@");
        // ED A0 80 is U+D800 written as if it were a character: not valid UTF-8.
        var bytes = Encoding.UTF8.GetBytes(body[0]).Concat(new byte[] { 0xED, 0xA0, 0x80 }).Concat(Encoding.UTF8.GetBytes(body[1])).ToArray();
        var content = new ByteArrayContent(bytes) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
        await AssertRefusedAndNothingWrittenAsync("patent", w, content, HttpStatusCode.BadRequest, "titleZh");
    }

    [Theory]
    [InlineData("listing", "description")]
    [InlineData("patent", "titleZh")]
    [InlineData("patent", "abstractZh")]
    [InlineData("need", "details.description", "description")]
    [InlineData("message", "body")]
    [InlineData("organization", "nameZh")]
    [InlineData("contact", "contactName")]
    public async Task Ten_thousand_characters_are_400_naming_the_field(string endpoint, string field, string? named = null)
    {
        // A need's rules name fields inside "details" without the prefix, as listing terms do ("licence.lumpSum").
        var w = await new HostileWorld(App).BuildAsync(everything: false);
        var body = Spoil(Valid(endpoint, w), field, JsonSerializer.Serialize(TenThousand));
        await AssertRefusedAndNothingWrittenAsync(endpoint, w, HostileWorld.RawJson(body), HttpStatusCode.BadRequest, named ?? field);
    }

    [Theory]
    [InlineData("terms.licence.termMonths", "99999999999", "terms.licence.termMonths")]
    [InlineData("terms.licence.lumpSum", "1e400", "terms.licence.lumpSum")]
    [InlineData("terms.licence.lumpSum", "-0.01", "licence.lumpSum")]
    [InlineData("terms.licence.lumpSum", "100000000000000", "licence.lumpSum")]
    [InlineData("terms.licence.royaltyRatePercent", "100.5", "licence.royaltyRatePercent")]
    [InlineData("terms.licence.lumpSum", "100.123", "licence.lumpSum")]
    [InlineData("terms.licence.lumpSum", "0.001", "licence.lumpSum")]
    [InlineData("terms.licence.termMonths", "12.5", "terms.licence.termMonths")]
    [InlineData("terms.licence.lumpSum", "\"NaN\"", "terms.licence.lumpSum")]
    public async Task Numbers_out_of_range_or_with_too_many_decimals_are_400(string path, string value, string field)
    {
        var w = await new HostileWorld(App).BuildAsync(everything: false);
        var body = Spoil(Valid("listing", w), path, value);
        await AssertRefusedAndNothingWrittenAsync("listing", w, HostileWorld.RawJson(body), HttpStatusCode.BadRequest, field);
    }

    [Theory]
    [InlineData("requestedAmount", "1000000.001", "requestedAmount")]
    [InlineData("requestedAmount", "-5", "requestedAmount")]
    [InlineData("termMonths", "2147483648", "termMonths")]
    public async Task Pledge_amounts_out_of_range_or_with_too_many_decimals_are_400(string field, string value, string expected)
    {
        var parties = await Pledges.PledgeParties.CreateAsync(App);
        var patent = await parties.PatentAsync(50);
        var body = (JsonObject)JsonNode.Parse(HostileWorld.Serialize(Pledges.PledgeSamples.Application(parties.BankId, [patent])))!;
        var response = await parties.Applicant.PostAsync("/api/pledges", HostileWorld.RawJson(Spoil(body, field, value)));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await FieldErrorAsync(response, expected);
        Assert.Equal(0, await App.Database.CountAsync("SELECT count(*) FROM pledge_applications"));
    }
}
