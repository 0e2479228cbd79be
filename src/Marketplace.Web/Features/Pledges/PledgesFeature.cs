using Marketplace.Web.Platform;
using Marketplace.Domain.Patents;
using Marketplace.Web.Data;
using Marketplace.Web.Platform.Identity;

namespace Marketplace.Web.Features.Pledges;

public static class PledgesFeature
{
    /// <summary>Verified enterprises apply for pledge loans.</summary>
    public const string Applicant = "PledgeApplicant";

    /// <summary>Officers and approvers of a verified bank review; approvers may also do an officer's steps, never
    /// deciding what they recommended themselves.</summary>
    public const string BankStaff = "BankStaff";

    /// <summary>Anyone working for a verified bank, its administrator included: they read its lending policy.</summary>
    public const string BankMember = "BankMember";

    public static WebApplicationBuilder AddPledges(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<PledgeService>();
        services.AddScoped<PledgeAccess>();
        services.AddScoped<PledgeChecks>();
        services.AddScoped<PledgeReader>();
        services.AddScoped<PledgeFiguresSignal>();
        services.AddDomainEventHandler<Domain.Pledges.PledgeStepTaken, PledgeNotices>();
        services.AddScoped<BankPolicies>();
        services.AddScoped<RegisteredPledges>();
        // Listings ask the register whether a patent may be disposed of.
        services.AddScoped<Domain.Listings.IPledgeRegistry>(sp => sp.GetRequiredService<RegisteredPledges>());
        services.AddScoped<Watchlist>();
        services.AddHomeSection<QueueOnHome>().AddHomeSection<WatchlistOnHome>();
        services.AddDomainEventHandler<PatentLapsed, WatchlistOnLapse>();
        services.AddDomainEventHandler<PatentRestored, WatchlistOnLapse>();
        services.AddAuthorizationBuilder()
            .AddPolicy(Applicant, p => p.RequireRole(Roles.Enterprise).AddRequirements(new VerifiedOrganizationRequirement()))
            .AddPolicy(BankStaff, p => p.RequireRole(Roles.BankOfficer, Roles.BankApprover).AddRequirements(new VerifiedOrganizationRequirement()))
            .AddPolicy(BankMember, p => p.RequireRole(Roles.BankOfficer, Roles.BankApprover, Roles.OrganizationAdmin).AddRequirements(new VerifiedOrganizationRequirement()))
            .AddPolicy(Roles.BankApprover, p => p.RequireRole(Roles.BankApprover).AddRequirements(new VerifiedOrganizationRequirement()));
        return builder;
    }
}
