using Marketplace.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Web.Data.Configurations;

internal sealed class NoticeInboxConfiguration : IEntityTypeConfiguration<NoticeInbox>
{
    public void Configure(EntityTypeBuilder<NoticeInbox> builder)
    {
        builder.ToTable("notice_inboxes");
        builder.HasKey(i => i.UserId);
        builder.Property(i => i.Language).HasMaxLength(10);
    }
}
