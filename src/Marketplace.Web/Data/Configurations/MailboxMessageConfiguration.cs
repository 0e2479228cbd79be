using Marketplace.Web.Features.Notifications.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Web.Data.Configurations;

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
