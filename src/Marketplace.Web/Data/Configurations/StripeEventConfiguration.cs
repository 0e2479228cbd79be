using System.Text.Json;
using Marketplace.Web.Features.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Web.Data.Configurations;

internal sealed class StripeEventConfiguration : IEntityTypeConfiguration<StripeEventRecord>
{
    public void Configure(EntityTypeBuilder<StripeEventRecord> builder)
    {
        builder.ToTable("stripe_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).HasMaxLength(255);
        builder.Property(e => e.Type).HasMaxLength(100);
        builder.Property(e => e.Outcome).HasMaxLength(200);
        builder.Property(e => e.PaymentIntentId).HasMaxLength(255);
        builder.Property(e => e.LastError).HasMaxLength(500);
        // The inbox's queue: only events still to apply are indexed, so the index stays as small as the backlog.
        builder.HasIndex(e => e.NotBefore).HasFilter("applied_at IS NULL").HasDatabaseName("ix_stripe_events_pending");
    }
}
