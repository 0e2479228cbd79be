using Marketplace.Domain.Common;
using Marketplace.Domain.Patents;
using static Marketplace.Domain.Tests.Patents.PatentSamples;

namespace Marketplace.Domain.Tests.Patents;

public sealed class PatentCreateTests
{
    [Fact]
    public void Creates_a_normalized_patent_managed_by_its_owner()
    {
        var patent = Patent.Create(Details() with
        {
            ApplicationNumber = "ZL 202310104843.5",
            PublicationNumber = "cn 116012345 b",
            TitleZh = "  一种船舶用智能系泊装置 ",
            IpcCodes = ["b63b21/00", "B63B  35/00"],
            MainIpc = "b63b 35/00",
        }, University, Now);

        Assert.NotEqual(Guid.Empty, patent.Id);
        Assert.Equal("202310104843.5", patent.ApplicationNumber);
        Assert.Equal("CN116012345B", patent.PublicationNumber);
        Assert.Equal("一种船舶用智能系泊装置", patent.TitleZh);
        Assert.Equal(["B63B 21/00", "B63B 35/00"], patent.IpcCodes);
        Assert.Equal("B63B 35/00", patent.MainIpc);
        Assert.Equal(University, patent.OwnerOrganizationId);
        Assert.Equal(Now, patent.CreatedAt);
        Assert.Equal(Now, patent.UpdatedAt);
        Assert.Equal(0u, patent.Version);
        Assert.IsType<List<string>>(patent.IpcCodes);
        Assert.IsType<List<PatentOwner>>(patent.Owners);
    }

    [Fact]
    public void The_main_ipc_defaults_to_the_first_code() =>
        Assert.Equal("B63B 21/00", Create().MainIpc);

    [Fact]
    public void Markup_is_stored_as_given_and_encoded_later_while_line_breaks_are_normalized()
    {
        var patent = Create(Details() with { TitleZh = "<b>系泊</b> & 装置", AbstractZh = "第一段\r\n\t第二段" });
        Assert.Equal("<b>系泊</b> & 装置", patent.TitleZh);
        Assert.Equal("第一段\n\t第二段", patent.AbstractZh);
    }

    [Fact]
    public void Blank_optional_text_becomes_null()
    {
        var patent = Create(Details() with { TitleEn = "  ", AbstractEn = "", PublicationNumber = " " });
        Assert.Null(patent.TitleEn);
        Assert.Null(patent.AbstractEn);
        Assert.Null(patent.PublicationNumber);
    }

    [Fact]
    public void Lengths_count_characters_not_utf16_units()
    {
        // 𠀀 (U+20000) is one character but two UTF-16 units; 200 of them fit a 200-character title.
        Assert.Equal(400, Create(Details() with { TitleZh = string.Concat(Enumerable.Repeat("𠀀", 200)) }).TitleZh.Length);
    }

    [Fact]
    public void The_oldest_possible_patent_and_the_law_s_first_day_are_accepted()
    {
        var patent = Create(Details() with
        {
            ApplicationNumber = "85100001.0", FilingDate = new DateOnly(1985, 4, 1), GrantDate = new DateOnly(1988, 1, 1),
            LegalStatus = LegalStatus.Lapsed, LapseReason = "专利权期满终止", PublicationNumber = null, FeesPaidThrough = null,
        });
        Assert.Equal(new DateOnly(2005, 3, 31), patent.TermEnd);
    }

    [Fact]
    public void Divisional_and_pct_numbers_may_be_from_a_later_year_than_the_filing_date()
    {
        Assert.Equal(new DateOnly(2021, 5, 6), Create(Details() with { FilingDate = new DateOnly(2021, 5, 6) }).FilingDate);
        var pct = Create(Details() with { ApplicationNumber = "201880001234.4", FilingDate = new DateOnly(2016, 11, 30), GrantDate = new DateOnly(2021, 2, 2) });
        Assert.True(ApplicationNumber.Parse(pct.ApplicationNumber).IsPct);
    }

    [Fact]
    public void Shares_must_add_up_exactly()
    {
        var thirds = Details() with
        {
            Owners = [new(University, 33.3334m, true), new(Enterprise, 33.3333m, true), new(Guid.NewGuid(), 33.3333m, true)],
        };
        Assert.Equal(3, Create(thirds).Owners.Count);
        var error = Assert.Throws<DomainRuleException>(() => Create(thirds with
        {
            Owners = [new(University, 33.3333m, true), new(Enterprise, 33.3333m, true), new(Guid.NewGuid(), 33.3333m, true)],
        }));
        Assert.Equal("owners", error.Field);
        Assert.Contains("99.9999%", error.Message);
    }

    [Fact]
    public void The_type_must_agree_with_the_application_number()
    {
        // The publication number's kind code then disagrees as well; every refusal is reported, the type's first.
        var error = Assert.ThrowsAny<DomainRuleException>(() => Create(Details() with { ApplicationNumber = "202120123456.2" }));
        Assert.Equal("type", error.Field);
        Assert.Equal("The application number's type digit 2 means a utility model, not an invention.", error.Message);
    }

    [Fact]
    public void The_managing_organisation_must_be_an_owner()
    {
        var error = Assert.Throws<DomainRuleException>(() => Patent.Create(Details(), Enterprise, Now));
        Assert.Equal("owners", error.Field);
        Assert.Throws<ArgumentException>(() => Patent.Create(Details(), Guid.Empty, Now));
    }
}
