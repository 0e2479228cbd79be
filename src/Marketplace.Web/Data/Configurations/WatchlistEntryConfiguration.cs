using Marketplace.Domain.Pledges;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Web.Data.Configurations;

internal sealed class WatchlistEntryConfiguration : IEntityTypeConfiguration<WatchlistEntry>
{
    public void Configure(EntityTypeBuilder<WatchlistEntry> builder)
    {
        builder.ToTable("watchlist_entries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Reason).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.Detail).HasMaxLength(200);
        // A bank's open entries (home page, queue) and a patent's open entries (the lapse and restore handlers).
        builder.HasIndex(e => new { e.BankOrganizationId, e.ResolvedOn });
        builder.HasIndex(e => new { e.PatentId, e.ResolvedOn });
        builder.HasIndex(e => e.PledgeApplicationId);
    }
}
