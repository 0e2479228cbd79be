using System.Text.Json;
using Marketplace.Domain.Deals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Web.Data.Configurations;

internal sealed class InstalmentConfiguration : IEntityTypeConfiguration<Instalment>
{
    public void Configure(EntityTypeBuilder<Instalment> builder)
    {
        builder.ToTable("instalments");
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Method).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Label).HasMaxLength(100);
        builder.Property(i => i.Amount).HasPrecision(18, 2);
        builder.Property(i => i.Paid).HasPrecision(18, 2);
        builder.Property(i => i.Refunded).HasPrecision(18, 2);
        builder.Property(i => i.StripePaymentIntentId).HasMaxLength(100);
        builder.Property(i => i.TransferReference).HasMaxLength(100);
        builder.Property(i => i.TransferEvidence).HasMaxLength(500);
        builder.ComplexProperty(i => i.Evidence, EvidenceColumns.Map);
        builder.HasIndex(i => i.StripePaymentIntentId).IsUnique();
        builder.HasIndex(i => new { i.DealId, i.Number }).IsUnique();
        builder.Property(i => i.Version).IsRowVersion();
    }
}
