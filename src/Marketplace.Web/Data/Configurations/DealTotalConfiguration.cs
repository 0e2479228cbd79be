using System.Text.Json;
using Marketplace.Web.Features.Targets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Web.Data.Configurations;

internal sealed class DealTotalConfiguration : IEntityTypeConfiguration<DealTotal>
{
    public void Configure(EntityTypeBuilder<DealTotal> builder)
    {
        builder.ToTable("deal_totals");
        builder.HasKey(t => new { t.Year, t.Month, t.Category, t.Owner, t.Industry, t.Source, t.Evidence });
        builder.Property(t => t.Category).HasConversion<string>().HasMaxLength(30);
        builder.Property(t => t.Source).HasConversion<string>().HasMaxLength(30);
        builder.Property(t => t.Evidence).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Owner).HasMaxLength(40);
        builder.Property(t => t.Industry).HasMaxLength(40);
        builder.Property(t => t.Contracted).HasPrecision(18, 2);
        builder.Property(t => t.Received).HasPrecision(18, 2);
    }
}
