using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Domain.Organizations;
using Npgsql;

namespace Marketplace.Web.Tests;

public sealed class AuditTests(WebApp app) : AppTest(app)
{
    [Fact]
    public async Task Audit_rows_cannot_be_changed_or_deleted()
    {
        var applicant = await App.CreateUserAsync(OrganizationType.Enterprise, verified: false);
        var admin = await App.ClientForAsync(await App.CreateUserAsync(OrganizationType.ParkOffice));
        await admin.PostAsync($"/api/organizations/{applicant.OrganizationId}/verify", null);
        Assert.Equal(1, await App.Database.CountAsync("SELECT count(*) FROM audit_log"));

        await Assert.ThrowsAsync<PostgresException>(() => App.Database.ExecuteAsync("UPDATE audit_log SET action = 'Forged'"));
        await Assert.ThrowsAsync<PostgresException>(() => App.Database.ExecuteAsync("DELETE FROM audit_log"));
        Assert.Equal(1, await App.Database.CountAsync("SELECT count(*) FROM audit_log WHERE action = 'Verified'"));
    }

    [Fact]
    public async Task Audit_row_records_who_what_and_the_transition()
    {
        var applicant = await App.CreateUserAsync(OrganizationType.University, verified: false);
        var parkUser = await App.CreateUserAsync(OrganizationType.ParkOffice);
        var admin = await App.ClientForAsync(parkUser);
        await admin.PostAsync($"/api/organizations/{applicant.OrganizationId}/verify", null);

        var page = await admin.GetFromJsonAsync<JsonElement>($"/api/audit?entity=Organization&entityId={applicant.OrganizationId}");
        var entry = Assert.Single(page.GetProperty("entries").EnumerateArray());
        Assert.Equal("Verified", entry.GetProperty("action").GetString());
        Assert.Equal("Unverified", entry.GetProperty("fromState").GetString());
        Assert.Equal("Verified", entry.GetProperty("toState").GetString());
        Assert.Equal(parkUser.Email, entry.GetProperty("userEmail").GetString());
        Assert.Equal(parkUser.OrganizationId, entry.GetProperty("organizationId").GetGuid());

        var none = await admin.GetFromJsonAsync<JsonElement>("/api/audit?action=Registered");
        Assert.Empty(none.GetProperty("entries").EnumerateArray());
    }

    [Fact]
    public async Task Only_the_park_office_reads_the_audit_log()
    {
        var enterprise = await App.ClientForAsync(await App.CreateUserAsync(OrganizationType.Enterprise));
        Assert.Equal(HttpStatusCode.Forbidden, (await enterprise.GetAsync("/api/audit")).StatusCode);

        var admin = await App.CreateUserAsync(OrganizationType.ParkOffice);
        var form = new FormClient(App);
        await form.LoginAsync(admin.Email, admin.Password);
        var html = await form.Http.GetStringAsync("/Audit?Entity=Organization");
        Assert.Contains("audit-table", html);
    }
}
