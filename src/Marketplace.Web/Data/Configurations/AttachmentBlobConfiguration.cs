using System.Text.Json;
using Marketplace.Web.Features.Inquiries;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Web.Data.Configurations;

internal sealed class AttachmentBlobConfiguration : IEntityTypeConfiguration<AttachmentBlob>
{
    public void Configure(EntityTypeBuilder<AttachmentBlob> builder)
    {
        builder.ToTable("attachment_blobs");
        builder.HasKey(b => b.StoredName);
        builder.Property(b => b.StoredName).HasMaxLength(64);
    }
}
