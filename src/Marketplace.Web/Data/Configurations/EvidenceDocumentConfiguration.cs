using System.Text.Json;
using Marketplace.Web.Features.Evidence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Web.Data.Configurations;

internal sealed class EvidenceDocumentConfiguration : IEntityTypeConfiguration<EvidenceDocument>
{
    public void Configure(EntityTypeBuilder<EvidenceDocument> builder)
    {
        builder.ToTable("evidence_documents");
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.RecordKind).HasConversion<string>().HasMaxLength(30);
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(d => d.FileName).HasMaxLength(200);
        builder.Property(d => d.ContentType).HasMaxLength(100);
        builder.Property(d => d.Sha256).HasMaxLength(64);
        builder.Property(d => d.UploadedBy).HasMaxLength(256);
        builder.HasIndex(d => new { d.RecordKind, d.RecordId });
        builder.HasOne<EvidenceBlob>().WithOne().HasForeignKey<EvidenceBlob>(b => b.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}
