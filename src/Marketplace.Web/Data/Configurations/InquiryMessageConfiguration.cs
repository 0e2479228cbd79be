using System.Text.Json;
using Marketplace.Domain.Negotiations;
using Marketplace.Web.Features.Inquiries;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Web.Data.Configurations;

internal sealed class InquiryMessageConfiguration : IEntityTypeConfiguration<InquiryMessage>
{
    public void Configure(EntityTypeBuilder<InquiryMessage> builder)
    {
        builder.ToTable("inquiry_messages");
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.AuthorName).HasMaxLength(200);
        builder.Property(m => m.Body).HasMaxLength(4000);
        builder.Property(m => m.AttachmentName).HasMaxLength(200);
        builder.Property(m => m.AttachmentType).HasMaxLength(100);
        builder.Property(m => m.AttachmentStoredName).HasMaxLength(64);
        builder.HasOne<Inquiry>().WithMany().HasForeignKey(m => m.InquiryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.InquiryId, m.SentAt });
    }
}
