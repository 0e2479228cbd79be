using System.Text.Json.Nodes;
using Marketplace.Web.Features.Search.Planning;
using static Marketplace.Web.Features.Search.Elasticsearch.ElasticsearchQueries;

namespace Marketplace.Web.Features.Search.Elasticsearch;

/// <summary>
/// The text part of a <c>_search</c> body, clause for clause what <see cref="Lucene.LuceneQueries"/> builds for the
/// embedded engine: SmartCn words and bigrams (the <c>.grams</c> sub-fields) through <c>match</c> with operator and,
/// <c>dis_max</c> between them, runs typed together boosted through <c>match_phrase</c>, the same weights (<see cref="SearchWeights"/>) and minimum
/// matches. The user's text only ever goes into analysed queries, never into query syntax.
/// </summary>
internal static class ElasticsearchText
{
    public const string TitleGrams = "titleZh.grams", AbstractGrams = "abstractZh.grams";

    /// <summary>Name prefixes of matchmaking's key-term clauses, read back from each hit's <c>matched_queries</c>.</summary>
    public const string InTitle = "title:", InAbstract = "abstract:";

    public static JsonNode? Query(SearchQuery q) => q.Match switch
    {
        _ when q.NumberKeys.Count > 0 => null,
        TextMatch.Similar => Similar(q.KeyTerms, q.BoostIpc, q.Text),
        _ when string.IsNullOrWhiteSpace(q.Text) => null,
        TextMatch.AnyWord => Plan(QueryPlanner.Plan(q.Text).Relaxed()),
        TextMatch.Characters => Characters(QueryPlanner.Normalize(q.Text)),
        _ => Plan(QueryPlanner.Plan(q.Text), q.NearFields, FieldVote.LooksForField(q) ? FieldVote.FullMatchBoost : 1),
    };

    public static JsonObject Plan(QueryPlan plan, IReadOnlyList<string>? nearFields = null, float fullBoost = 1)
    {
        var counted = plan.Units.Where(u => u.Counted).Select(u => Unit(u, plan.SearchesNames)).ToList();
        if (counted.Count == 0) return NoMatch();
        var should = new JsonArray();
        foreach (var unit in plan.Units.Where(u => !u.Counted)) should.Add(Unit(unit, plan.SearchesNames));
        foreach (var phrase in plan.Phrases)
        {
            should.Add(MatchPhrase(TitleGrams, phrase, SearchWeights.TitlePhrase));
            should.Add(MatchPhrase(AbstractGrams, phrase, SearchWeights.AbstractPhrase));
        }
        var minimum = Math.Min(plan.MinimumMatch, counted.Count);
        var required = new JsonObject { ["should"] = new JsonArray([.. counted]), ["minimum_should_match"] = minimum };
        if (fullBoost != 1) required["boost"] = fullBoost;
        var root = new JsonObject
        {
            ["must"] = new JsonArray(nearFields is { Count: > 0 } && minimum > 1 ? OrNear(required, nearFields) : Bool(required)),
        };
        if (should.Count > 0) root["should"] = should;
        return Bool(root);
    }

    /// <summary>The full matches, or listings in the query's fields that match some of its units but are not full
    /// matches (see LuceneQueries.NearQuery, which the Lucene engine runs as a second pass); the subclasses filter
    /// without scoring.</summary>
    private static JsonObject OrNear(JsonObject required, IReadOnlyList<string> nearFields)
    {
        var any = new JsonObject { ["should"] = required["should"]!.DeepClone(), ["minimum_should_match"] = 1 };
        var notFull = new JsonObject { ["should"] = required["should"]!.DeepClone(), ["minimum_should_match"] = required["minimum_should_match"]!.DeepClone() };
        var fields = new JsonArray([.. nearFields.Select(f => (JsonNode)Obj("prefix", new JsonObject { ["ipcCodes"] = f }))]);
        var near = Bool(new JsonObject
        {
            ["must"] = new JsonArray(Bool(any)),
            ["filter"] = new JsonArray(Bool(new JsonObject { ["should"] = fields })),
            ["must_not"] = new JsonArray(Bool(notFull)),
        });
        return Bool(new JsonObject { ["should"] = new JsonArray(Bool(required), near), ["minimum_should_match"] = 1 });
    }

