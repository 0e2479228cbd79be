using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Domain.Organizations;
using Marketplace.Tests.Shared;

namespace Marketplace.Web.Tests;

public sealed class RegistrationTests(WebApp app) : AppTest(app)
{
    private const string TencentCode = "9144030071526726XG";

    private static object Registration(string creditCode = TencentCode, string password = MarketplaceApp.Password,
        string type = "Enterprise", string email = "founder@example.cn") => new
    {
        nameZh = "威海测试科技有限公司", nameEn = "Weihai Test Tech", type, creditCode,
        contactName = "王经理", contactPhone = "0631-5812345", contactEmail = "office@example.cn",
        email, displayName = "王小明", password,
    };

    [Fact]
    public async Task Registration_verification_and_login_flow()
    {
        var anonymous = App.CreateClient();
        var registered = await anonymous.PostAsJsonAsync("/api/organizations", Registration());
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var body = await registered.Content.ReadFromJsonAsync<JsonElement>();
        var organizationId = body.GetProperty("organization").GetProperty("id").GetGuid();
        Assert.False(body.GetProperty("organization").GetProperty("isVerified").GetBoolean());

        var founder = new TestUser(body.GetProperty("userId").GetGuid(), "founder@example.cn", MarketplaceApp.Password, organizationId, "Enterprise");
        var client = await App.ClientForAsync(founder);
        var me = await client.GetFromJsonAsync<JsonElement>("/api/me");
        Assert.Equal("Enterprise", me.GetProperty("roles")[0].GetString());
        Assert.False(me.GetProperty("organization").GetProperty("isVerified").GetBoolean());

        var colleague = new { email = "colleague@example.cn", displayName = "同事", role = "Enterprise", password = MarketplaceApp.Password };
        var refused = await client.PostAsJsonAsync($"/api/organizations/{organizationId}/members", colleague);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        var admin = await App.ClientForAsync(await App.CreateUserAsync(OrganizationType.ParkOffice));
        var queue = await admin.GetFromJsonAsync<JsonElement>("/api/organizations?verified=false");
        Assert.Contains(queue.EnumerateArray(), o => o.GetProperty("id").GetGuid() == organizationId);
        var verified = await admin.PostAsync($"/api/organizations/{organizationId}/verify", null);
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);

        // The founder's existing token now passes: verification is read from the database, not the ticket.
        var added = await client.PostAsJsonAsync($"/api/organizations/{organizationId}/members", colleague);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var actions = await App.Database.CountAsync(
            $"SELECT count(*) FROM audit_log WHERE action IN ('Registered','Verified','MemberAdded')");
        Assert.Equal(3, actions);
    }

    [Fact]
    public async Task Corrupted_credit_code_is_a_400_naming_the_field_and_writes_nothing()
    {
        var response = await App.CreateClient().PostAsJsonAsync("/api/organizations", Registration(creditCode: "9144030071526726XH"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("should be 'G'", await FieldErrorAsync(response, "creditCode"));
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task Common_password_is_refused_after_the_organisation_row_was_written_and_rolls_it_back()
    {
        var response = await App.CreateClient().PostAsJsonAsync("/api/organizations", Registration(password: "qwertyuiop123"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("commonly used", await FieldErrorAsync(response, "password"));
        await AssertNothingWrittenAsync();
    }

    [Theory]
    [InlineData("short pass!", "at least 12")]
    [InlineData("日日日日日日日日日日日", "at least 12")]
    public async Task Short_passwords_are_refused(string password, string expected)
    {
        var response = await App.CreateClient().PostAsJsonAsync("/api/organizations", Registration(password: password));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, await FieldErrorAsync(response, "password"));
    }

    [Fact]
    public async Task Twelve_chinese_characters_make_an_acceptable_password()
    {
        var response = await App.CreateClient().PostAsJsonAsync("/api/organizations", Registration(password: "威海火炬高技术产业开发区"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Duplicate_credit_code_is_a_409_naming_the_field()
    {
        var client = App.CreateClient();
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/organizations", Registration())).StatusCode);
        var again = await client.PostAsJsonAsync("/api/organizations", Registration(email: "other@example.cn"));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("already registered", await FieldErrorAsync(again, "creditCode"));
        Assert.Equal(1, await App.Database.CountAsync("SELECT count(*) FROM users"));
    }

    [Fact]
    public async Task Missing_fields_are_named()
    {
        var response = await App.CreateClient().PostAsJsonAsync("/api/organizations", new { nameZh = "只有名字" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemAsync(response);
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "creditCode", "email", "password", "type" })
            Assert.True(errors.TryGetProperty(field, out _), $"{field} not named in {errors}");
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task Unknown_organisation_type_is_a_400_naming_the_field()
    {
        var response = await App.CreateClient().PostAsJsonAsync("/api/organizations", Registration(type: "Pirate"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await FieldErrorAsync(response, "type");
    }

    [Fact]
    public async Task The_park_office_cannot_register_itself()
    {
        var response = await App.CreateClient().PostAsJsonAsync("/api/organizations", Registration(type: "ParkOffice"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await FieldErrorAsync(response, "type");
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task Identity_register_endpoint_is_closed_in_favour_of_organisation_registration()
    {
        var response = await App.CreateClient().PostAsJsonAsync("/api/auth/register", new { email = "x@example.cn", password = MarketplaceApp.Password });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, await App.Database.CountAsync("SELECT count(*) FROM users"));
    }

    private async Task AssertNothingWrittenAsync()
    {
        Assert.Equal(0, await App.Database.CountAsync("SELECT count(*) FROM organizations"));
        Assert.Equal(0, await App.Database.CountAsync("SELECT count(*) FROM users"));
        Assert.Equal(0, await App.Database.CountAsync("SELECT count(*) FROM audit_log"));
    }
}
