using System.Security.Cryptography;
using System.Text;
using Marketplace.Domain.Patents;
using Marketplace.Web.Features.Search;

namespace Marketplace.Benchmarks.Relevance;

/// <summary>
/// Real records as the search engine indexes published listings: the record's own title, abstract and IPC codes; the
/// offer around it (modes, price, remaining term, sleeping) drawn from a fixed seed, because matching weighs them.
/// </summary>
internal static class CatalogDocuments
{
    public static readonly Guid University = Guid.Parse("0a0b0c0d-0000-4000-8000-0000000000aa"), Enterprise = Guid.Parse("0a0b0c0d-0000-4000-8000-0000000000bb");
    private static readonly string[][] ModeSets = [["Licence"], ["Licence", "Transfer"], ["OpenLicence"], ["Transfer"], ["Licence", "Equity"]];

    public static Guid ListingId(RealRecord r) => new(MD5.HashData(Encoding.UTF8.GetBytes($"{r.Source}:{r.Id}")));

    public static SearchDocument From(RealRecord r, int i)
    {
        var random = new Random(i);
        var university = r.Applicant.Contains("大学") || r.Applicant.Contains("学院") || r.Applicant.Contains("研究");
        var digits = $"{2013 + i % 10}{(r.Type == PatentType.UtilityModel ? 2 : 1)}{5_000_000 + i:D7}";
        return new SearchDocument(
            ListingId(r), ListingId(r), r.ApplicationNumber?.Replace("CN", "") ?? $"{digits}.{ApplicationNumber.CheckCharacter(digits)}",
            r.Title, null, r.Abstract, null, r.IpcCodes, IpcGlossary.Describe(r.IpcCodes),
            university ? University : Enterprise, r.Applicant, null, university ? "University" : "Enterprise", [],
            r.Type.ToString(), "Valid", ModeSets[random.Next(ModeSets.Length)], university && random.Next(3) == 0, random.Next(12, 230),
            random.Next(4) == 0 ? null : random.Next(5, 300) * 10_000m, DateTimeOffset.UtcNow.AddDays(-random.Next(0, 700)));
    }
}
