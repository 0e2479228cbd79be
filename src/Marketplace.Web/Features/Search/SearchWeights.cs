namespace Marketplace.Web.Features.Search;

/// <summary>
/// Field weights both engines use, so they rank alike. Titles count most: a patent's title names its subject, the
/// abstract also describes its parts. Tuned on the tuning half of the relevance benchmark (docs/benchmarks.md).
/// </summary>
public static class SearchWeights
{
    public const float TitleWords = 3f, TitleGrams = 2.5f, AbstractWords = 1.5f, AbstractGrams = 1.2f, IpcText = 1f, Names = 1f;

    /// <summary>A unit typed as one run (「海水淡化」) found as that phrase.</summary>
    public const float TitlePhrase = 4f, AbstractPhrase = 2f;

    /// <summary>Within a field, the better of words and bigrams counts, and the other adds this share.</summary>
    public const float TieBreaker = 0.1f;

    /// <summary>Matchmaking: a listing in the need's subclass, or class, adds this much.</summary>
    public const float NeedSubclass = 2f, NeedClass = 1f;

    /// <summary>Matchmaking: the need text's character bigrams against the key words.</summary>
    public const float NeedGrams = 12f;
}
