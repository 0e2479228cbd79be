using System.Text.Json;
using Marketplace.Domain.Deals;
using Marketplace.Domain.Negotiations;
using Marketplace.Domain.Organizations;
using Marketplace.Domain.Patents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Web.Data.Configurations;

internal sealed class DealConfiguration : IEntityTypeConfiguration<Deal>
{
    public const string RegistrationNumberIndex = "ix_deals_registration_number";

    public void Configure(EntityTypeBuilder<Deal> builder)
    {
        builder.ToTable("deals");
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Mode).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Origin).HasConversion<string>().HasMaxLength(30);
        builder.Property(d => d.ContractAmount).HasPrecision(18, 2);
        builder.Property(d => d.Received).HasPrecision(18, 2);
        builder.Property(d => d.RegistrationNumber).HasMaxLength(24);
        builder.Property(d => d.RecordNumber).HasMaxLength(60);
        builder.ComplexProperty(d => d.Evidence, EvidenceColumns.Map);
        builder.Property(d => d.CancellationReason).HasMaxLength(500);
        builder.Property(d => d.Terms).HasColumnType("jsonb").HasConversion(
            t => JsonSerializer.Serialize(t, ListingConfiguration.TermsJson),
            json => JsonSerializer.Deserialize<OfferTerms>(json, ListingConfiguration.TermsJson)!);
        builder.HasOne<Organization>().WithMany().HasForeignKey(d => d.SellerOrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(d => d.BuyerOrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Patent>().WithMany().HasForeignKey(d => d.PatentId).OnDelete(DeleteBehavior.Restrict);
        // One deal per accepted offer, whatever the race.
        builder.HasIndex(d => d.OfferId).IsUnique();
        // A technology-contract registration number identifies one contract, so one live deal; a cancelled deal gives it up.
        builder.HasIndex(d => d.RegistrationNumber).IsUnique().HasFilter("registration_number IS NOT NULL AND status <> 'Cancelled'")
            .HasDatabaseName(RegistrationNumberIndex);
        builder.Property(d => d.ProposedSchedule).HasColumnType("jsonb").HasConversion(
            plans => plans == null ? null : JsonSerializer.Serialize(plans, ListingConfiguration.TermsJson),
            json => json == null ? null : JsonSerializer.Deserialize<List<InstalmentPlan>>(json, ListingConfiguration.TermsJson),
            new ValueComparer<IReadOnlyList<InstalmentPlan>?>(
                (a, b) => a == null ? b == null : b != null && a.SequenceEqual(b), list => list == null ? 0 : list.Aggregate(0, HashCode.Combine),
                list => list == null ? null : list.ToList()));
        builder.HasIndex(d => d.InquiryId);
        builder.HasIndex(d => d.PatentId);
        builder.HasIndex(d => new { d.Status, d.ContractDate });
        builder.HasIndex(d => d.SellerOrganizationId);
        builder.HasIndex(d => d.BuyerOrganizationId);
        builder.Property(d => d.Version).IsRowVersion();
        builder.HasMany(d => d.Instalments).WithOne().HasForeignKey(i => i.DealId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.Instalments).HasField("_instalments").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
