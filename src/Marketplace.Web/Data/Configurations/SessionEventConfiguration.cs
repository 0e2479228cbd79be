using System.Text.Json;
using Marketplace.Domain.Sessions;
using Marketplace.Web.Features.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Web.Data.Configurations;

internal sealed class SessionEventConfiguration : IEntityTypeConfiguration<SessionEvent>
{
    public void Configure(EntityTypeBuilder<SessionEvent> builder)
    {
        builder.ToTable("session_events");
        builder.HasKey(e => new { e.SessionId, e.Sequence });
        builder.Property(e => e.Kind).HasMaxLength(40);
        builder.Property(e => e.Data).HasColumnType("jsonb");
        builder.HasOne<MatchmakingSession>().WithMany().HasForeignKey(e => e.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}
