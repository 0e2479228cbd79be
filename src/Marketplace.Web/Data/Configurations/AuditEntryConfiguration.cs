using Marketplace.Web.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Web.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_log");
        builder.Property(a => a.Id).UseIdentityAlwaysColumn();
        builder.Property(a => a.Entity).HasMaxLength(60);
        builder.Property(a => a.EntityId).HasMaxLength(60);
        builder.Property(a => a.Action).HasMaxLength(60);
        builder.Property(a => a.FromState).HasMaxLength(40);
        builder.Property(a => a.ToState).HasMaxLength(40);
        builder.Property(a => a.UserEmail).HasMaxLength(256);
        builder.Property(a => a.IpAddress).HasMaxLength(45);
        builder.Property(a => a.Comment).HasMaxLength(1000);
        builder.HasIndex(a => new { a.Entity, a.EntityId });
        builder.HasIndex(a => a.OccurredAt);
    }
}
