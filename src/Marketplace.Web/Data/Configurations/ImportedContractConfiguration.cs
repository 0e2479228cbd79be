using System.Text.Json;
using Marketplace.Domain.OffPlatform;
using Marketplace.Web.Features.OffPlatform;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Web.Data.Configurations;

internal sealed class ImportedContractConfiguration : IEntityTypeConfiguration<ImportedContract>
{
    public void Configure(EntityTypeBuilder<ImportedContract> builder)
    {
        builder.ToTable("imported_contracts");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.HasIndex(c => c.RegistrationNumber).IsUnique();
        builder.HasIndex(c => c.ContractDate);
        builder.Property(c => c.RegistrationNumber).HasMaxLength(24);
        builder.Property(c => c.Category).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.SellerName).HasMaxLength(200);
        builder.Property(c => c.SellerCreditCode).HasMaxLength(18);
        builder.Property(c => c.BuyerName).HasMaxLength(200);
        builder.Property(c => c.BuyerCreditCode).HasMaxLength(18);
        builder.Property(c => c.Owner).HasMaxLength(40);
        builder.Property(c => c.Industry).HasMaxLength(40);
        builder.Property(c => c.Amount).HasPrecision(18, 2);
        builder.Property(c => c.ApplicationNumbers).HasColumnType("text[]");
        builder.ComplexProperty(c => c.Evidence, EvidenceColumns.Map);
        builder.HasOne<ImportBatch>().WithMany().HasForeignKey(c => c.BatchId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(c => c.Version).IsRowVersion();
    }
}
