using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Marketplace.Domain.Common;

namespace Marketplace.Web.Tests;

/// <summary>Problem details are said in the API client's language: Chinese unless it asks for English.</summary>
public sealed class LocalizedProblemTests(WebApp app) : AppTest(app)
{
    [Theory]
    [InlineData(null, "未找到", "Listing")]
    [InlineData("zh-CN", "未找到", "Listing")]
    [InlineData("en", "Not found", "Listing was not found.")]
    public async Task A_missing_listing_is_a_problem_in_the_callers_language(string? language, string title, string detail)
    {
        var client = App.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.Clear();
        if (language is not null) client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));

        var response = await client.GetAsync($"/api/listings/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Equal(title, problem.GetProperty("title").GetString());
        if (language == "en") Assert.Equal(detail, problem.GetProperty("detail").GetString());
        else Assert.DoesNotContain("not found", problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_text_fills_its_arguments_in_english_for_logs()
    {
        var text = new Text("Give at most {0} IPC codes ({1}).", 20, new Text("the need"));
        Assert.Equal("Give at most 20 IPC codes (the need).", text.ToString());
        Assert.Equal(text.ToString(), new DomainRuleException("ipcCodes", text).Message);
    }
}
