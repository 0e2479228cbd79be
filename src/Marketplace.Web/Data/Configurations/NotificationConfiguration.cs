using Marketplace.Web.Features.Notifications;
using Marketplace.Web.Features.Notifications.Email;
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
        builder.HasIndex(n => new { n.UserId, n.DedupeKey }).IsUnique().HasFilter("dedupe_key IS NOT NULL");
        builder.HasIndex(n => new { n.UserId, n.CreatedAt }).HasFilter("digest AND digested_at IS NULL").HasDatabaseName("ix_notices_digest_pending");
    }
}

internal sealed class NoticePreferenceConfiguration : IEntityTypeConfiguration<NoticePreference>
{
    public void Configure(EntityTypeBuilder<NoticePreference> builder)
    {
        builder.ToTable("notice_preferences");
        builder.HasKey(p => new { p.UserId, p.Kind });
        builder.Property(p => p.Kind).HasMaxLength(40);
    }
}

internal sealed class NoticeInboxConfiguration : IEntityTypeConfiguration<NoticeInbox>
{
    public void Configure(EntityTypeBuilder<NoticeInbox> builder)
    {
        builder.ToTable("notice_inboxes");
        builder.HasKey(i => i.UserId);
        builder.Property(i => i.Language).HasMaxLength(10);
    }
}

internal sealed class OutgoingEmailConfiguration : IEntityTypeConfiguration<OutgoingEmail>
{
    public void Configure(EntityTypeBuilder<OutgoingEmail> builder)
    {
        builder.ToTable("outgoing_emails");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Kind).HasMaxLength(40);
        builder.Property(e => e.LastError).HasMaxLength(500);
        builder.Ignore(e => e.MessageId);
        builder.HasIndex(e => e.NoticeId).IsUnique().HasFilter("notice_id IS NOT NULL");
        builder.HasIndex(e => e.NotBefore).HasFilter("sent_at IS NULL").HasDatabaseName("ix_outgoing_emails_due");
    }
}

internal sealed class MailboxMessageConfiguration : IEntityTypeConfiguration<MailboxMessage>
{
    public void Configure(EntityTypeBuilder<MailboxMessage> builder)
    {
        builder.ToTable("mailbox_messages");
        builder.HasKey(m => m.MessageId);
        builder.Property(m => m.MessageId).HasMaxLength(200);
        builder.Property(m => m.To).HasMaxLength(256);
        builder.Property(m => m.Subject).HasMaxLength(500);
        builder.Property(m => m.Kind).HasMaxLength(40);
        builder.HasIndex(m => m.StoredAt);
    }
}
