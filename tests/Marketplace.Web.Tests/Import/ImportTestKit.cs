using Microsoft.Extensions.DependencyInjection;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Domain.Organizations;

namespace Marketplace.Web.Tests.Import;

/// <summary>Uploads for the import tests: an office of a university, its name as the files' applicant.</summary>
public abstract class ImportTestKit(WebApp app) : AppTest(app)
{
    public static MultipartFormDataContent File(byte[] bytes, string name)
    {
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "file", name);
        return content;
    }

    protected async Task<(HttpClient Client, string Name)> OfficeAsync()
    {
        var user = await App.CreateUserAsync(OrganizationType.University);
        var client = await App.ClientForAsync(user);
        var name = await NameOfAsync(user.OrganizationId);
        return (client, name);
    }

    private async Task<string> NameOfAsync(Guid organizationId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.MarketplaceDb>();
        return db.Organizations.Single(o => o.Id == organizationId).NameZh;
    }

    protected static async Task<JsonElement> ReportAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    protected static List<JsonElement> Items(JsonElement report, string name) => report.GetProperty(name).EnumerateArray().ToList();
}
