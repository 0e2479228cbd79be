using System.Text.Json;
using Marketplace.Domain.Organizations;
using Marketplace.Domain.Patents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Web.Data.Configurations;

internal sealed class PatentConfiguration : IEntityTypeConfiguration<Patent>
{
    /// <summary>Stored copy of <see cref="Patent.TermEnd"/>, kept by <see cref="MarketplaceDb"/> so catalog
    /// filters (in force, sleeping) run in SQL.</summary>
    public const string TermEnd = "StoredTermEnd";

    /// <summary>Stored <see cref="SleepingPatentRule.SleepsUntil"/> with the managing holder's kind, kept by
    /// <see cref="MarketplaceDb"/> on every write, so the catalog's sleeping filter is "sleeps until today or later"
    /// and the rule itself lives only in the domain.</summary>
    public const string SleepsUntil = "StoredSleepsUntil";

    public void Configure(EntityTypeBuilder<Patent> builder)
    {
        builder.ToTable("patents");
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.ApplicationNumber).HasMaxLength(20);
        builder.HasIndex(p => p.ApplicationNumber).IsUnique();
        builder.Property(p => p.Type).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.LegalStatus).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.PublicationNumber).HasMaxLength(20);
        builder.Property(p => p.TitleZh).HasMaxLength(200);
        builder.Property(p => p.TitleEn).HasMaxLength(300);
        builder.Property(p => p.AbstractZh).HasMaxLength(5000);
        builder.Property(p => p.AbstractEn).HasMaxLength(8000);
        builder.Property(p => p.MainIpc).HasMaxLength(20);
        builder.Property(p => p.LapseReason).HasMaxLength(200);
        builder.Property(p => p.IpcCodes).HasColumnType("text[]");
        builder.Property(p => p.Inventors).HasColumnType("text[]");
        builder.Property(p => p.Owners).HasColumnType("jsonb").HasConversion(
            owners => JsonSerializer.Serialize(owners, JsonSerializerOptions.Web),
            json => JsonSerializer.Deserialize<List<PatentOwner>>(json, JsonSerializerOptions.Web)!,
            new ValueComparer<IReadOnlyList<PatentOwner>>(
                (a, b) => a!.SequenceEqual(b!), list => list.Aggregate(0, (h, o) => HashCode.Combine(h, o)), list => list.ToList()));
        builder.Ignore(p => p.TermEnd);
        builder.Property<DateOnly>(TermEnd).HasColumnName("term_end");
        builder.Property<DateOnly?>(SleepsUntil).HasColumnName("sleeps_until");
        builder.HasIndex(SleepsUntil);
        builder.Property(p => p.LocarnoClass).HasMaxLength(5);
        builder.Property(p => p.RecordedEvents).HasConversion<int>();
        builder.Property(p => p.Gaps).HasConversion<int>();
        builder.HasOne<Organization>().WithMany().HasForeignKey(p => p.OwnerOrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.OwnerOrganizationId);
        builder.HasIndex(p => p.MainIpc);
        builder.Property(p => p.Version).IsRowVersion();
        builder.Ignore(p => p.IsGranted);
        builder.Ignore(p => p.PledgeRecorded);
    }
}
