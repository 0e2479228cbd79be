using System.Text.Json;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Organizations;
using Marketplace.Domain.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Web.Data.Configurations;

internal sealed class SessionPitchConfiguration : IEntityTypeConfiguration<SessionPitch>
{
    public void Configure(EntityTypeBuilder<SessionPitch> builder)
    {
        builder.ToTable("session_pitches");
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.State).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Listing>().WithMany().HasForeignKey(p => p.ListingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(p => p.PresenterOrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.SessionId, p.ListingId }).IsUnique();
    }
}
