using Marketplace.Domain.Common;
using Marketplace.Domain.Patents;
using static Marketplace.Domain.Tests.Patents.PatentSamples;

namespace Marketplace.Domain.Tests.Patents;

/// <summary>Every refusal of <see cref="Patent.Create"/> names the JSON field the user must fix.</summary>
public sealed class PatentValidationTests
{
    private static readonly Dictionary<string, (string Field, Func<PatentDetails, PatentDetails> Break)> Cases = new()
    {
        ["wrong check character"] = ("applicationNumber", d => d with { ApplicationNumber = "202310104843.6" }),
        ["type not matching the number"] = ("type", d => d with { Type = PatentType.Design }),
        ["undefined type"] = ("type", d => d with { Type = (PatentType)7 }),
        ["malformed publication number"] = ("publicationNumber", d => d with { PublicationNumber = "CN12A" }),
        ["utility-model kind code on an invention"] = ("publicationNumber", d => d with { PublicationNumber = "CN216012345U" }),
        ["missing Chinese title"] = ("titleZh", d => d with { TitleZh = "  " }),
        ["Chinese title too long"] = ("titleZh", d => d with { TitleZh = new string('装', 201) }),
        ["Chinese title on two lines"] = ("titleZh", d => d with { TitleZh = "一种\n装置" }),
        ["English title too long"] = ("titleEn", d => d with { TitleEn = new string('a', 301) }),
        ["missing Chinese abstract"] = ("abstractZh", d => d with { AbstractZh = "" }),
        ["Chinese abstract too long"] = ("abstractZh", d => d with { AbstractZh = new string('装', 5001) }),
        ["control character in abstract"] = ("abstractZh", d => d with { AbstractZh = "本发明\u0007公开" }),
        ["unpaired surrogate in abstract"] = ("abstractZh", d => d with { AbstractZh = "本发明\ud800公开" }),
        ["English abstract too long"] = ("abstractEn", d => d with { AbstractEn = new string('a', 8001) }),
        ["no IPC codes"] = ("ipcCodes", d => d with { IpcCodes = [] }),
        ["21 IPC codes"] = ("ipcCodes", d => d with { IpcCodes = Enumerable.Range(1, 21).Select(g => $"B63B {g}/00").ToList() }),
        ["second IPC code malformed"] = ("ipcCodes[1]", d => d with { IpcCodes = ["B63B 21/00", "B63B35"] }),
        ["IPC code listed twice"] = ("ipcCodes[1]", d => d with { IpcCodes = ["B63B 35/00", "b63b35/00"] }),
        ["main IPC not among the codes"] = ("mainIpc", d => d with { MainIpc = "A61B 17/34" }),
        ["main IPC malformed"] = ("mainIpc", d => d with { MainIpc = "B63" }),
        ["no inventors"] = ("inventors", d => d with { Inventors = [] }),
        ["51 inventors"] = ("inventors", d => d with { Inventors = Enumerable.Repeat("王伟", 51).ToList() }),
        ["blank inventor"] = ("inventors[1]", d => d with { Inventors = ["张伟", " "] }),
        ["inventor name too long"] = ("inventors[0]", d => d with { Inventors = [new string('王', 51)] }),
        ["no owners"] = ("owners", d => d with { Owners = [] }),
        ["shares short of 100"] = ("owners", d => d with { Owners = [new(University, 60m, true), new(Enterprise, 30m, true)] }),
        ["shares over 100"] = ("owners", d => d with { Owners = [new(University, 60m, true), new(Enterprise, 60m, true)] }),
        ["zero share"] = ("owners[1].sharePercent", d => d with { Owners = [new(University, 100m, true), new(Enterprise, 0m, true)] }),
        ["share over 100"] = ("owners[0].sharePercent", d => d with { Owners = [new(University, 150m, true)] }),
        ["same owner twice"] = ("owners[1].organizationId", d => d with { Owners = [new(University, 50m, true), new(University, 50m, true)] }),
        ["owner without organisation"] = ("owners[1].organizationId", d => d with { Owners = [new(University, 50m, true), new(Guid.Empty, 50m, true)] }),
        ["filed before the Patent Law"] = ("filingDate", d => d with { ApplicationNumber = "85100001.0", FilingDate = new DateOnly(1985, 3, 31), GrantDate = null, LegalStatus = LegalStatus.Lapsed, LapseReason = "驳回", PublicationNumber = null, FeesPaidThrough = null }),
        ["filed in the future"] = ("filingDate", d => d with { ApplicationNumber = "202610104843.9", FilingDate = Today.AddDays(1), GrantDate = null, LegalStatus = LegalStatus.Pending, FeesPaidThrough = null }),
        ["filed after the number's year"] = ("filingDate", d => d with { FilingDate = new DateOnly(2024, 1, 2) }),
        ["granted before filing"] = ("grantDate", d => d with { GrantDate = new DateOnly(2023, 1, 9) }),
        ["granted in the future"] = ("grantDate", d => d with { GrantDate = Today.AddDays(1) }),
        ["valid without grant date"] = ("grantDate", d => d with { GrantDate = null }),
        ["pending with grant date"] = ("grantDate", d => d with { LegalStatus = LegalStatus.Pending }),
        ["undefined legal status"] = ("legalStatus", d => d with { LegalStatus = (LegalStatus)9 }),
        ["lapsed without reason"] = ("lapseReason", d => d with { LegalStatus = LegalStatus.Lapsed }),
        ["reason without lapse"] = ("lapseReason", d => d with { LapseReason = "未缴年费专利权终止" }),
        ["fees paid before filing"] = ("feesPaidThrough", d => d with { FeesPaidThrough = new DateOnly(2022, 12, 31) }),
        ["fees paid past the term"] = ("feesPaidThrough", d => d with { FeesPaidThrough = new DateOnly(2043, 1, 10) }),
    };

    public static TheoryData<string> CaseNames => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Each_refusal_names_its_field(string caseName)
    {
        var (field, breakIt) = Cases[caseName];
        // A break may make a dependent field wrong too (a design has no IPC codes): the case's own field comes first.
        var error = Assert.ThrowsAny<DomainRuleException>(() => Create(breakIt(Details())));
        Assert.Equal(field, error.Field);
        Assert.False(error.IsConflict);
        Assert.EndsWith(".", error.Message);
    }

    [Fact]
    public void The_sample_itself_is_valid() => Assert.Equal(LegalStatus.Valid, Create().LegalStatus);

    [Fact]
    public void A_lapsed_patent_may_never_have_been_granted()
    {
        var refused = Create(Pending() with { LegalStatus = LegalStatus.Lapsed, LapseReason = "视为撤回" });
        Assert.False(refused.IsGranted);
        Assert.True(Create(Lapsed()).IsGranted);
    }
}
