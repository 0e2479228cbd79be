using Marketplace.Web.Features.Watch;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Web.Data.Configurations;

internal sealed class WatchRunConfiguration : IEntityTypeConfiguration<WatchRunRecord>
{
    public void Configure(EntityTypeBuilder<WatchRunRecord> builder)
    {
        builder.ToTable("watch_runs");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Instance).HasMaxLength(200);
        builder.Property(r => r.Error).HasMaxLength(2000);
        builder.HasIndex(r => r.StartedAt);
    }
}
