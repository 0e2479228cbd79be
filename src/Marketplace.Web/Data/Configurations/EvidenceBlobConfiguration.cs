using System.Text.Json;
using Marketplace.Web.Features.Evidence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Web.Data.Configurations;

internal sealed class EvidenceBlobConfiguration : IEntityTypeConfiguration<EvidenceBlob>
{
    public void Configure(EntityTypeBuilder<EvidenceBlob> builder)
    {
        builder.ToTable("evidence_blobs");
        builder.HasKey(b => b.DocumentId);
    }
}
