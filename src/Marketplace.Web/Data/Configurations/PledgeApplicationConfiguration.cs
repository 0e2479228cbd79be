using System.Text.Json;
using System.Text.Json.Serialization;
using Marketplace.Domain.Organizations;
using Marketplace.Domain.Pledges;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Web.Data.Configurations;

internal sealed class PledgeApplicationConfiguration : IEntityTypeConfiguration<PledgeApplication>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerOptions.Web) { Converters = { new JsonStringEnumConverter() } };

    public void Configure(EntityTypeBuilder<PledgeApplication> builder)
    {
        builder.ToTable("pledge_applications");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.RequestedAmount).HasColumnType("numeric(18,2)");
        builder.Property(a => a.ApprovedAmount).HasColumnType("numeric(18,2)");
        builder.Property(a => a.DisbursedAmount).HasColumnType("numeric(18,2)");
        builder.Property(a => a.Purpose).HasMaxLength(500);
        builder.Property(a => a.InfoQuestion).HasMaxLength(1000);
        builder.Property(a => a.InfoAnswer).HasMaxLength(2000);
        builder.Property(a => a.DecisionComment).HasMaxLength(1000);
        builder.Property(a => a.RegistrationNumber).HasMaxLength(40);
        // Values read and written whole with the application: jsonb documents. The patent ids are a column of
        // their own so the pledge register can find a patent's pledges through an index.
        builder.Property(a => a.PatentIds).HasColumnType("uuid[]");
        JsonList(builder.Property(a => a.Patents));
        JsonList(builder.Property(a => a.Disbursements));
        JsonValue(builder.Property(a => a.Valuation));
        JsonValue(builder.Property(a => a.Financials));
        JsonValue(builder.Property(a => a.Recommendation));
        builder.Ignore(a => a.LocksPatents);
        builder.HasOne<Organization>().WithMany().HasForeignKey(a => a.ApplicantOrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(a => a.BankOrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.BankOrganizationId, a.Status });
        // A bank's queue in its order (oldest submission first), so its first page is read, not sorted out of every loan.
        builder.HasIndex(a => new { a.BankOrganizationId, a.SubmittedAt, a.UpdatedAt }, "ix_pledge_applications_bank_queue")
            .IsDescending(false, false, true).HasFilter("status <> 'Draft'");
        builder.HasIndex(a => a.ApplicantOrganizationId);
        builder.HasIndex(a => a.PatentIds).HasMethod("gin");
        builder.Property(a => a.Version).IsRowVersion();
    }

    private static void JsonValue<T>(PropertyBuilder<T> property) => property.HasColumnType("jsonb").HasConversion(
        value => JsonSerializer.Serialize(value, Json),
        json => JsonSerializer.Deserialize<T>(json, Json)!);

    private static void JsonList<T>(PropertyBuilder<IReadOnlyList<T>> property) => property.HasColumnType("jsonb").HasConversion(
        list => JsonSerializer.Serialize(list, Json),
        json => JsonSerializer.Deserialize<List<T>>(json, Json)!,
        new ValueComparer<IReadOnlyList<T>>(
            (a, b) => a!.SequenceEqual(b!), list => list.Aggregate(0, (h, item) => HashCode.Combine(h, item)), list => list.ToList()));
}
