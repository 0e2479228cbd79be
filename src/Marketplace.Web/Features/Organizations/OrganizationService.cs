using System.Security.Claims;
using Marketplace.Domain.Common;
using Marketplace.Domain.Organizations;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Accounts;
using Marketplace.Web.Features.Audit;
using Marketplace.Web.Features.Platform;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Organizations;

/// <summary>
/// Registration, verification and contact details (members: <see cref="MemberService"/>). Every method checks the whole input before it writes, and writes
/// the change and its audit row in one transaction, so a refusal leaves nothing behind.
/// </summary>
public sealed class OrganizationService(
    MarketplaceDb db, UserManager<AppUser> users, AuditLog audit, TimeProvider clock, MarketplaceMetrics metrics)
{
    public const string AuditEntity = "Organization";

    public async Task<(Organization Organization, AppUser User)> RegisterAsync(RegisterOrganizationRequest request, CancellationToken ct)
    {
        var organization = Organization.Register(
            request.NameZh, request.NameEn, request.Type!.Value, request.CreditCode,
            new OrganizationContact(request.ContactName, request.ContactPhone, request.ContactEmail), clock.GetUtcNow());
        if (await db.Organizations.AnyAsync(o => o.CreditCode == organization.CreditCode, ct))
            throw new DomainRuleException("creditCode", "An organisation with this credit code is already registered.", isConflict: true);

        await using var transaction = await db.Database.BeginUnitOfWorkAsync(ct);
        db.Organizations.Add(organization);
        audit.Record(AuditEntity, organization.Id, "Registered", null, organization.State);
        await db.SaveChangesAsync(ct);
        var user = await CreateUserAsync(organization, request.Email, request.DisplayName, request.Password, Roles.FounderRoles(organization.Type), null);
        await transaction.CommitAsync(ct);
        metrics.OrganizationRegistered(organization.Type.ToString());
        return (organization, user);
    }

    public async Task<Organization> VerifyAsync(Guid id, uint? expectedVersion, CancellationToken ct)
    {
        var organization = await db.Organizations.SingleOrDefaultAsync(o => o.Id == id, ct)
            ?? throw new NotFoundException("Organisation");
        Concurrency.ExpectVersion(organization.Version, expectedVersion);
        var before = organization.State;
        organization.Verify(clock.GetUtcNow());
        audit.Record(AuditEntity, organization.Id, "Verified", before, organization.State);
        await db.SaveChangesAsync(ct);
        metrics.OrganizationVerified(organization.Type.ToString());
        return organization;
    }

    public async Task<Organization> UpdateContactAsync(ClaimsPrincipal caller, Guid id, UpdateContactRequest request, CancellationToken ct)
    {
        // Input errors first: a bad phone number is a 400 whatever the version says.
        var contact = new OrganizationContact(request.ContactName, request.ContactPhone, request.ContactEmail).Validated();
        var organization = await FindManageableAsync(caller, id, ct);
        Concurrency.ExpectVersion(organization.Version, request.Version);
        organization.UpdateContact(contact);
        audit.Record(AuditEntity, organization.Id, "ContactUpdated", organization.State, organization.State);
        await db.SaveChangesAsync(ct);
        return organization;
    }

    /// <summary>Members manage their own organisation; the park office manages any. Everyone else gets 404.</summary>
    public async Task<Organization> FindManageableAsync(ClaimsPrincipal caller, Guid id, CancellationToken ct)
    {
        var isAdmin = caller.IsInRole(Roles.ParkAdmin);
        var own = caller.OrganizationId();
        return await db.Organizations.SingleOrDefaultAsync(o => o.Id == id && (isAdmin || o.Id == own), ct)
            ?? throw new NotFoundException("Organisation");
    }

    internal async Task<AppUser> CreateUserAsync(Organization organization, string email, string displayName, string password,
        IReadOnlyList<string> roles, Guid? createdBy)
    {
        var user = new AppUser
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            UserName = email.Trim(),
            Email = email.Trim(),
            DisplayName = displayName.Trim(),
            OrganizationId = organization.Id,
            CreatedByUserId = createdBy,
        };
        var created = await users.CreateAsync(user, password);
        ThrowIfFailed(created);
        if (roles.Count > 0) ThrowIfFailed(await users.AddToRolesAsync(user, roles));
        return user;
    }

    internal static void ThrowIfFailed(IdentityResult result)
    {
        if (result.Succeeded) return;
        var error = result.Errors.First();
        var field = error.Code.StartsWith("Password", StringComparison.Ordinal) ? "password"
            : error.Code is "DuplicateUserName" or "DuplicateEmail" or "InvalidEmail" or "InvalidUserName" ? "email"
            : "user";
        var conflict = error.Code is "DuplicateUserName" or "DuplicateEmail";
        // Identity's own descriptions are English sentences; each kind of failure gets one of ours instead.
        Text text = error switch
        {
            TextIdentityError policy => policy.Text,
            _ when conflict => "An account with this email address already exists.",
            _ when field == "email" => "Enter a valid email address.",
            _ when field == "password" => "Choose another password.",
            _ => "The account could not be created.",
        };
        throw new DomainRuleException(field, text, conflict);
    }
}
