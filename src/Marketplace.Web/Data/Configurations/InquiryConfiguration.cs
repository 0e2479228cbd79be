using System.Text.Json;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Negotiations;
using Marketplace.Domain.Organizations;
using Marketplace.Domain.Patents;
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
