using Marketplace.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Web.Data.Configurations;

internal sealed class StoredNoticeConfiguration : IEntityTypeConfiguration<StoredNotice>
{
    public void Configure(EntityTypeBuilder<StoredNotice> builder)
    {
        builder.ToTable("notices");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Kind).HasMaxLength(40);
        builder.Property(n => n.Template).HasMaxLength(500);
        builder.Property(n => n.Args).HasColumnType("jsonb");
        builder.Property(n => n.Url).HasMaxLength(300);
        builder.Property(n => n.DedupeKey).HasMaxLength(200);
        // The centre lists a person's notices newest first and counts them; the read flag narrows to unread ones.
        builder.HasIndex(n => new { n.UserId, n.CreatedAt, n.Id }).IsDescending(false, true, true);
        // Exactly the unread ones: the badge's count reads only these (UnreadNotices).
        builder.HasIndex(n => n.UserId).HasFilter("in_app AND read_at IS NULL").HasDatabaseName("ix_notices_unread");
        builder.HasIndex(n => new { n.UserId, n.DedupeKey }).IsUnique().HasFilter("dedupe_key IS NOT NULL");
        builder.HasIndex(n => new { n.UserId, n.CreatedAt }).HasFilter("digest AND digested_at IS NULL").HasDatabaseName("ix_notices_digest_pending");
    }
}
