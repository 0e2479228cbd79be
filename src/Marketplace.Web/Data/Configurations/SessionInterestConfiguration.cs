using System.Text.Json;
using Marketplace.Domain.Organizations;
using Marketplace.Domain.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Web.Data.Configurations;

internal sealed class SessionInterestConfiguration : IEntityTypeConfiguration<SessionInterest>
{
    public void Configure(EntityTypeBuilder<SessionInterest> builder)
    {
        builder.ToTable("session_interests");
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Note).HasMaxLength(SessionInterest.MaxNote);
        builder.HasOne<MatchmakingSession>().WithMany().HasForeignKey(i => i.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<SessionPitch>().WithMany().HasForeignKey(i => i.PitchId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organization>().WithMany().HasForeignKey(i => i.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        // Pressing twice is one lead, not two.
        builder.HasIndex(i => new { i.PitchId, i.OrganizationId }).IsUnique();
        builder.HasIndex(i => new { i.OwnerOrganizationId, i.SessionId });
    }
}
