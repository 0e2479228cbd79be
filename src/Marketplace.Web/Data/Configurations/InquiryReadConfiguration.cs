using System.Text.Json;
using Marketplace.Domain.Negotiations;
using Marketplace.Web.Platform.Identity;
using Marketplace.Web.Features.Inquiries;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Web.Data.Configurations;

internal sealed class InquiryReadConfiguration : IEntityTypeConfiguration<InquiryRead>
{
    public void Configure(EntityTypeBuilder<InquiryRead> builder)
    {
        builder.ToTable("inquiry_reads");
        builder.HasKey(r => new { r.InquiryId, r.UserId });
        builder.HasOne<Inquiry>().WithMany().HasForeignKey(r => r.InquiryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
