using Marketplace.Domain.Common;
using Marketplace.Domain.Organizations;
using Marketplace.Domain.Patents;
using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Patents.Import;

/// <summary>
/// Turns the 专利权人 names of an export into organisations. The importing office matches its own name or the
/// name of the university it serves (哈尔滨工业大学（威海） for 哈尔滨工业大学（威海）技术转移中心); every other
/// owner must be a registered organisation, and only the importer's consent is implied. Names compare after
/// bracket, width and space normalisation (哈尔滨工业大学(威海) = 哈尔滨工业大学（威海）).
/// </summary>
public sealed class OwnerDirectory
{
    private readonly Guid _self;
    private readonly string[] _selfNames;
    private readonly Dictionary<string, Guid> _byName;

    private OwnerDirectory(Guid self, string[] selfNames, Dictionary<string, Guid> byName) =>
        (_self, _selfNames, _byName) = (self, selfNames, byName);

    public static async Task<OwnerDirectory> LoadAsync(MarketplaceDb db, Guid self, CancellationToken ct)
    {
        var organizations = await db.Organizations.AsNoTracking().Where(o => o.IsVerified || o.Id == self)
            .Select(o => new { o.Id, o.NameZh, o.NameEn }).ToListAsync(ct);
        var byName = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var o in organizations)
        {
            byName.TryAdd(OrganizationName.Normalize(o.NameZh), o.Id);
            if (o.NameEn is not null) byName.TryAdd(OrganizationName.Normalize(o.NameEn), o.Id);
        }
        var mine = organizations.Single(o => o.Id == self);
        string[] selfNames = [mine.NameZh, .. mine.NameEn is null ? Array.Empty<string>() : [mine.NameEn]];
        return new OwnerDirectory(self, selfNames.Select(OrganizationName.Normalize).ToArray(), byName);
    }

    public IReadOnlyList<PatentOwner> Resolve(IReadOnlyList<string> names)
    {
        var ids = names.Count == 0 ? [_self] : names.Select(Find).Distinct().ToList();
        var share = Math.Floor(100m / ids.Count * 100m) / 100m;
        // Equal shares; the first owner takes the cent that equal division leaves over, so shares add up to 100.
        return ids.Select((id, i) => new PatentOwner(id, i == 0 ? 100m - share * (ids.Count - 1) : share, id == _self)).ToList();
    }

    private Guid Find(string name)
    {
        var normalized = OrganizationName.Normalize(name);
        if (_selfNames.Any(own => own == normalized || own.StartsWith(normalized, StringComparison.Ordinal)))
            return _self;
        return _byName.TryGetValue(normalized, out var id)
            ? id
            : throw new DomainRuleException("owners", new Text("'{0}' is not an organisation registered on the platform; every co-owner must be registered and consent to listing.", name));
    }
}
