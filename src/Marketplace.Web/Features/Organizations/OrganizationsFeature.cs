using Marketplace.Web.Platform;

namespace Marketplace.Web.Features.Organizations;

public static class OrganizationsFeature
{
    public static WebApplicationBuilder AddOrganizations(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<OrganizationService>();
        builder.Services.AddHomeSection<ToVerifyOnHome>();
        builder.Services.AddScoped<MemberService>();
        builder.Services.AddScoped<MembershipNotices>();
        builder.Services.AddOptions<ParkOfficeBootstrapOptions>().BindConfiguration("Bootstrap:ParkOffice");
        builder.Services.AddHostedService<ParkOfficeBootstrap>();
        return builder;
    }
}
