namespace Marketplace.Domain.Patents;

/// <summary>
/// One registered patentee (专利权人). Co-owned patents are common between universities and enterprises; a
/// transfer or exclusive licence needs every co-owner (专利法 art. 14), so listing needs each one's consent.
/// </summary>
public sealed record PatentOwner(Guid OrganizationId, decimal SharePercent, bool ConsentToList);
