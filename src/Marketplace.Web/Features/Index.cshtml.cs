using Marketplace.Web.Platform;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Features;

/// <summary>
/// The home page answers "what should I do now" for the visitor's role; everyone else sees the market. It is
/// composed of the sections the features register for the visitor's audience (<see cref="IHomeSection"/>), in order.
/// </summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Shared.PagesFeature.HomePagePolicy)]
public sealed class IndexModel(IEnumerable<IHomeSection> sections, PersonalHomes homes) : PageModel
{
    public HomeAudience Audience { get; private set; }
    public IReadOnlyList<SectionView> Sections { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Audience = HomeSections.AudienceOf(User);
        Sections = await homes.ReadAsync(sections, Audience, User, ct);
    }
}
