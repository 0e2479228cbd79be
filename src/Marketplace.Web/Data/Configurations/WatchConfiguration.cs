using Marketplace.Domain.Patents;
using Marketplace.Web.Features.Watch;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Web.Data.Configurations;

internal sealed class PatentWatchConfiguration : IEntityTypeConfiguration<PatentWatch>
{
    public void Configure(EntityTypeBuilder<PatentWatch> builder)
    {
        builder.ToTable("patent_watches");
        builder.HasKey(w => w.PatentId);
        builder.Property(w => w.PatentId).ValueGeneratedNever();
        builder.Property(w => w.Reminders).HasConversion<int>();
        builder.Property(w => w.Version).IsRowVersion();
    }
}

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

internal sealed class LegalStatusEventConfiguration : IEntityTypeConfiguration<LegalStatusEvent>
{
    public void Configure(EntityTypeBuilder<LegalStatusEvent> builder)
    {
        builder.ToTable("legal_status_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Status).HasMaxLength(500);
        builder.Property(e => e.Reading).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Outcome).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Source).HasMaxLength(300);
        builder.HasIndex(e => new { e.PatentId, e.On });
        builder.HasIndex(e => e.UploadId);
    }
}
