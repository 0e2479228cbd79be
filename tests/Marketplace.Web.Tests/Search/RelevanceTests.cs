using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Domain.Organizations;
using Marketplace.Domain.Patents;
using Marketplace.Web.Features.Search;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Web.Tests.Search;

/// <summary>What a person expects of the search box on real-looking Chinese patents (issue 17's demo cases).</summary>
public sealed class RelevanceTests(WebApp app) : AppTest(app)
{
    private static readonly SearchSeed.Item[] Catalog =
    [
        new("一种船用尾气排放检测传感器", null, "本发明公开了一种船用尾气排放检测传感器，安装于船舶排气管，实时检测氮氧化物浓度。", "G01N 33/00"),
        new("一种温度传感器的封装结构", null, "本实用新型公开了一种温度传感器封装结构，提高了测温精度和可靠性。", "G01K 1/08"),
        new("一种渔船用导航雷达", null, "本发明公开了一种渔船导航雷达，适用于近海作业的小型渔船。", "G01S 13/93"),
        new("一种船体分段焊接方法", null, "本发明涉及船体建造，降低分段焊接变形。", "B63B 73/00"),
        new("一种工业视觉检测装置", null, "本发明公开了一种基于相机的工业视觉检测装置，用于产线缺陷识别。", "G06T 7/00"),
        new("一种锂电池管理系统", null, "本发明公开了一种锂电池管理系统，实时监测电池单体电压与温度。", "H01M 10/42"),
        new("一种压载水处理装置", null, "本发明涉及船舶压载水处理，采用紫外线杀灭水生生物。", "C02F 1/32"),
    ];

    private async Task<List<Guid>> SeedAsync()
    {
        var office = await App.CreateUserAsync(OrganizationType.University);
        var ids = await SearchSeed.SeedAsync(App, office.OrganizationId, Catalog);
        await App.Services.GetRequiredService<SearchIndexer>().RunOnceAsync(CancellationToken.None);
        return ids;
    }

    private async Task<JsonElement> SearchAsync(string q)
    {
        var response = await App.CreateClient().GetAsync("/api/search?q=" + Uri.EscapeDataString(q));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static List<string> Sorted(params string[] values) => [.. values.Order(StringComparer.Ordinal)];

    private static List<string> Titles(JsonElement result) =>
        result.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("titleZh").GetString()!).ToList();

    [Fact]
    public async Task Sensor_finds_every_sensor_and_marks_the_word()
    {
        await SeedAsync();
        var result = await SearchAsync("传感器");

        Assert.Equal(Sorted("一种船用尾气排放检测传感器", "一种温度传感器的封装结构"), Sorted([.. Titles(result)]));
        Assert.All(result.GetProperty("hits").EnumerateArray(), h => Assert.Contains("<mark>传感器</mark>", h.GetProperty("highlightedTitle").GetString()));
    }

    [Fact]
    public async Task An_english_query_finds_patents_written_only_in_chinese()
    {
        await SeedAsync();
        var result = await SearchAsync("marine sensor");

        Assert.Equal("一种船用尾气排放检测传感器", Titles(result)[0]);
        Assert.Contains("<mark>船用</mark>", result.GetProperty("hits")[0].GetProperty("highlightedTitle").GetString());
    }

    [Fact]
    public async Task A_single_character_finds_the_words_it_is_part_of()
    {
        await SeedAsync();
        var ship = Titles(await SearchAsync("船"));

        Assert.Equal(Sorted("一种压载水处理装置", "一种渔船用导航雷达", "一种船体分段焊接方法", "一种船用尾气排放检测传感器"), Sorted([.. ship]));
        Assert.True(ship.Count >= Titles(await SearchAsync("船舶")).Count);
    }

    [Fact]
    public async Task Two_words_must_both_match_and_a_query_with_too_few_hits_relaxes_and_says_so()
    {
        await SeedAsync();
        var result = await SearchAsync("船舶 电池");

        // No listing has both words: those with either follow, and the answer says the query was relaxed.
        Assert.Equal("AnyWord", result.GetProperty("relaxed").GetString());
        Assert.Contains("一种锂电池管理系统", Titles(result));
        Assert.Contains("一种压载水处理装置", Titles(result));
        var html = await App.CreateClient().GetStringAsync("/Search?Q=" + Uri.EscapeDataString("船舶 电池"));
        Assert.Contains("data-testid=\"search-relaxed\"", html);
    }

    [Fact]
    public async Task Related_fields_name_the_subclasses_of_the_best_hits()
    {
        await SeedAsync();
        var related = (await SearchAsync("传感器")).GetProperty("relatedFields").EnumerateArray().ToList();

        Assert.Equal(Sorted("G01K", "G01N"), Sorted([.. related.Select(f => f.GetProperty("code").GetString()!)]));
        Assert.Contains(related, f => f.GetProperty("nameZh").GetString()!.Contains("检测") && f.GetProperty("nameEn").GetString()!.Contains("inspection"));
        var html = await App.CreateClient().GetStringAsync("/Search?Q=" + Uri.EscapeDataString("传感器"));
        Assert.Contains("/Search?Q=%E4%BC%A0%E6%84%9F%E5%99%A8&amp;Ipc=G01N", html);
        var narrowed = await App.CreateClient().GetFromJsonAsync<JsonElement>("/api/search?q=" + Uri.EscapeDataString("传感器") + "&ipc=G01N");
        Assert.Equal(["一种船用尾气排放检测传感器"], Titles(narrowed));
    }

    [Theory]
    [InlineData("CN{0}.{1}")]
    [InlineData("ZL {0} . {1}")]
    [InlineData("{0}{1}")]
    [InlineData("{0}")]
    [InlineData("ＣＮ{0}．{1}")]
    public async Task An_application_number_in_any_of_its_forms_goes_straight_to_the_listing(string form)
    {
        var ids = await SeedAsync();
        const string digits = "201910000003";
        var number = string.Format(form, digits, ApplicationNumber.CheckCharacter(digits));

        var result = await SearchAsync(number);
        Assert.True(result.GetProperty("numberMatch").GetBoolean());
        Assert.Equal(ids[2], Assert.Single(result.GetProperty("hits").EnumerateArray()).GetProperty("listingId").GetGuid());
        var page = await App.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/Search?Q=" + Uri.EscapeDataString(number));
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal($"/Listings/Detail/{ids[2]}", page.Headers.Location?.ToString());
    }

    [Fact]
    public async Task A_query_of_2000_characters_answers_and_one_longer_is_a_400_naming_q()
    {
        await SeedAsync();
        var pasted = string.Concat(Enumerable.Repeat("本发明公开了一种船用尾气排放检测传感器，", 100))[..2000];

        Assert.Contains("一种船用尾气排放检测传感器", Titles(await SearchAsync(pasted)));
        var tooLong = await App.CreateClient().GetAsync("/api/search?q=" + Uri.EscapeDataString(pasted + "船"));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        await FieldErrorAsync(tooLong, "q");
    }
}
