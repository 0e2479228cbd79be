using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Marketplace.Web.Features.Search.Planning;

namespace Marketplace.Web.Features.Search.Lucene;

/// <summary>
/// Builds Lucene queries from a <see cref="SearchQuery"/> without Lucene's query syntax: the user's text is only
/// ever analysed into terms, so characters such as <c>&amp; | ! ( " *</c> are plain text, never operators.
/// </summary>
internal static class LuceneQueries
{
    public static Query Build(SearchQuery q, Query? text)
    {
        var root = new BooleanQuery();
        root.Add(text ?? new MatchAllDocsQuery(), Occur.MUST);
        AddAnyOf(root, LuceneSchema.Type, q.Types);
        AddAnyOf(root, LuceneSchema.Mode, q.Modes);
        AddAnyOf(root, LuceneSchema.Owner, q.Owners.Select(o => o.ToString()));
        AddAnyOf(root, LuceneSchema.OwnerType, q.OwnerTypes);
        AddAnyOf(root, LuceneSchema.LegalStatus, q.LegalStatuses);
        AddAnyOf(root, LuceneSchema.NumberKey, q.NumberKeys);
        AddAnyOf(root, LuceneSchema.Locarno, q.Locarno);
        if (q.Ipc.Count > 0)
        {
            var ipc = new BooleanQuery();
            foreach (var prefix in q.Ipc) ipc.Add(new TermQuery(IpcTerm(prefix)), Occur.SHOULD);
            root.Add(ipc, Occur.MUST);
        }
        if (q.Sleeping is { } sleeping) root.Add(new TermQuery(new Term(LuceneSchema.Sleeping, sleeping ? "true" : "false")), Occur.MUST);
        if (q.MinRemainingMonths is not null || q.MaxRemainingMonths is not null)
            root.Add(NumericRangeQuery.NewInt32Range(LuceneSchema.RemainingMonths, q.MinRemainingMonths, q.MaxRemainingMonths, true, true), Occur.MUST);
        if (q.MinPrice is not null || q.MaxPrice is not null)
            root.Add(NumericRangeQuery.NewInt64Range(LuceneSchema.Price, (long?)(q.MinPrice * 100), (long?)(q.MaxPrice * 100), true, true), Occur.MUST);
        return root;
    }

    /// <summary>A section (B), a class (B63) or a subclass (B63B).</summary>
    private static Term IpcTerm(string prefix) => prefix.Length switch
    {
        1 => new Term(LuceneSchema.IpcSection, prefix),
        3 => new Term(LuceneSchema.IpcClass, prefix),
        _ => new Term(LuceneSchema.IpcSubclass, prefix[..4]),
    };

    /// <summary>The text part of a query, or null when the query has no text.</summary>
    public static Query? TextQuery(SearchQuery q, Analyzer analyzer) => q.Match switch
    {
        _ when q.NumberKeys.Count > 0 => null,
        TextMatch.Similar => SimilarQuery(q.KeyTerms, q.BoostIpc, q.Text, analyzer),
        _ when string.IsNullOrWhiteSpace(q.Text) => null,
        TextMatch.AnyWord => PlanQuery(QueryPlanner.Plan(q.Text).Relaxed(), analyzer),
        TextMatch.Characters => CharactersQuery(q.Text, analyzer),
        _ => PlanQuery(QueryPlanner.Plan(q.Text), analyzer, FieldVote.LooksForField(q) ? FieldVote.FullMatchBoost : 1),
    };

    /// <summary>
    /// A typed query: every counted unit is one clause of a ranked disjunction that must match at least
    /// <see cref="QueryPlan.MinimumMatch"/> of them (boosted by <paramref name="fullBoost"/>); generic units and phrase
    /// boosts only add to the score. Within a unit, title and abstract each contribute their better match (SmartCn words
    /// or bigram phrase).
    /// </summary>
    public static Query PlanQuery(QueryPlan plan, Analyzer analyzer, float fullBoost = 1)
    {
        if (Parts(plan, analyzer) is not ({ } required, { } extras)) return NoMatch();
        required.Boost = fullBoost;
        return WithExtras(new BooleanQuery { { required, Occur.MUST } }, extras);
    }

