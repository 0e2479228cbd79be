using System.Text.Json;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Organizations;
using Marketplace.Domain.Sessions;
using Marketplace.Web.Features.Sessions;
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

internal sealed class SessionPitchConfiguration : IEntityTypeConfiguration<SessionPitch>
{
    public void Configure(EntityTypeBuilder<SessionPitch> builder)
    {
        builder.ToTable("session_pitches");
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.State).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Listing>().WithMany().HasForeignKey(p => p.ListingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(p => p.PresenterOrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.SessionId, p.ListingId }).IsUnique();
    }
}

internal sealed class SessionRegistrationConfiguration : IEntityTypeConfiguration<SessionRegistration>
{
    public void Configure(EntityTypeBuilder<SessionRegistration> builder)
    {
        builder.ToTable("session_registrations");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.OrganizationType).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.CheckInCode).HasMaxLength(8);
        builder.HasOne<MatchmakingSession>().WithMany().HasForeignKey(r => r.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        // One place per organisation and session, whatever the race; codes are looked up per session at the door.
        builder.HasIndex(r => new { r.SessionId, r.OrganizationId }).IsUnique();
        builder.HasIndex(r => new { r.SessionId, r.CheckInCode }).IsUnique();
        builder.Ignore(r => r.Attended);
        builder.Ignore(r => r.IsParticipant);
        builder.Property(r => r.Version).IsRowVersion();
    }
}

internal sealed class SessionInterestConfiguration : IEntityTypeConfiguration<SessionInterest>
{
    public void Configure(EntityTypeBuilder<SessionInterest> builder)
    {
        builder.ToTable("session_interests");
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Note).HasMaxLength(SessionInterest.MaxNote);
        builder.HasOne<MatchmakingSession>().WithMany().HasForeignKey(i => i.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<SessionPitch>().WithMany().HasForeignKey(i => i.PitchId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organization>().WithMany().HasForeignKey(i => i.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        // Pressing twice is one lead, not two.
        builder.HasIndex(i => new { i.PitchId, i.OrganizationId }).IsUnique();
        builder.HasIndex(i => new { i.OwnerOrganizationId, i.SessionId });
    }
}

internal sealed class SessionQuestionConfiguration : IEntityTypeConfiguration<SessionQuestion>
{
    public void Configure(EntityTypeBuilder<SessionQuestion> builder)
    {
        builder.ToTable("session_questions");
        builder.Property(q => q.Id).ValueGeneratedNever();
        builder.Property(q => q.Text).HasMaxLength(SessionQuestion.MaxText);
        builder.HasOne<MatchmakingSession>().WithMany().HasForeignKey(q => q.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(q => new { q.SessionId, q.At });
    }
}

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
