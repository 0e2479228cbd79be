using System.Text.Json;
using Marketplace.Domain.Negotiations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Web.Data.Configurations;

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
