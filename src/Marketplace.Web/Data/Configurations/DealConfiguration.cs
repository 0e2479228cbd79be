using System.Text.Json;
using Marketplace.Domain.Deals;
using Marketplace.Domain.Negotiations;
using Marketplace.Domain.Organizations;
using Marketplace.Domain.Patents;
using Marketplace.Web.Features.Payments;
using Marketplace.Web.Features.Targets;
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

internal sealed class InstalmentConfiguration : IEntityTypeConfiguration<Instalment>
{
    public void Configure(EntityTypeBuilder<Instalment> builder)
    {
        builder.ToTable("instalments");
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Method).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Label).HasMaxLength(100);
        builder.Property(i => i.Amount).HasPrecision(18, 2);
        builder.Property(i => i.Paid).HasPrecision(18, 2);
        builder.Property(i => i.Refunded).HasPrecision(18, 2);
        builder.Property(i => i.StripePaymentIntentId).HasMaxLength(100);
        builder.Property(i => i.TransferReference).HasMaxLength(100);
        builder.Property(i => i.TransferEvidence).HasMaxLength(500);
        builder.HasIndex(i => i.StripePaymentIntentId).IsUnique();
        builder.HasIndex(i => new { i.DealId, i.Number }).IsUnique();
        builder.Property(i => i.Version).IsRowVersion();
    }
}

internal sealed class StripeEventConfiguration : IEntityTypeConfiguration<StripeEventRecord>
{
    public void Configure(EntityTypeBuilder<StripeEventRecord> builder)
    {
        builder.ToTable("stripe_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).HasMaxLength(255);
        builder.Property(e => e.Type).HasMaxLength(100);
        builder.Property(e => e.Outcome).HasMaxLength(200);
        builder.Property(e => e.PaymentIntentId).HasMaxLength(255);
        builder.Property(e => e.LastError).HasMaxLength(500);
        // The inbox's queue: only events still to apply are indexed, so the index stays as small as the backlog.
        builder.HasIndex(e => e.NotBefore).HasFilter("applied_at IS NULL").HasDatabaseName("ix_stripe_events_pending");
    }
}

internal sealed class DealTotalConfiguration : IEntityTypeConfiguration<DealTotal>
{
    public void Configure(EntityTypeBuilder<DealTotal> builder)
    {
        builder.ToTable("deal_totals");
        builder.HasKey(t => new { t.Year, t.Month, t.Category, t.Owner, t.Industry });
        builder.Property(t => t.Category).HasConversion<string>().HasMaxLength(30);
        builder.Property(t => t.Owner).HasMaxLength(40);
        builder.Property(t => t.Industry).HasMaxLength(40);
        builder.Property(t => t.Contracted).HasPrecision(18, 2);
        builder.Property(t => t.Received).HasPrecision(18, 2);
    }
}
