using System.Text.Json;
using Marketplace.Web.Features.OffPlatform;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Web.Data.Configurations;

internal sealed class ImportBatchConfiguration : IEntityTypeConfiguration<ImportBatch>
{
    public void Configure(EntityTypeBuilder<ImportBatch> builder)
    {
        builder.ToTable("import_batches");
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(b => b.FileName).HasMaxLength(200);
        builder.Property(b => b.Sha256).HasMaxLength(64);
        builder.Property(b => b.ImportedBy).HasMaxLength(256);
        builder.HasIndex(b => b.OrganizationId);
    }
}