    /// <summary>One unit in every field that can hold it (see LuceneQueries.UnitQuery).</summary>
    private static JsonNode Unit(QueryUnit unit, bool names)
    {
        var any = new JsonArray();
        foreach (var text in unit.Latin ? unit.Translations : [unit.Text])
        {
            if (unit.Loose)
            {
                any.Add(MostBigrams(TitleGrams, text, unit.MinimumBigrams, SearchWeights.TitleGrams));
                any.Add(MostBigrams(AbstractGrams, text, unit.MinimumBigrams, SearchWeights.AbstractGrams));
                continue;
            }
            any.Add(Best(Words("titleZh", text, SearchWeights.TitleWords), Words(TitleGrams, text, SearchWeights.TitleGrams)));
            any.Add(Best(Words("abstractZh", text, SearchWeights.AbstractWords), Words(AbstractGrams, text, SearchWeights.AbstractGrams)));
            any.Add(Words("ipcText", text, SearchWeights.IpcText));
        }
        if (unit.Latin)
        {
            any.Add(Words("titleEn", unit.Text, SearchWeights.TitleWords));
            any.Add(Words("abstractEn", unit.Text, SearchWeights.AbstractWords));
            any.Add(Best(Words("titleZh", unit.Text, SearchWeights.TitleWords), Words(TitleGrams, unit.Text, SearchWeights.TitleGrams)));
            any.Add(Words("abstractZh", unit.Text, SearchWeights.AbstractWords));
            if (names) any.Add(Words("ownerNameEn", unit.Text, SearchWeights.Names));
        }
        else if (names)
        {
            any.Add(Best(Words("ownerNameZh", unit.Text, SearchWeights.Names), Words("inventors.text", unit.Text, SearchWeights.Names)));
        }
        return Bool(new JsonObject { ["should"] = any });
    }

    /// <summary>Any bigram of the text in title or abstract: the last relaxation of a typed query.</summary>
    public static JsonObject Characters(string text) => Bool(new JsonObject
    {
        ["should"] = new JsonArray(Match(TitleGrams, text, SearchWeights.TitleGrams), Match(AbstractGrams, text, SearchWeights.AbstractGrams)),
    });

    /// <summary>
    /// Matchmaking: each key term as a named <c>term</c> clause in title and abstract (the names come back in
    /// <c>matched_queries</c>, telling which terms a listing holds), the text's bigrams, and the need's IPC codes.
    /// </summary>
    public static JsonObject Similar(IReadOnlyList<KeyTerm> keyTerms, IReadOnlyList<string> ipc, string? text)
    {
        var any = new JsonArray();
        foreach (var key in keyTerms.Take(256))
        {
            any.Add(Term("titleZh", key.Term, key.Weight * SearchWeights.TitleWords, InTitle + key.Term));
            any.Add(Term("abstractZh", key.Term, key.Weight * SearchWeights.AbstractWords, InAbstract + key.Term));
        }
        if (!string.IsNullOrWhiteSpace(text))
        {
            var grams = Characters(KeyTermSelection.Capped(text));
            grams["bool"]!["boost"] = SearchWeights.NeedGrams;
            any.Add(grams);
        }
        foreach (var code in ipc.Where(c => c.Length >= 4).Take(10))
        {
            any.Add(Obj("prefix", new JsonObject { ["ipcCodes"] = new JsonObject { ["value"] = code[..4], ["boost"] = SearchWeights.NeedSubclass } }));
            any.Add(Obj("term", new JsonObject { ["ipcClass"] = new JsonObject { ["value"] = code[..3], ["boost"] = SearchWeights.NeedClass } }));
        }
        return any.Count > 0 ? Bool(new JsonObject { ["should"] = any }) : NoMatch();
    }

    private static JsonObject Words(string field, string text, float boost) =>
        Obj("match", new JsonObject { [field] = new JsonObject { ["query"] = text, ["operator"] = "and", ["boost"] = boost } });

    private static JsonObject Match(string field, string text, float boost) =>
        Obj("match", new JsonObject { [field] = new JsonObject { ["query"] = text, ["boost"] = boost } });

    private static JsonObject MostBigrams(string field, string text, int minimum, float boost) =>
        Obj("match", new JsonObject { [field] = new JsonObject { ["query"] = text, ["minimum_should_match"] = minimum, ["boost"] = boost } });

    private static JsonObject MatchPhrase(string field, string text, float boost) =>
        Obj("match_phrase", new JsonObject { [field] = new JsonObject { ["query"] = text, ["boost"] = boost } });

    private static JsonObject Term(string field, string value, double boost, string name) =>
        Obj("term", new JsonObject { [field] = new JsonObject { ["value"] = value, ["boost"] = Math.Round(boost, 4), ["_name"] = name } });

    private static JsonObject Best(params JsonNode[] ways) =>
        Obj("dis_max", new JsonObject { ["queries"] = new JsonArray(ways), ["tie_breaker"] = SearchWeights.TieBreaker });

    private static JsonObject Bool(JsonObject body) => Obj("bool", body);

    private static JsonObject NoMatch() => Bool(new JsonObject { ["must_not"] = new JsonArray(Obj("match_all", new JsonObject())) });
}
