using Marketplace.Web.Platform;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Matchmaking;
using Marketplace.Web.Data;
using Marketplace.Web.Platform.Identity;

namespace Marketplace.Web.Features.Needs;

public static class NeedsFeature
{
    /// <summary>A verified enterprise's member.</summary>
    public const string CanPostNeeds = "CanPostNeeds";

    public static WebApplicationBuilder AddNeeds(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<MatchingOptions>().BindConfiguration("Matching").Validate(o =>
        {
            o.Weights.Validated();
            return o.Candidates > 0 && o.MaxMatches > 0 && o.KeyTerms > 0;
        }, "Matching weights must be non-negative (text and at least one fit factor positive), and the candidate, key-term and match counts positive.");
        services.AddScoped<NeedService>();
        services.AddDomainEventHandler<ListingChanged, MatchingOutboxHandlers>();
        services.AddDomainEventHandler<NeedChanged, MatchingOutboxHandlers>();
        services.AddDomainEventHandler<Domain.Deals.DealCreated, MatchedOnDealCreated>();
        services.AddScoped<NeedReader>();
        services.AddScoped<MatchReader>();
        services.AddNeedsOnHome();
        services.AddListingPanel<InterestedNeedsPanel>();
        services.AddScoped<MatchExplanation>();
        services.AddSingleton<Matcher>();
        services.AddSingleton<MatchingWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<MatchingWorker>());
        services.AddAuthorizationBuilder().AddPolicy(CanPostNeeds, p => p
            .RequireRole(Roles.Enterprise)
            .AddRequirements(new VerifiedOrganizationRequirement()));
        return builder;
    }
}
