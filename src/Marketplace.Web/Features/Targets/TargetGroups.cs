using Marketplace.Domain.Organizations;
using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Features.Targets;

/// <summary>
/// An owner group of the plan: registered organisations, named by id (Targets:Owners:n:OrganizationIds), or by their
/// registered names, compared whole after bracket and space normalisation (哈尔滨工业大学(威海) = 哈尔滨工业大学（威海）).
/// A name that merely contains a university's (哈尔滨工业大学（威海）某某有限公司) is another organisation.
/// </summary>
public sealed class OwnerGroup
{
    public string Key { get; set; } = "";
    public string NameZh { get; set; } = "";
    public string NameEn { get; set; } = "";
    public List<Guid> OrganizationIds { get; set; } = [];
    public List<string> Names { get; set; } = [];

    public bool Holds(Guid organizationId, string nameZh) =>
        OrganizationIds.Contains(organizationId) || Names.Any(n => OrganizationName.SameAs(n, nameZh));
}

/// <summary>An industry of the plan, recognised by the IPC prefixes of a patent's main classification.</summary>
public sealed class IndustryGroup
{
    public string Key { get; set; } = "";
    public string NameZh { get; set; } = "";
    public string NameEn { get; set; } = "";
    public List<string> IpcPrefixes { get; set; } = [];
}

/// <summary>
/// Which owner group and industry a deal counts under. The groups come from configuration (Targets:Owners,
/// Targets:Industries) because the park redraws them; after such a change, POST /api/targets/recount rebuilds the
/// kept totals, since rows kept under the old grouping would otherwise never be taken back out.
/// </summary>
public sealed class TargetGroups(MarketplaceDb db, IOptions<TargetOptions> options)
{
    public const string Enterprises = "Enterprises", Others = "Others", OtherIndustry = "Other";

    public IReadOnlyList<OwnerGroup> Owners => options.Value.Owners;
    public IReadOnlyList<IndustryGroup> Industries => options.Value.Industries;

    public async Task<(string Owner, string Industry)> OfDealAsync(Guid sellerOrganizationId, Guid patentId, CancellationToken ct)
    {
        var seller = await db.Organizations.AsNoTracking().Where(o => o.Id == sellerOrganizationId).Select(o => new { o.NameZh, o.Type }).SingleAsync(ct);
        var ipc = await db.Patents.AsNoTracking().Where(p => p.Id == patentId).Select(p => p.MainIpc).SingleAsync(ct);
        return (OwnerOf(sellerOrganizationId, seller.NameZh, seller.Type), IndustryOf(ipc));
    }

    public string OwnerOf(Guid organizationId, string nameZh, OrganizationType type) =>
        Owners.FirstOrDefault(g => g.Holds(organizationId, nameZh))?.Key
        ?? (type == OrganizationType.Enterprise ? Enterprises : Others);

    /// <summary>The longest matching prefix wins, so "A01K61" (aquaculture cages) can sit apart from the rest of A01K.</summary>
    public string IndustryOf(string mainIpc)
    {
        var code = mainIpc.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        return Industries.SelectMany(g => g.IpcPrefixes.Select(p => (g.Key, Prefix: p.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant())))
            .Where(m => code.StartsWith(m.Prefix, StringComparison.Ordinal))
            .OrderByDescending(m => m.Prefix.Length).Select(m => m.Key).FirstOrDefault() ?? OtherIndustry;
    }

    /// <summary>A group's name in the current language: configured groups carry both names; the catch-all groups
    /// ("Enterprises", "Others", "Other") are named by the resources ("TargetGroup.Others").</summary>
    public string NameOf(string key, Microsoft.Extensions.Localization.IStringLocalizer t)
    {
        var chinese = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "zh";
        return Owners.FirstOrDefault(g => g.Key == key) is { } o ? (chinese ? o.NameZh : o.NameEn)
            : Industries.FirstOrDefault(g => g.Key == key) is { } i ? (chinese ? i.NameZh : i.NameEn)
            : t["TargetGroup." + key] is { ResourceNotFound: false } found ? found.Value
            : key;
    }
}
