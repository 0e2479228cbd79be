using System.Text.Json;
using System.Text.Json.Serialization;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Organizations;
using Marketplace.Domain.Patents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Web.Data.Configurations;

internal sealed class ListingConfiguration : IEntityTypeConfiguration<Listing>
{
    /// <summary>Stored copy of the terms' modes (Licence, OpenLicence, Equity, Transfer) for the catalog filter.</summary>
    public const string Modes = "Modes";

    internal static readonly JsonSerializerOptions TermsJson = new(JsonSerializerOptions.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public void Configure(EntityTypeBuilder<Listing> builder)
    {
        builder.ToTable("listings");
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(l => l.Description).HasMaxLength(2000);
        builder.Property(l => l.RejectionReason).HasMaxLength(500);
        // The terms are one value (modes and their amounts) read and written whole: a jsonb document.
        builder.Property(l => l.Terms).HasColumnType("jsonb").HasConversion(
            terms => JsonSerializer.Serialize(terms, TermsJson),
            json => JsonSerializer.Deserialize<ListingTerms>(json, TermsJson)!);
        builder.Property<string[]>(Modes).HasColumnType("text[]");
        builder.HasOne<Patent>().WithMany().HasForeignKey(l => l.PatentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(l => l.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => new { l.Status, l.PublishedAt });
        // The catalog's order over what it shows: a page is read by walking this index, not by sorting every listing;
        // the id makes each row's place unique, so a cursor (CatalogCursor) starts the walk at its row.
        builder.HasIndex(l => new { l.PublishedAt, l.CreatedAt, l.Id }).IsDescending(true, true, true)
            .HasFilter("status IN ('Published', 'Suspended')").HasDatabaseName("ix_listings_catalog");
        builder.HasIndex(l => l.PatentId);
        builder.HasIndex(l => l.OrganizationId);
        builder.Property(l => l.Version).IsRowVersion();
    }
}
