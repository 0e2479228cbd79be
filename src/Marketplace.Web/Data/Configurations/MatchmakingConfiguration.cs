using System.Text.Json;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Matchmaking;
using Marketplace.Domain.Organizations;
using Marketplace.Web.Features.Needs;
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

internal sealed class NeedMatchConfiguration : IEntityTypeConfiguration<NeedMatch>
{
    public void Configure(EntityTypeBuilder<NeedMatch> builder)
    {
        builder.ToTable("need_matches");
        builder.HasKey(m => new { m.NeedId, m.ListingId });
        builder.Property(m => m.Reasons).HasColumnType("jsonb").HasConversion(
            r => JsonSerializer.Serialize(r, ListingConfiguration.TermsJson),
            json => JsonSerializer.Deserialize<List<MatchReason>>(json, ListingConfiguration.TermsJson)!,
            new ValueComparer<List<MatchReason>>((a, b) => a!.SequenceEqual(b!), r => r.Count, r => r.ToList()));
        builder.HasOne<TechnologyNeed>().WithMany().HasForeignKey(m => m.NeedId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Listing>().WithMany().HasForeignKey(m => m.ListingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.ListingId, m.Score });
    }
}

internal sealed class MatchRequestConfiguration : IEntityTypeConfiguration<MatchRequest>
{
    public void Configure(EntityTypeBuilder<MatchRequest> builder)
    {
        builder.ToTable("match_requests");
        builder.Property(r => r.Id).UseIdentityAlwaysColumn();
        builder.HasIndex(r => r.RequestedAt);
    }
}
