using Marketplace.Domain.Common;
using Marketplace.Domain.Patents;
using static Marketplace.Domain.Tests.Patents.PatentSamples;

namespace Marketplace.Domain.Tests.Patents;

public sealed class PatentRecordGapsTests
{
    private static PatentDetails Design() => Details() with
    {
        ApplicationNumber = "202230012345.4", Type = PatentType.Design, PublicationNumber = "CN307123456S",
        TitleZh = "船用导航仪", IpcCodes = [], MainIpc = null, LocarnoClass = "LOC (14) Cl. 10-04",
        FilingDate = new DateOnly(2022, 3, 1), GrantDate = new DateOnly(2022, 9, 2), FeesPaidThrough = null,
    };

    [Fact]
    public void A_design_is_classified_by_Locarno()
    {
        var patent = Create(Design());
        Assert.Equal("10-04", patent.LocarnoClass);
        Assert.Empty(patent.IpcCodes);
        Assert.Equal("", patent.MainIpc);
    }

    [Fact]
    public void A_design_with_IPC_codes_is_refused() =>
        Assert.Equal("ipcCodes", Assert.Throws<DomainRuleException>(() => Create(Design() with { IpcCodes = ["B63B 35/00"] })).Field);

    [Fact]
    public void A_design_without_its_Locarno_class_is_refused_unless_the_source_lacked_it()
    {
        Assert.Equal("locarnoClass", Assert.Throws<DomainRuleException>(() => Create(Design() with { LocarnoClass = null })).Field);
        Assert.Equal(RecordGaps.Classification, Create(Design() with { LocarnoClass = null, Gaps = RecordGaps.Classification }).Gaps);
    }

    [Fact]
    public void An_invention_has_no_Locarno_class() =>
        Assert.Equal("locarnoClass", Assert.Throws<DomainRuleException>(() => Create(Details() with { LocarnoClass = "12-08" })).Field);

    [Fact]
    public void Missing_abstract_and_inventors_are_allowed_only_as_declared_gaps()
    {
        Assert.Equal("abstractZh", Assert.Throws<DomainRuleException>(() => Create(Details() with { AbstractZh = "" })).Field);
        var patent = Create(Details() with { AbstractZh = "", Inventors = [], Gaps = RecordGaps.Abstract | RecordGaps.Inventors });
        Assert.Equal(RecordGaps.Abstract | RecordGaps.Inventors, patent.Gaps);
    }

    [Fact]
    public void A_patent_without_an_abstract_cannot_be_listed_until_it_is_filled_in()
    {
        var patent = Create(Details() with { AbstractZh = "", Gaps = RecordGaps.Abstract });
        Assert.Contains("abstract", patent.WhyNotListable(Today)!.ToString());
        patent.Update(Details() with { Gaps = RecordGaps.Abstract }, Now);
        Assert.Equal(RecordGaps.None, patent.Gaps);
        Assert.Null(patent.WhyNotListable(Today));
    }

    [Fact]
    public void A_granted_patent_without_a_grant_date_in_its_source_counts_as_granted()
    {
        Assert.Equal("grantDate", Assert.Throws<DomainRuleException>(() => Create(Details() with { GrantDate = null })).Field);
        var patent = Create(Details() with { GrantDate = null, Gaps = RecordGaps.GrantDate });
        Assert.True(patent.IsGranted);
        Assert.True(patent.IsInForce(Today));
    }

    [Fact]
    public void The_register_history_is_kept_and_only_grows()
    {
        var patent = Create(Details() with { RecordedEvents = LegalEvents.Pledge });
        Assert.True(patent.PledgeRecorded);
        patent.Update(Details() with { RecordedEvents = LegalEvents.Transfer }, Now);
        Assert.Equal(LegalEvents.Pledge | LegalEvents.Transfer, patent.RecordedEvents);
    }
}
