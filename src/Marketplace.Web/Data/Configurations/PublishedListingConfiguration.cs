using Marketplace.Web.Features.SavedSearches;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Web.Data.Configurations;

internal sealed class PublishedListingConfiguration : IEntityTypeConfiguration<PublishedListing>
{
    public void Configure(EntityTypeBuilder<PublishedListing> builder)
    {
        builder.ToTable("published_listings");
        builder.HasKey(p => p.ListingId);
    }
}
