namespace Marketplace.Benchmarks.Relevance;

/// <summary>One ranked answer judged against its topic: relevant = the hit's record is on the query's topic.</summary>
/// <param name="Relevant">How many records of the catalog are on the topic (recall's denominator).</param>
internal sealed record Judged(string Part, string Kind, string Text, IReadOnlyList<bool> Hits, int Relevant)
{
    public double PrecisionAt(int k) => Hits.Take(k).Count(h => h) / (double)k;

    /// <summary>Binary gains; the ideal ranking puts min(relevant, k) relevant hits first.</summary>
    public double NdcgAt(int k)
    {
        var dcg = Hits.Take(k).Select((h, i) => h ? 1 / Math.Log2(i + 2) : 0).Sum();
        var ideal = Enumerable.Range(0, Math.Min(Relevant, k)).Sum(i => 1 / Math.Log2(i + 2));
        return ideal == 0 ? 0 : dcg / ideal;
    }

    public double RecallAt(int k) => Relevant == 0 ? 0 : Hits.Take(k).Count(h => h) / (double)Relevant;

    public bool NoResult => Hits.Count == 0;
}

/// <summary>Means over a group of judged answers.</summary>
internal sealed record Summary(int Count, double PrecisionAt10, double NdcgAt10, double RecallAt100, double ZeroRate, int ShortQueries, double PrecisionAt5)
{
    /// <summary>Zero results are counted over queries of up to 30 characters, as the goal states.</summary>
    public static Summary Of(IReadOnlyList<Judged> answers)
    {
        var shortOnes = answers.Where(a => a.Text.Length <= 30).ToList();
        return answers.Count == 0 ? new Summary(0, 0, 0, 0, 0, 0, 0) : new Summary(answers.Count,
            answers.Average(a => a.PrecisionAt(10)), answers.Average(a => a.NdcgAt(10)), answers.Average(a => a.RecallAt(100)),
            shortOnes.Count == 0 ? 0 : shortOnes.Count(a => a.NoResult) / (double)shortOnes.Count, shortOnes.Count,
            answers.Average(a => a.PrecisionAt(5)));
    }
}
