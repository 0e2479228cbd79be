using System.Text.Json;
using Marketplace.Domain.Organizations;
using Marketplace.Domain.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Web.Data.Configurations;

internal sealed class SessionRegistrationConfiguration : IEntityTypeConfiguration<SessionRegistration>
{
    public void Configure(EntityTypeBuilder<SessionRegistration> builder)
    {
        builder.ToTable("session_registrations");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.OrganizationType).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.CheckInCode).HasMaxLength(8);
        builder.HasOne<MatchmakingSession>().WithMany().HasForeignKey(r => r.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        // One place per organisation and session, whatever the race; codes are looked up per session at the door.
        builder.HasIndex(r => new { r.SessionId, r.OrganizationId }).IsUnique();
        builder.HasIndex(r => new { r.SessionId, r.CheckInCode }).IsUnique();
        builder.Ignore(r => r.Attended);
        builder.Ignore(r => r.IsParticipant);
        builder.Property(r => r.Version).IsRowVersion();
    }
}
