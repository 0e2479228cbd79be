using Marketplace.Domain.Patents;

namespace Marketplace.Domain.Tests.Patents;

/// <summary>Valid data to start from; tests break one field at a time with <c>with</c>.</summary>
internal static class PatentSamples
{
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly Today = new(2026, 11, 25);
    public static readonly Guid University = Guid.Parse("0190a000-0000-7000-8000-000000000001");
    public static readonly Guid Enterprise = Guid.Parse("0190a000-0000-7000-8000-000000000002");

    /// <summary>A granted invention solely owned by <see cref="University"/>, filed 2023-01-10.</summary>
    public static PatentDetails Details() => new(
        ApplicationNumber: "202310104843.5",
        Type: PatentType.Invention,
        PublicationNumber: "CN116012345B",
        TitleZh: "一种船舶用智能系泊装置",
        TitleEn: "Smart mooring device for ships",
        AbstractZh: "本发明公开了一种船舶用智能系泊装置，包括缆绳张力传感器和控制器。",
        AbstractEn: null,
        IpcCodes: ["B63B 21/00", "B63B 35/00"],
        MainIpc: null,
        Inventors: ["张伟", "李娜"],
        Owners: [new PatentOwner(University, 100m, ConsentToList: true)],
        FilingDate: new DateOnly(2023, 1, 10),
        GrantDate: new DateOnly(2024, 6, 18),
        LegalStatus: LegalStatus.Valid,
        LapseReason: null,
        FeesPaidThrough: new DateOnly(2027, 1, 9));

    public static PatentDetails CoOwned(bool enterpriseConsents = true) => Details() with
    {
        Owners = [new PatentOwner(University, 60m, true), new PatentOwner(Enterprise, 40m, enterpriseConsents)],
    };

    /// <summary>A granted utility model (10-year term), filed 2021-03-02.</summary>
    public static PatentDetails UtilityModel() => Details() with
    {
        ApplicationNumber = "202120123456.2",
        Type = PatentType.UtilityModel,
        PublicationNumber = "CN215123456U",
        FilingDate = new DateOnly(2021, 3, 2),
        GrantDate = new DateOnly(2021, 10, 8),
        FeesPaidThrough = null,
    };

    public static PatentDetails Pending() => Details() with { GrantDate = null, LegalStatus = LegalStatus.Pending, PublicationNumber = "CN116012345A" };

    public static PatentDetails Lapsed() => Details() with { LegalStatus = LegalStatus.Lapsed, LapseReason = "未缴年费专利权终止" };

    public static Patent Create(PatentDetails? details = null) => Patent.Create(details ?? Details(), University, Now);
}
