using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Documents;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace Marketplace.Web.Features.Search.Lucene;

/// <summary>
/// Field names and how a <see cref="SearchDocument"/> becomes a Lucene document. Chinese text is indexed twice: as
/// SmartCn words (用于 / 船舶 / 智能 / 导航 / 装置 / 方法) and as character bigrams (<see cref="GramAnalyzer"/>); English
/// text goes through the English analyzer (stemming: staplers → stapler). Scores are BM25. Filters are indexed
/// terms; facets, sorts and the field vote (<see cref="FieldVote"/>) read doc values.
/// </summary>
internal static class LuceneSchema
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    public const string Id = "listingId", PatentId = "patentId", ApplicationNumber = "applicationNumber",
        TitleZh = "titleZh", TitleEn = "titleEn", AbstractZh = "abstractZh", AbstractEn = "abstractEn", IpcText = "ipcText",
        TitleGram = "titleGram", AbstractGram = "abstractGram", MainSubclass = "mainSubclass", IpcSubclass = "ipcSubclass", NumberKey = "numberKey",
        OwnerNameZh = "ownerNameZh", OwnerNameEn = "ownerNameEn", Inventors = "inventors", TitleKey = "titleKey",
        Type = "type", IpcSection = "ipcSection", IpcClass = "ipcClass", Mode = "mode", Owner = "owner", OwnerType = "ownerType",
        LegalStatus = "legalStatus", Sleeping = "sleeping", RemainingMonths = "remainingMonths", Price = "priceCents",
        PublishedAt = "publishedAt", Modes = "modes", IpcCodes = "ipcCodes",
        TypeStored = "typeValue", SleepingStored = "sleepingValue", Facets = "facets", Locarno = "locarno", LocarnoStored = "locarnoClass";

    /// <summary>Separates a facet's name from its value in the one doc-values field that holds every facet.</summary>
    public const char FacetSeparator = '\u001f';


    /// <summary>Facet fields that hold terms (sorted-set doc values), keyed by the facet's public name.</summary>
    public static readonly (string Facet, string Field)[] TermFacets =
    [
        (SearchFacets.Type, Type), (SearchFacets.IpcSection, IpcSection), (SearchFacets.IpcClass, IpcClass), (SearchFacets.Mode, Mode),
        (SearchFacets.Owner, Owner), (SearchFacets.OwnerType, OwnerType), (SearchFacets.LegalStatus, LegalStatus), (SearchFacets.Sleeping, Sleeping),
        (SearchFacets.Locarno, Locarno),
    ];

    /// <summary>Stored text with its terms per document (term vectors), so matchmaking reads which of a need's key
    /// terms a listing holds instead of running the Chinese segmenter again over every candidate.</summary>
    private static readonly FieldType Vectored = Freeze(new FieldType(TextField.TYPE_STORED) { StoreTermVectors = true });

    private static FieldType Freeze(FieldType type)
    {
        type.Freeze();
        return type;
    }

    /// <summary>How each field is analysed; <paramref name="forQuery"/> leaves single characters out of the bigram fields.</summary>
    public static Analyzer CreateAnalyzer(bool forQuery = false)
    {
        var chinese = new SmartChineseAnalyzer(Version);
        var english = new EnglishAnalyzer(Version);
        var grams = new GramAnalyzer(unigrams: !forQuery);
        return new PerFieldAnalyzerWrapper(chinese, new Dictionary<string, Analyzer>
        {
            [TitleEn] = english, [AbstractEn] = english, [OwnerNameEn] = english, [TitleGram] = grams, [AbstractGram] = grams,
        });
    }

    /// <summary>BM25 at index time (it shapes the stored norms) and at search time.</summary>
    public static readonly Similarity Similarity = new BM25Similarity();

    public static Document ToDocument(SearchDocument d)
    {
        var doc = new Document
        {
            new StringField(Id, d.ListingId.ToString(), Field.Store.YES),
            new StoredField(PatentId, d.PatentId.ToString()),
            new StringField(ApplicationNumber, d.ApplicationNumber, Field.Store.YES),
            new Field(TitleZh, d.TitleZh, Vectored),
            new Field(AbstractZh, d.AbstractZh, Vectored),
            new TextField(TitleGram, d.TitleZh, Field.Store.NO),
            new TextField(AbstractGram, d.AbstractZh, Field.Store.NO),
            new TextField(IpcText, d.IpcText, Field.Store.NO),
            new SortedDocValuesField(MainSubclass, new BytesRef(d.IpcCodes.FirstOrDefault() is { Length: >= 4 } main ? main[..4] : "")),
            new TextField(OwnerNameZh, d.OwnerNameZh, Field.Store.YES),
            new TextField(Inventors, string.Join(" ", d.Inventors), Field.Store.NO),
            new StringField(TitleKey, d.TitleZh, Field.Store.NO),
            new StoredField(Modes, string.Join(",", d.Modes)),
            new StoredField(IpcCodes, string.Join(",", d.IpcCodes)),
            new StoredField(TypeStored, d.PatentType),
            new StoredField(SleepingStored, d.Sleeping ? "true" : "false"),
            new Int32Field(RemainingMonths, d.RemainingMonths, Field.Store.YES),
            new NumericDocValuesField(RemainingMonths, d.RemainingMonths),
            new NumericDocValuesField(PublishedAt, d.PublishedAt.ToUnixTimeMilliseconds()),
        };
        if (d.TitleEn is not null)
        {
            doc.Add(new Field(TitleEn, d.TitleEn, Vectored));
            doc.Add(new StringField(TitleKey, d.TitleEn.ToLowerInvariant(), Field.Store.NO));
        }
        if (d.AbstractEn is not null) doc.Add(new Field(AbstractEn, d.AbstractEn, Vectored));
        if (d.OwnerNameEn is not null) doc.Add(new TextField(OwnerNameEn, d.OwnerNameEn, Field.Store.YES));
        if (d.Price is { } price)
        {
            var cents = (long)(price * 100);
            doc.Add(new Int64Field(Price, cents, Field.Store.YES));
            doc.Add(new NumericDocValuesField(Price, cents));
        }
        AddTerm(doc, Type, d.PatentType);
        foreach (var key in NumberSearch.Keys(d.ApplicationNumber, d.PublicationNumber)) doc.Add(new StringField(NumberKey, key, Field.Store.NO));
        foreach (var subclass in d.IpcCodes.Where(c => c.Length >= 4).Select(c => c[..4]).Distinct())
            doc.Add(new StringField(IpcSubclass, subclass, Field.Store.NO));
        foreach (var code in d.IpcCodes)
        {
            AddTerm(doc, IpcSection, code[..1]);
            AddTerm(doc, IpcClass, code[..3]);
        }
        foreach (var mode in d.Modes) AddTerm(doc, Mode, mode);
        AddTerm(doc, Owner, d.OwnerOrganizationId.ToString());
        AddTerm(doc, OwnerType, d.OwnerType);
        AddTerm(doc, LegalStatus, d.LegalStatus);
        AddTerm(doc, Sleeping, d.Sleeping ? "true" : "false");
        if (d.LocarnoClass is { Length: >= 2 } locarno)
        {
            doc.Add(new StoredField(LocarnoStored, locarno));
            AddTerm(doc, Locarno, locarno[..2]);
        }
        return doc;
    }

    /// <summary>A filterable term and its doc value for facet counts. Repeated values (two IPC codes in one class)
    /// are indexed once.</summary>
    /// <remarks>All facets share one sorted-set field ("type␟Invention", "mode␟Licence", …), so counting reads
    /// one doc-values entry per hit instead of one per facet.</remarks>
    private static void AddTerm(Document doc, string field, string value)
    {
        if (doc.GetFields(field).Any(f => f.GetStringValue() == value)) return;
        doc.Add(new StringField(field, value, Field.Store.NO));
        var facet = TermFacets.First(f => f.Field == field).Facet;
        doc.Add(new SortedSetDocValuesField(Facets, new BytesRef(facet + FacetSeparator + value)));
    }

    public static decimal? PriceOf(Document doc) =>
        doc.GetField(Price)?.GetInt64Value() is { } cents ? cents / 100m : null;

    public static int RemainingOf(Document doc) =>
        doc.GetField(RemainingMonths)?.GetInt32Value() ?? 0;

    public static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
