using Marketplace.Domain.Matchmaking;

namespace Marketplace.Web.Features.Needs;

/// <summary>Bound from <c>Matching</c> in configuration.</summary>
public sealed class MatchingOptions
{
    public MatchWeights Weights { get; set; } = new();

    /// <summary>How many listings the search engine proposes per need before scoring.</summary>
    public int Candidates { get; set; } = 100;

    /// <summary>How many of the need's most significant terms its text comes down to (more-like-this).</summary>
    public int KeyTerms { get; set; } = 25;

    /// <summary>How many matches are kept per need.</summary>
    public int MaxMatches { get; set; } = 20;

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// A change is matched only once this instance's search index has caught up with it (the text relevance comes
    /// from the index). When this instance does not feed a shared index, it waits at most this long instead.
    /// </summary>
    public TimeSpan MaxIndexLag { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>An outbox row is stamped just before its transaction commits; this margin covers the gap.</summary>
    public TimeSpan CommitMargin { get; set; } = TimeSpan.FromSeconds(1);
}