    /// <summary>
    /// The second pass of a query that looks for its field (<see cref="FieldVote.LooksForField"/>): listings in the
    /// fields its full matches agree on (<see cref="FieldVote.NearFields"/>) that match some of its units but not enough
    /// to be full matches, scored as a full match would be without the boost. Null when one unit alone makes a full match.
    /// </summary>
    public static Query? NearQuery(QueryPlan plan, Analyzer analyzer, IReadOnlyList<string> nearFields)
    {
        if (Parts(plan, analyzer) is not ({ } required, { } extras) || required.MinimumNumberShouldMatch <= 1 || nearFields.Count == 0) return null;
        var any = new BooleanQuery();
        foreach (var clause in required.Clauses) any.Add(clause.Query, Occur.SHOULD);
        var fields = new BooleanQuery();
        foreach (var field in nearFields) fields.Add(new TermQuery(new Term(LuceneSchema.IpcSubclass, field)), Occur.SHOULD);
        return WithExtras(new BooleanQuery
        {
            { any, Occur.MUST },
            { new ConstantScoreQuery(fields) { Boost = 0 }, Occur.MUST },
            { required, Occur.MUST_NOT },
        }, extras);
    }

    /// <summary>The counted units as one minimum-should-match clause, and the clauses that only add to the score;
    /// null when nothing of the plan can match.</summary>
    private static (BooleanQuery Required, List<Query> Extras)? Parts(QueryPlan plan, Analyzer analyzer)
    {
        if (plan.IsEmpty) return null;
        var required = new BooleanQuery();
        var extras = new List<Query>();
        foreach (var unit in plan.Units)
        {
            var clause = UnitQuery(unit, analyzer, plan.SearchesNames);
            if (clause is null) continue;
            if (unit.Counted) required.Add(clause, Occur.SHOULD);
            else extras.Add(clause);
        }
        if (required.Clauses.Count == 0) return null;
        required.MinimumNumberShouldMatch = Math.Min(plan.MinimumMatch, required.Clauses.Count);
        foreach (var phrase in plan.Phrases)
        {
            if (Phrase(analyzer, LuceneSchema.TitleGram, phrase, SearchWeights.TitlePhrase) is { } title) extras.Add(title);
            if (Phrase(analyzer, LuceneSchema.AbstractGram, phrase, SearchWeights.AbstractPhrase) is { } inAbstract) extras.Add(inAbstract);
        }
        return (required, extras);
    }

    private static BooleanQuery WithExtras(BooleanQuery root, List<Query> extras)
    {
        foreach (var extra in extras) root.Add(extra, Occur.SHOULD);
        return root;
    }

    /// <summary>Any bigram (or lone character) of the text in title or abstract: the last resort of a typed query,
    /// which matches what plain bigram search would.</summary>
    public static Query CharactersQuery(string? text, Analyzer analyzer, int maxChars = QueryPlanner.MaxChars)
    {
        var any = new BooleanQuery();
        var normalized = QueryPlanner.Normalize(text, maxChars);
        foreach (var term in Terms(analyzer, LuceneSchema.TitleGram, normalized).Take(BooleanQuery.MaxClauseCount / 2))
        {
            any.Add(new TermQuery(new Term(LuceneSchema.TitleGram, term)) { Boost = SearchWeights.TitleGrams }, Occur.SHOULD);
            any.Add(new TermQuery(new Term(LuceneSchema.AbstractGram, term)) { Boost = SearchWeights.AbstractGrams }, Occur.SHOULD);
        }
        return any.Clauses.Count > 0 ? any : NoMatch();
    }

