using Marketplace.Domain.Deals;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Accounts;
using Marketplace.Web.Features.Patents.Import;

namespace Marketplace.Web.Features.Patents;

public static class PatentsFeature
{
    /// <summary>Verified tech-transfer offices and enterprises may put patents on the market.</summary>
    public const string CanList = "CanListPatents";

    public static WebApplicationBuilder AddPatents(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<PatentService>();
        builder.Services.AddScoped<PatentFacts>();
        builder.Services.AddScoped<PatentImporter>();
        builder.Services.AddDomainEventHandler<DealRecorded, TransferOnDealRecorded>();
        builder.Services.AddAuthorizationBuilder().AddPolicy(CanList, p => p
            .RequireRole(Roles.TechTransferOffice, Roles.Enterprise)
            .AddRequirements(new VerifiedOrganizationRequirement()));
        return builder;
    }
}
