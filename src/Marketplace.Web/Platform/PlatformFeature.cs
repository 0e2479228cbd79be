using System.Text.Json.Serialization;
using Marketplace.Web.Data;
using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Scalar.AspNetCore;

namespace Marketplace.Web.Platform;

/// <summary>Cross-cutting plumbing every feature relies on: errors, JSON, data protection, health, OpenAPI, telemetry.</summary>
public static class PlatformFeature
{
    public static WebApplicationBuilder AddPlatform(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            ProblemFields.UseJsonNames(c.ProblemDetails);
            ProblemTitles.Localize(c);
        });
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        builder.AddErrorPages();
        builder.AddApiForgery();
        services.AddValidation();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.Converters.Add(new StorableTextConverter());
            // {"status":"Draft","status":"Published"} is ambiguous: one part of a system may read the first, another
            // the last. Such a body is refused rather than silently taking the last value.
            o.SerializerOptions.AllowDuplicateProperties = false;
        });

        // Every cookie (sign-in, two-factor, antiforgery, culture) is HttpOnly and at least SameSite=Lax. Outside
        // Development it is also Secure whatever the request's scheme, so a proxy that terminates TLS without
        // forwarding the scheme cannot make it travel in clear; development and test hosts run on loopback HTTP.
        var plainHttp = builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Testing");
        services.Configure<CookiePolicyOptions>(o =>
        {
            o.HttpOnly = HttpOnlyPolicy.Always;
            o.MinimumSameSitePolicy = SameSiteMode.Lax;
            o.Secure = plainHttp ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        });

        services.AddHealthChecks().AddDbContextCheck<MarketplaceDb>("postgresql", tags: ["ready"]);
        services.AddOpenApi();
        builder.AddTelemetry();
        return builder;
    }

    public static WebApplication UsePlatform(this WebApplication app)
    {
        // Behind a load balancer, ASPNETCORE_FORWARDEDHEADERS_ENABLED=true (set in infra/) makes the framework
        // read X-Forwarded-For/-Proto, so client IPs in the audit log and rate limits are the real ones.
        DeploymentSettings.WarnIfMissing(app);
        app.UseErrorPages();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        app.UseSecurityHeaders();
        app.UseCookiePolicy();
        app.UseTextInputGuard();
        return app;
    }

    public static IEndpointRouteBuilder MapPlatform(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
        app.MapOpenApi();
        app.MapScalarApiReference("/docs", o => o.WithTitle("Weihai IP Marketplace API").WithOpenApiRoutePattern("/openapi/{documentName}.json"));
        app.MapPrometheusScrapingEndpoint().RequireMonitoring();
        return app;
    }
}
