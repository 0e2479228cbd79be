using Marketplace.Web.Features.Notifications.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Web.Data.Configurations;

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
