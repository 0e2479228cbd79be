using Marketplace.Web.Features.Watch;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Web.Data.Configurations;

internal sealed class WatchAlertConfiguration : IEntityTypeConfiguration<WatchAlert>
{
    public void Configure(EntityTypeBuilder<WatchAlert> builder)
    {
        builder.ToTable("watch_alerts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Amount).HasColumnType("numeric(18,2)");
        builder.Property(a => a.Detail).HasMaxLength(200);
        builder.HasIndex(a => new { a.PatentId, a.RaisedAt });
        builder.HasIndex(a => a.RaisedAt);
    }
}
