using System.Text.Json;
using Marketplace.Domain.Matchmaking;
using Marketplace.Domain.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Web.Data.Configurations;

internal sealed class TechnologyNeedConfiguration : IEntityTypeConfiguration<TechnologyNeed>
{
    public void Configure(EntityTypeBuilder<TechnologyNeed> builder)
    {
        builder.ToTable("technology_needs");
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(n => n.ReviewComment).HasMaxLength(500);
        // Read and written whole, like a listing's terms; an edit replaces the value.
        builder.Property(n => n.Details).HasColumnType("jsonb").HasConversion(
            d => JsonSerializer.Serialize(d, ListingConfiguration.TermsJson),
            json => JsonSerializer.Deserialize<NeedDetails>(json, ListingConfiguration.TermsJson)!);
        builder.HasOne<Organization>().WithMany().HasForeignKey(n => n.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(n => new { n.Status, n.PublishedAt });
        builder.Property(n => n.Visibility).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(n => n.OrganizationId);
        builder.HasIndex(n => new { n.Status, n.Deadline });
        builder.Property(n => n.Version).IsRowVersion();
    }
}
