using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Domain.Organizations;

namespace Marketplace.Web.Tests.Localization;

/// <summary>
/// Refusals reach an API client in its language, built from a template and its arguments: states by their display
/// names, steps and field labels as nested words, numbers filled in. Chinese when the client says so or says nothing.
/// </summary>
public sealed class LocalizedRuleTests(WebApp app) : AppTest(app)
{
    private async Task<HttpClient> ClientAsync(OrganizationType type, string? language)
    {
        var client = await App.ClientForAsync(await App.CreateUserAsync(type));
        client.DefaultRequestHeaders.AcceptLanguage.Clear();
        if (language is not null) client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    private async Task<(HttpClient Office, Guid PatentId)> OfficeWithPatentAsync(string? language)
    {
        var office = await ClientAsync(OrganizationType.University, language);
        var created = await office.PostAsJsonAsync("/api/patents", PatentSamples.Patent(1));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (office, (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
    }

    [Theory]
    [InlineData("zh-CN", "冲突", "处于“草稿”状态的挂牌不能审核通过。")]
    [InlineData(null, "冲突", "处于“草稿”状态的挂牌不能审核通过。")]
    [InlineData("en", "Conflict", "A listing in state Draft cannot be approved.")]
    public async Task A_refused_step_names_the_state_and_the_step_in_the_callers_language(string? language, string title, string message)
    {
        var (office, patentId) = await OfficeWithPatentAsync(language);
        var listing = await office.PostAsJsonAsync("/api/listings", new { patentId, terms = PatentSamples.Licence() });
        var id = (await listing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var admin = await ClientAsync(OrganizationType.ParkOffice, language);

        var refused = await admin.PostAsync($"/api/listings/{id}/approve", null);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(title, (await ProblemAsync(refused)).GetProperty("title").GetString());
        Assert.Equal(message, await FieldErrorAsync(await admin.PostAsync($"/api/listings/{id}/approve", null), "status"));
    }

    [Theory]
    [InlineData("zh-CN", "说明共 2001 个字符，最多允许 2000 个。")]
    [InlineData("en", "Description has 2001 characters; at most 2000 are allowed.")]
    public async Task A_too_long_text_is_refused_with_its_label_and_both_numbers(string language, string message)
    {
        var (office, patentId) = await OfficeWithPatentAsync(language);

        var refused = await office.PostAsJsonAsync("/api/listings", new { patentId, terms = PatentSamples.Licence(), description = new string('说', 2001) });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(message, await FieldErrorAsync(refused, "description"));
    }

    [Theory]
    [InlineData("zh-CN", "中文标题为必填项。")]
    [InlineData("en", "Chinese title is required.")]
    public async Task A_missing_field_is_named_by_its_label_not_its_property(string language, string message)
    {
        var office = await ClientAsync(OrganizationType.University, language);
        var patent = PatentSamples.Patent(1);
        patent.Remove("titleZh");

        var refused = await office.PostAsJsonAsync("/api/patents", patent);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(message, await FieldErrorAsync(refused, "titleZh"));
    }

    [Theory]
    [InlineData("zh-CN", "“转让”方式的报价不适用“许可类型”，请留空。")]
    [InlineData("en", "Licence kind does not apply to an offer of mode Transfer; leave it empty.")]
    public async Task A_nested_label_and_an_enum_argument_are_both_translated(string language, string message)
    {
        var (office, patentId) = await OfficeWithPatentAsync(language);
        var listing = await office.PostAsJsonAsync("/api/listings", new { patentId, terms = PatentSamples.Licence() });
        var listingId = (await listing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await office.PostAsync($"/api/listings/{listingId}/submit", null);
        await (await ClientAsync(OrganizationType.ParkOffice, language)).PostAsync($"/api/listings/{listingId}/approve", null);
        var enterprise = await ClientAsync(OrganizationType.Enterprise, language);
        var inquiry = await enterprise.PostAsJsonAsync("/api/inquiries", new { listingId, message = "您好" });
        Assert.Equal(HttpStatusCode.Created, inquiry.StatusCode);
        var inquiryId = (await inquiry.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var refused = await enterprise.PostAsJsonAsync($"/api/inquiries/{inquiryId}/offers",
            new { terms = new { mode = "Transfer", licenceKind = "Exclusive", price = 100_000m } });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(message, await FieldErrorAsync(refused, "licenceKind"));
    }
}
