using Marketplace.Web.Data;
using Marketplace.Web.Platform.Identity;
using Marketplace.Web.Platform.Audit;
using Marketplace.Web.Features.Deals;
using Marketplace.Web.Features.Evidence;
using Marketplace.Web.Platform.Idempotency;
using Marketplace.Web.Demo;
using Marketplace.Web.Features.Listings;
using Marketplace.Web.Features.Inquiries;
using Marketplace.Web.Platform.Localization;
using Marketplace.Web.Features.Needs;
using Marketplace.Web.Features.Notifications;
using Marketplace.Web.Features.OffPlatform;
using Marketplace.Web.Features.Organizations;
using Marketplace.Web.Features.Patents;
using Marketplace.Web.Features.Payments;
using Marketplace.Web.Platform;
using Marketplace.Web.Features.SavedSearches;
using Marketplace.Web.Features.Pledges;
using Marketplace.Web.Features.Search;
using Marketplace.Web.Features.Sessions;
using Marketplace.Web.Features.Shared;
using Marketplace.Web.Features.Targets;
using Marketplace.Web.Features.Accounts;
using Marketplace.Web.Features.Audit;
using Marketplace.Web.Features.Watch;

var builder = WebApplication.CreateBuilder(args);

builder.AddPlatform();
builder.AddMarketplaceData();
builder.AddMarketplaceLocalization();
builder.AddAccounts();
builder.AddAudit();
builder.AddIdempotency();
builder.AddNotifications();
builder.AddOrganizations();
builder.AddPatents();
builder.AddListings();
builder.AddPledges();
builder.AddTargets();
builder.AddEvidence();
builder.AddOffPlatform();
builder.AddSearch();
builder.AddSavedSearches();
builder.AddNeeds();
builder.AddInquiries();
builder.AddDeals();
builder.AddPayments();
builder.AddSessions();
builder.AddWatch();
builder.AddPages();
builder.AddDemo();

var app = builder.Build();

// First, so that error pages and problem details (written by the platform's exception handler) speak the
// request's language too.
app.UseRequestLocalization();
app.UsePlatform();
app.UseStaticFiles();
app.UseRouting();
// Cached public answers (search) are served before authentication, rate limiting and antiforgery do any work;
// search answers are the same for every visitor, and requests with an Authorization header are never cached.
app.UseOutputCache();
app.UseRateLimiter();
app.UseAuthentication();
app.UseTwoFactorEnrolment();
app.UseAuthorization();
app.UseAntiforgery();
app.UseApiForgeryCheck();
app.UseIdempotencyKeys();

app.MapPlatform();
app.MapCultureSwitch();
app.MapAccountsApi();
app.MapOrganizationsApi();
app.MapPatentsApi();
app.MapListingsApi();
app.MapPledgesApi();
app.MapTargetsApi();
app.MapEvidenceApi();
app.MapOffPlatformApi();
app.MapSearchApi();
app.MapSavedSearchesApi();
app.MapNeedsApi();
app.MapInquiriesApi();
app.MapDealsApi();
app.MapPaymentsApi();
app.MapAuditApi();
app.MapNotifications();
app.MapSessions();
app.MapWatchApi();
app.MapPages();

app.Run();

/// <summary>Visible to WebApplicationFactory in the test projects.</summary>
public partial class Program;
