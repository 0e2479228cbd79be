using System.Text.RegularExpressions;
using Marketplace.Tests.Shared;

namespace Marketplace.Web.Tests.Architecture;

/// <summary>
/// Which feature folders each feature reads (docs/architecture.md draws the graph). A new reference fails here until
/// it is written down, so features do not grow into each other unnoticed; a reference that went away fails too, so the
/// table and the document stay true. Platform, Data and the layout folder (Features/Shared) are not features.
/// </summary>
public sealed partial class FeatureReferencesTests
{
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Accounts"] = ["Organizations"],
        ["Audit"] = ["Accounts"],
        ["Deals"] = ["Notifications", "Payments"],
        ["Errors"] = [],
        ["Evidence"] = ["Deals", "OffPlatform", "Pledges", "Sessions"],
        ["Home"] = [],
        ["Inquiries"] = ["Needs", "Notifications"],
        ["Listings"] = ["Notifications", "Patents", "Search"],
        ["Needs"] = ["Inquiries", "Listings", "Patents", "Search"],
        ["Notifications"] = [],
        ["OffPlatform"] = ["Evidence", "Patents", "Pledges", "Targets"],
        ["Organizations"] = ["Accounts", "Notifications"],
        ["Patents"] = ["Listings"],
        ["Payments"] = ["Deals"],
        ["Pledges"] = ["Notifications", "Organizations", "Patents", "Targets"],
        ["SavedSearches"] = ["Listings", "Needs", "Notifications", "Search"],
        ["Search"] = ["Listings", "Patents"],
        ["Sessions"] = ["Notifications", "Targets"],
        ["Targets"] = ["Notifications", "OffPlatform", "Patents"],
        ["Watch"] = ["Accounts", "Notifications", "Patents"],
    };

    [Fact]
    public void Each_feature_references_only_the_features_written_down()
    {
        var actual = References();
        var added = actual.SelectMany(f => f.Value.Except(Allowed.GetValueOrDefault(f.Key) ?? []).Select(g => $"{f.Key} -> {g}")).ToList();
        var gone = Allowed.SelectMany(f => f.Value.Except(actual.GetValueOrDefault(f.Key) ?? []).Select(g => $"{f.Key} -> {g}")).ToList();
        Assert.True(added.Count == 0, "new references (write them into the table and docs/architecture.md, or use an event): " + string.Join(", ", added));
        Assert.True(gone.Count == 0, "references that went away (take them out of the table and the document): " + string.Join(", ", gone));
    }

    [Fact]
    public void The_references_are_counted_from_the_code()
    {
        // The reader of the table above must see what the code does: Deals reaches Payments for its checkout.
        Assert.Contains("Payments", References()["Deals"]);
    }

    private static Dictionary<string, HashSet<string>> References()
    {
        var root = Path.Combine(ResourceFiles.Root, "src", "Marketplace.Web", "Features");
        var features = Directory.GetDirectories(root).Select(Path.GetFileName).Where(f => f != "Shared").ToList();
        return features.ToDictionary(f => f!, f =>
        {
            var text = string.Join("\n", Directory.EnumerateFiles(Path.Combine(root, f!), "*.*", SearchOption.AllDirectories)
                .Where(p => p.EndsWith(".cs") || p.EndsWith(".cshtml")).Select(File.ReadAllText));
            return features.Where(g => g != f && (text.Contains($"Features.{g}.") || text.Contains($"Features.{g};")
                                                  || Regex.IsMatch(text, $@"(?<![\w.]){g}\.[A-Z]\w*")))
                .Select(g => g!).ToHashSet();
        });
    }
}
