using System.Diagnostics;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Marketplace.Web.Tests.Sweep;

/// <summary>
/// Issue 23: every operation of <c>/openapi/v1.json</c>, anonymously and as each role — strangers first, while every
/// secret is intact, then the objects' owners and the park office — with boundary values for every parameter and body
/// field. No answer may be a 5xx or hold another organisation's secret. The count of cases is printed and kept in
/// TestResults/sweep-api.txt.
/// </summary>
public sealed class ApiSweepTests(WebApp app, ITestOutputHelper output) : AppTest(app)
{
    [Fact]
    public async Task Every_operation_as_every_role_with_boundary_values_answers_below_500_without_foreign_data()
    {
        var clock = Stopwatch.StartNew();
        var world = await new SweepWorld(App).BuildAsync();
        var api = new OpenApiOperations(JsonNode.Parse(await App.CreateClient().GetStringAsync("/openapi/v1.json"))!);
        var operations = api.All();
        var log = new SweepLog("api");
        var sweep = new ApiSweep(api, new SweepBodies(api, world), world, log);

        foreach (var owners in new[] { false, true })
        foreach (var operation in operations)
            await sweep.RunAsync(operation, world.Callers.Where(c => c.Victim == owners).ToList(), variantCallers: owners ? 2 : 1);

        output.WriteLine(log.Summary(clock.Elapsed));
        log.Save(clock.Elapsed);
        Assert.True(operations.Count >= 130, $"only {operations.Count} operations in the OpenAPI document");
        Assert.True(log.Findings.Count == 0, $"{log.Findings.Count} findings:\n" + string.Join("\n", log.Findings.Take(60)));
    }
}
