using System.Text.Json;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Matchmaking;
using Marketplace.Web.Features.Needs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Web.Data.Configurations;

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
