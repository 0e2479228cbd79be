using System.Text.Json;
using Marketplace.Domain.OffPlatform;
using Marketplace.Domain.Organizations;
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
