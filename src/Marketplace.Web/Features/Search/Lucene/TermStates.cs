using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Marketplace.Web.Features.Search.Lucene;

/// <summary>
/// Looks up each term of one search once, with one terms enumerator per field and segment. Lucene builds a term's
/// statistics (<see cref="TermContext"/>) each time a query holding it is weighted, with a new enumerator that walks
/// the terms dictionary from its root; a typed search holds the same terms in its strict pass, its near pass (which
/// also excludes the strict query) and its facet recounts, and each unit's terms in several clauses. The states are
/// valid for the searcher they were read from only.
/// </summary>
internal sealed class TermStates(IndexSearcher searcher)
{
    private readonly Dictionary<Term, TermContext> _states = [];
    private readonly Dictionary<(string Field, int Leaf), TermsEnum?> _enums = [];

    /// <summary>The query with each of its term queries carrying its looked-up state (rewritten in place where the
    /// query is a boolean or disjunction, which a search builds afresh).</summary>
    public Query Resolve(Query query)
    {
        switch (query)
        {
            case TermQuery term:
                return new TermQuery(term.Term, State(term.Term)) { Boost = term.Boost };
            case BooleanQuery boolean:
                foreach (var clause in boolean.Clauses) clause.Query = Resolve(clause.Query);
                return boolean;
            case DisjunctionMaxQuery max:
                var disjuncts = max.Disjuncts;
                for (var i = 0; i < disjuncts.Count; i++) disjuncts[i] = Resolve(disjuncts[i]);
                return max;
            case ConstantScoreQuery { Query: BooleanQuery inner } constant:
                Resolve(inner);
                return constant;
            default:
                return query;
        }
    }

    private TermContext State(Term term)
    {
        if (_states.TryGetValue(term, out var known)) return known;
        var top = searcher.TopReaderContext;
        var state = new TermContext(top);
        foreach (var leaf in top.Leaves)
        {
            if (!_enums.TryGetValue((term.Field, leaf.Ord), out var terms))
                _enums[(term.Field, leaf.Ord)] = terms = leaf.AtomicReader.GetTerms(term.Field)?.GetEnumerator();
            if (terms is not null && terms.SeekExact(term.Bytes))
                state.Register(terms.GetTermState(), leaf.Ord, terms.DocFreq, terms.TotalTermFreq);
        }
        return _states[term] = state;
    }
}
