using System.Text.Json;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Negotiations;
using Marketplace.Domain.Organizations;
using Marketplace.Domain.Patents;
using Marketplace.Web.Platform.Identity;
using Marketplace.Web.Features.Inquiries;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Web.Data.Configurations;

internal sealed class InquiryConfiguration : IEntityTypeConfiguration<Inquiry>
{
    public void Configure(EntityTypeBuilder<Inquiry> builder)
    {
        builder.ToTable("inquiries");
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Subject).HasMaxLength(200);
        builder.HasOne<Listing>().WithMany().HasForeignKey(i => i.ListingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Patent>().WithMany().HasForeignKey(i => i.PatentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(i => i.OwnerOrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(i => i.EnterpriseOrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => i.OwnerOrganizationId);
        builder.HasIndex(i => i.EnterpriseOrganizationId);
        builder.HasIndex(i => i.ListingId);
        builder.Property(i => i.Version).IsRowVersion();
        builder.HasMany(i => i.Offers).WithOne().HasForeignKey(o => o.InquiryId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(i => i.Offers).HasField("_offers").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class OfferConfiguration : IEntityTypeConfiguration<Offer>
{
    public void Configure(EntityTypeBuilder<Offer> builder)
    {
        builder.ToTable("offers");
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.Note).HasMaxLength(1000);
        builder.Property(o => o.Terms).HasColumnType("jsonb").HasConversion(
            t => JsonSerializer.Serialize(t, ListingConfiguration.TermsJson),
            json => JsonSerializer.Deserialize<OfferTerms>(json, ListingConfiguration.TermsJson)!);
        builder.HasIndex(o => new { o.InquiryId, o.Number }).IsUnique();
    }
}

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

internal sealed class AttachmentBlobConfiguration : IEntityTypeConfiguration<AttachmentBlob>
{
    public void Configure(EntityTypeBuilder<AttachmentBlob> builder)
    {
        builder.ToTable("attachment_blobs");
        builder.HasKey(b => b.StoredName);
        builder.Property(b => b.StoredName).HasMaxLength(64);
    }
}

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
