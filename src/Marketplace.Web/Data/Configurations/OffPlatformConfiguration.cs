using System.Text.Json;
using Marketplace.Domain.OffPlatform;
using Marketplace.Domain.Organizations;
using Marketplace.Web.Features.Evidence;
using Marketplace.Web.Features.OffPlatform;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Web.Data.Configurations;

internal sealed class ImportedPledgeConfiguration : IEntityTypeConfiguration<ImportedPledge>
{
    public void Configure(EntityTypeBuilder<ImportedPledge> builder)
    {
        builder.ToTable("imported_pledges");
        builder.Property(p => p.Id).ValueGeneratedNever();
        // A registration number is one pledge, whichever bank brings it: the second bank is refused, never doubled.
        builder.HasIndex(p => p.RegistrationNumber).IsUnique();
        builder.HasIndex(p => p.BankOrganizationId);
        builder.Property(p => p.RegistrationNumber).HasMaxLength(20);
        builder.Property(p => p.PledgorCreditCode).HasMaxLength(18);
        builder.Property(p => p.PledgorName).HasMaxLength(200);
        builder.Property(p => p.Amount).HasPrecision(18, 2);
        builder.Property(p => p.Disbursed).HasPrecision(18, 2);
        builder.Property(p => p.ApplicationNumbers).HasColumnType("text[]");
        builder.Property(p => p.Tranches).HasColumnType("jsonb").HasConversion(
            list => JsonSerializer.Serialize(list, JsonSerializerOptions.Web),
            json => JsonSerializer.Deserialize<List<ImportedTranche>>(json, JsonSerializerOptions.Web)!,
            new ValueComparer<IReadOnlyList<ImportedTranche>>((a, b) => a!.SequenceEqual(b!), l => l.Aggregate(0, HashCode.Combine), l => l.ToList()));
        builder.ComplexProperty(p => p.Evidence, EvidenceColumns.Map);
        builder.HasOne<Organization>().WithMany().HasForeignKey(p => p.BankOrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ImportBatch>().WithMany().HasForeignKey(p => p.BatchId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(p => p.Version).IsRowVersion();
    }
}

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

internal sealed class ImportBatchConfiguration : IEntityTypeConfiguration<ImportBatch>
{
    public void Configure(EntityTypeBuilder<ImportBatch> builder)
    {
        builder.ToTable("import_batches");
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(b => b.FileName).HasMaxLength(200);
        builder.Property(b => b.Sha256).HasMaxLength(64);
        builder.Property(b => b.ImportedBy).HasMaxLength(256);
        builder.HasIndex(b => b.OrganizationId);
    }
}

internal sealed class EvidenceDocumentConfiguration : IEntityTypeConfiguration<EvidenceDocument>
{
    public void Configure(EntityTypeBuilder<EvidenceDocument> builder)
    {
        builder.ToTable("evidence_documents");
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.RecordKind).HasConversion<string>().HasMaxLength(30);
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(d => d.FileName).HasMaxLength(200);
        builder.Property(d => d.ContentType).HasMaxLength(100);
        builder.Property(d => d.Sha256).HasMaxLength(64);
        builder.Property(d => d.UploadedBy).HasMaxLength(256);
        builder.HasIndex(d => new { d.RecordKind, d.RecordId });
        builder.HasOne<EvidenceBlob>().WithOne().HasForeignKey<EvidenceBlob>(b => b.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EvidenceBlobConfiguration : IEntityTypeConfiguration<EvidenceBlob>
{
    public void Configure(EntityTypeBuilder<EvidenceBlob> builder)
    {
        builder.ToTable("evidence_blobs");
        builder.HasKey(b => b.DocumentId);
    }
}

internal sealed class PendingImportConfiguration : IEntityTypeConfiguration<PendingImport>
{
    public void Configure(EntityTypeBuilder<PendingImport> builder)
    {
        builder.ToTable("pending_imports");
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(p => p.FileName).HasMaxLength(200);
        builder.HasIndex(p => p.CreatedAt);
    }
}