    /// <summary>One unit in every field that can hold it; null when it analyses to nothing anywhere.</summary>
    private static Query? UnitQuery(QueryUnit unit, Analyzer analyzer, bool names)
    {
        var any = new BooleanQuery();
        var chinese = unit.Latin ? unit.Translations : [unit.Text];
        foreach (var text in chinese)
        {
            if (unit.Loose)
            {
                any.Add(MostBigrams(analyzer, LuceneSchema.TitleGram, unit, SearchWeights.TitleGrams), Occur.SHOULD);
                any.Add(MostBigrams(analyzer, LuceneSchema.AbstractGram, unit, SearchWeights.AbstractGrams), Occur.SHOULD);
                continue;
            }
            AddBest(any, Words(analyzer, LuceneSchema.TitleZh, text, SearchWeights.TitleWords), Words(analyzer, LuceneSchema.TitleGram, text, SearchWeights.TitleGrams));
            AddBest(any, Words(analyzer, LuceneSchema.AbstractZh, text, SearchWeights.AbstractWords), Words(analyzer, LuceneSchema.AbstractGram, text, SearchWeights.AbstractGrams));
            AddBest(any, Words(analyzer, LuceneSchema.IpcText, text, SearchWeights.IpcText));
        }
        if (unit.Latin)
        {
            // As typed: in the English fields, and among the Latin words of Chinese text (5G, CMOS, LED).
            AddBest(any, Words(analyzer, LuceneSchema.TitleEn, unit.Text, SearchWeights.TitleWords));
            AddBest(any, Words(analyzer, LuceneSchema.AbstractEn, unit.Text, SearchWeights.AbstractWords));
            AddBest(any, Words(analyzer, LuceneSchema.TitleZh, unit.Text, SearchWeights.TitleWords), Words(analyzer, LuceneSchema.TitleGram, unit.Text, SearchWeights.TitleGrams));
            AddBest(any, Words(analyzer, LuceneSchema.AbstractZh, unit.Text, SearchWeights.AbstractWords));
            if (names) AddBest(any, Words(analyzer, LuceneSchema.OwnerNameEn, unit.Text, SearchWeights.Names));
        }
        else if (names)
        {
            AddBest(any, Words(analyzer, LuceneSchema.OwnerNameZh, unit.Text, SearchWeights.Names), Words(analyzer, LuceneSchema.Inventors, unit.Text, SearchWeights.Names));
        }
        return any.Clauses.Count > 0 ? any : null;
    }

    /// <summary>The better of several ways one field group can match (so words and bigrams are not counted twice).</summary>
    private static void AddBest(BooleanQuery any, params Query?[] ways)
    {
        var present = ways.OfType<Query>().ToList();
        if (present.Count == 1) any.Add(present[0], Occur.SHOULD);
        else if (present.Count > 1) any.Add(new DisjunctionMaxQuery(present, SearchWeights.TieBreaker), Occur.SHOULD);
    }

    /// <summary>Every analysed term of the text in the field, in any order: for a bigram field, the unit's bigrams.
    /// (Requiring them as a phrase would cost a positions scorer of 32 KB per unit and segment for the rare text that
    /// holds a word's bigrams apart; runs typed together are still boosted as phrases.)</summary>
    private static Query? Words(Analyzer analyzer, string field, string text, float boost)
    {
        var terms = Terms(analyzer, field, text);
        if (terms.Count == 0) return null;
        if (terms.Count == 1) return new TermQuery(new Term(field, terms[0])) { Boost = boost };
        var all = new BooleanQuery { Boost = boost };
        foreach (var term in terms) all.Add(new TermQuery(new Term(field, term)), Occur.MUST);
        return all;
    }

    /// <summary>The text's bigrams in order (a lone character: itself): the phrase boost of a run typed together.</summary>
    private static Query? Phrase(Analyzer analyzer, string field, string text, float boost)
    {
        var terms = Tokens(analyzer, field, text);
        if (terms.Count == 0) return null;
        if (terms.Count == 1) return new TermQuery(new Term(field, terms[0])) { Boost = boost };
        var phrase = new PhraseQuery { Boost = boost };
        foreach (var term in terms) phrase.Add(new Term(field, term));
        return phrase;
    }

