namespace Marketplace.Web.Tests.Sweep;

/// <summary>What the sweep sent and what it found: the count of cases, answers by status class, and every finding.</summary>
public sealed class SweepLog(string name)
{
    private readonly List<string> _findings = [];
    private readonly Dictionary<int, int> _byClass = new();

    public int Cases { get; private set; }
    public IReadOnlyList<string> Findings => _findings;

    public void Record(int status, string @case, string? finding)
    {
        Cases++;
        _byClass[status / 100] = _byClass.GetValueOrDefault(status / 100) + 1;
        if (finding is not null) _findings.Add($"{@case} → {status}: {finding}");
    }

    public string Summary(TimeSpan took) =>
        $"{name}: {Cases} cases in {took.TotalSeconds:0} s; " + string.Join(", ", _byClass.OrderBy(c => c.Key).Select(c => $"{c.Key}xx {c.Value}")) +
        $"; {_findings.Count} findings";

    /// <summary>Kept beside the test results (TestResults/ in the repository root), for docs/security-review.md.</summary>
    public void Save(TimeSpan took)
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Marketplace.sln"))) root = root.Parent;
        if (root is null) return;
        var folder = Directory.CreateDirectory(Path.Combine(root.FullName, "TestResults"));
        File.WriteAllLines(Path.Combine(folder.FullName, $"sweep-{name}.txt"), [Summary(took), .. _findings]);
    }
}
