using System.Text.Json;
using Marketplace.Domain.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Web.Data.Configurations;

internal sealed class MatchmakingSessionConfiguration : IEntityTypeConfiguration<MatchmakingSession>
{
    public void Configure(EntityTypeBuilder<MatchmakingSession> builder)
    {
        builder.ToTable("matchmaking_sessions");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        // Read and written whole, like a need's details; StartsAt is copied to a column for the yearly count.
        builder.Property(s => s.Details).HasColumnType("jsonb").HasConversion(
            d => JsonSerializer.Serialize(d, ListingConfiguration.TermsJson),
            json => JsonSerializer.Deserialize<SessionDetails>(json, ListingConfiguration.TermsJson)!);
        builder.HasIndex(s => new { s.Status, s.StartsAt });
        builder.Property(s => s.Version).IsRowVersion();
        builder.ComplexProperty(s => s.Evidence, EvidenceColumns.Map);
        builder.HasMany(s => s.Pitches).WithOne().HasForeignKey(p => p.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Pitches).HasField("_pitches").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(s => s.Current);
        builder.Ignore(s => s.Next);
        builder.Ignore(s => s.Agenda);
    }
}
