using Marketplace.Web.Features.Localization;
using Marketplace.Domain.Patents;

namespace Marketplace.Web.Features.Patents;

public sealed record OwnerShareRequest(Guid OrganizationId, decimal SharePercent);

/// <summary>A patent as an office enters it. Owners default to the caller's organisation alone. Designs give a
/// Locarno class (e.g. 12-08) and no IPC codes; <see cref="RecordedEvents"/> is the register's history (licensed,
/// transferred, pledged), which decides with the holder whether the patent is sleeping.</summary>
public sealed record PatentRequest(
    [property: RequiredField("Application number")] string ApplicationNumber,
    [property: RequiredField("Patent type")] PatentType? Type,
    string? PublicationNumber,
    [property: RequiredField("Chinese title")] string TitleZh,
    string? TitleEn,
    [property: RequiredField("Chinese abstract")] string AbstractZh,
    string? AbstractEn,
    List<string>? IpcCodes,
    string? MainIpc,
    [property: RequiredField("Inventors")] List<string> Inventors,
    List<OwnerShareRequest>? Owners,
    [property: RequiredField("Filing date")] DateOnly? FilingDate,
    DateOnly? GrantDate,
    [property: RequiredField("Legal status")] LegalStatus? LegalStatus,
    string? LapseReason,
    DateOnly? FeesPaidThrough,
    uint? Version,
    string? LocarnoClass = null,
    LegalEvents? RecordedEvents = null);

public sealed record OwnerResponse(Guid OrganizationId, string NameZh, string? NameEn, decimal SharePercent, bool ConsentToList);

public sealed record RemainingTermResponse(int Years, int Months, int Days, bool Expired);

public sealed record PatentResponse(
    Guid Id, string ApplicationNumber, PatentType Type, string? PublicationNumber, string TitleZh, string? TitleEn,
    string AbstractZh, string? AbstractEn, IReadOnlyList<string> IpcCodes, string MainIpc, IReadOnlyList<string> Inventors,
    IReadOnlyList<OwnerResponse> Owners, DateOnly FilingDate, DateOnly? GrantDate, LegalStatus LegalStatus,
    string? LapseReason, DateOnly? FeesPaidThrough, DateOnly TermEnd, RemainingTermResponse Remaining,
    bool IsInForce, bool IsSleeping, string? WhyNotListable, Guid OwnerOrganizationId, uint Version,
    string? LocarnoClass, LegalEvents RecordedEvents, bool PledgeRecorded, RecordGaps Gaps, DateOnly? AwakenedOn);

public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

public sealed record PageQuery(int? Page, int? PageSize)
{
    public const int MaxPageSize = 100;
    /// <summary>Beyond this page, (page - 1) × size would overflow an int; such a page is empty anyway.</summary>
    private const int MaxPage = int.MaxValue / MaxPageSize;
    public int PageNumber => Math.Clamp(Page ?? 1, 1, MaxPage);
    public int Size => Math.Clamp(PageSize ?? 20, 1, MaxPageSize);
    public int Skip => (PageNumber - 1) * Size;
}