    /// <summary>Most of a loose unit's bigrams (<see cref="QueryUnit.MinimumBigrams"/>), anywhere in the field.</summary>
    private static Query MostBigrams(Analyzer analyzer, string field, QueryUnit unit, float boost)
    {
        var most = new BooleanQuery { Boost = boost, MinimumNumberShouldMatch = unit.MinimumBigrams };
        foreach (var term in Terms(analyzer, field, unit.Text)) most.Add(new TermQuery(new Term(field, term)), Occur.SHOULD);
        return most;
    }

    /// <summary>
    /// Matchmaking: listings holding any of the key terms in title (counted more) or abstract, each term weighted by
    /// its significance, and the text's character bigrams; the need's IPC codes add to listings in the same subclass
    /// or class. The engine's field vote then applies as to any text search.
    /// </summary>
    public static Query SimilarQuery(IReadOnlyList<KeyTerm> keyTerms, IReadOnlyList<string> ipc, string? text, Analyzer analyzer)
    {
        var any = new BooleanQuery();
        // The text's character bigrams, as plain bigram search would match them: they catch what segmentation misses.
        if (!string.IsNullOrWhiteSpace(text)) any.Add(Boosted(CharactersQuery(text, analyzer, KeyTermSelection.MaxChars), SearchWeights.NeedGrams), Occur.SHOULD);
        foreach (var key in keyTerms.Take(BooleanQuery.MaxClauseCount / 4))
        {
            any.Add(new TermQuery(new Term(LuceneSchema.TitleZh, key.Term)) { Boost = (float)key.Weight * SearchWeights.TitleWords }, Occur.SHOULD);
            any.Add(new TermQuery(new Term(LuceneSchema.AbstractZh, key.Term)) { Boost = (float)key.Weight * SearchWeights.AbstractWords }, Occur.SHOULD);
        }
        foreach (var code in ipc.Where(c => c.Length >= 4).Take(10))
        {
            any.Add(new TermQuery(new Term(LuceneSchema.IpcSubclass, code[..4])) { Boost = SearchWeights.NeedSubclass }, Occur.SHOULD);
            any.Add(new TermQuery(new Term(LuceneSchema.IpcClass, code[..3])) { Boost = SearchWeights.NeedClass }, Occur.SHOULD);
        }
        return any.Clauses.Count > 0 ? any : NoMatch();
    }

    private static Query Boosted(Query query, float boost)
    {
        query.Boost = boost;
        return query;
    }

    private static Query NoMatch() => new BooleanQuery { { new TermQuery(new Term(LuceneSchema.Id, "\u0000")), Occur.MUST } };

    /// <summary>Distinct analysed terms, in order of first appearance.</summary>
    public static List<string> Terms(Analyzer analyzer, string field, string text) => Tokens(analyzer, field, text).Distinct().ToList();

    public static List<string> Tokens(Analyzer analyzer, string field, string text)
    {
        var terms = new List<string>();
        using var stream = analyzer.GetTokenStream(field, text);
        var attribute = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken()) terms.Add(attribute.ToString());
        stream.End();
        return terms;
    }

    private static void AddAnyOf(BooleanQuery root, string field, IEnumerable<string> values)
    {
        var list = values.ToList();
        if (list.Count == 0) return;
        var any = new BooleanQuery();
        foreach (var value in list) any.Add(new TermQuery(new Term(field, value)), Occur.SHOULD);
        root.Add(any, Occur.MUST);
    }

    public static Sort? SortFor(SearchSort sort) => sort switch
    {
        SearchSort.Newest => new Sort(new SortField(LuceneSchema.PublishedAt, SortFieldType.INT64, reverse: true)),
        SearchSort.RemainingTerm => new Sort(new SortField(LuceneSchema.RemainingMonths, SortFieldType.INT64, reverse: true)),
        SearchSort.PriceLow => new Sort(Missing(new SortField(LuceneSchema.Price, SortFieldType.INT64), long.MaxValue)),
        SearchSort.PriceHigh => new Sort(Missing(new SortField(LuceneSchema.Price, SortFieldType.INT64, reverse: true), long.MinValue)),
        _ => null,
    };

    /// <summary>Listings without a price ("negotiable") sort last either way.</summary>
    private static SortField Missing(SortField field, long value)
    {
        field.SetMissingValue(value);
        return field;
    }
}
