using Marketplace.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Web.Data.Configurations;

internal sealed class NoticePreferenceConfiguration : IEntityTypeConfiguration<NoticePreference>
{
    public void Configure(EntityTypeBuilder<NoticePreference> builder)
    {
        builder.ToTable("notice_preferences");
        builder.HasKey(p => new { p.UserId, p.Kind });
        builder.Property(p => p.Kind).HasMaxLength(40);
    }
}
