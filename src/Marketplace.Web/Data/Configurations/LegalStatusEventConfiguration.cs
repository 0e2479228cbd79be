using Marketplace.Web.Features.Watch;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Web.Data.Configurations;

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
