using Marketplace.Domain.Common;
using Marketplace.Domain.Organizations;
using Marketplace.Domain.Sessions;

namespace Marketplace.Domain.Tests.Sessions;

public sealed class SessionLifecycleTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, BusinessCalendar.ChinaOffset);

    public static SessionDetails Details(int capacity = 100) => new("海洋装备专场对接会", "Marine equipment session", "海洋装备",
        Now.AddDays(10), Now.AddDays(10).AddHours(3), "威海国际会展中心", null, capacity, Now.AddDays(8));

    public static MatchmakingSession Live(out SessionPitch first, out SessionPitch second, int capacity = 100)
    {
        var session = MatchmakingSession.Create(Details(capacity), Now);
        first = session.AddPitch(Guid.NewGuid(), Guid.NewGuid(), Now.AddDays(10), 20, Now);
        second = session.AddPitch(Guid.NewGuid(), Guid.NewGuid(), Now.AddDays(10).AddMinutes(30), 20, Now);
        session.OpenRegistration(Now);
        return session;
    }

    [Fact]
    public void Every_transition_in_the_table_is_the_only_way_forward()
    {
        Assert.True(MatchmakingSession.Lifecycle.CanMove(SessionStatus.Draft, SessionStatus.Open));
        Assert.False(MatchmakingSession.Lifecycle.CanMove(SessionStatus.Draft, SessionStatus.Live));
        Assert.False(MatchmakingSession.Lifecycle.CanMove(SessionStatus.Closed, SessionStatus.Open));
        var session = MatchmakingSession.Create(Details(), Now);
        Assert.Equal("status", Assert.Throws<DomainRuleException>(() => session.GoLive(Now)).Field);
    }

    [Fact]
    public void Registration_cannot_open_without_an_agenda()
    {
        var session = MatchmakingSession.Create(Details(), Now);
        var refused = Assert.Throws<DomainRuleException>(() => session.OpenRegistration(Now));
        Assert.Equal("pitches", refused.Field);
        Assert.Equal(SessionStatus.Draft, session.Status);
    }

    [Fact]
    public void Starting_a_pitch_finishes_the_current_one_and_closes_questions()
    {
        var session = Live(out var first, out var second);
        session.GoLive(Now.AddDays(10));
        Assert.Equal(first.Id, session.Next!.Id);
        session.StartPitch(first.Id, Now.AddDays(10));
        session.SetQuestionsOpen(true, Now.AddDays(10));
        session.StartPitch(second.Id, Now.AddDays(10));
        Assert.Equal((PitchState.Done, PitchState.Current, false), (first.State, second.State, session.QuestionsOpen));
        Assert.True(Assert.Throws<DomainRuleException>(() => session.StartPitch(first.Id, Now)).IsConflict);
        session.Close(Now.AddDays(10));
        Assert.Equal((PitchState.Done, (Guid?)null), (second.State, session.CurrentPitchId));
    }

    [Fact]
    public void A_pitch_outside_the_session_times_is_refused()
    {
        var session = MatchmakingSession.Create(Details(), Now);
        Assert.Equal("startsAt", Assert.Throws<DomainRuleException>(() => session.AddPitch(Guid.NewGuid(), Guid.NewGuid(), Now.AddDays(11), 10, Now)).Field);
    }

    [Fact]
    public void Details_name_the_offending_field()
    {
        Assert.Equal("registrationDeadline", Assert.Throws<DomainRuleException>(() =>
            MatchmakingSession.Create(Details() with { RegistrationDeadline = Now.AddDays(11) }, Now)).Field);
        Assert.Equal("venue", Assert.Throws<DomainRuleException>(() =>
            MatchmakingSession.Create(Details() with { Venue = " ", OnlineUrl = null }, Now)).Field);
        Assert.Equal("capacity", Assert.Throws<DomainRuleException>(() => MatchmakingSession.Create(Details(0), Now)).Field);
    }

    [Fact]
    public void Approval_respects_capacity_and_check_in_counts_once()
    {
        var session = Live(out _, out _, capacity: 1);
        var a = SessionRegistration.Register(session, Guid.NewGuid(), OrganizationType.Enterprise, null, Now);
        var b = SessionRegistration.Register(session, Guid.NewGuid(), OrganizationType.Bank, null, Now);
        a.Approve(session, 0, Now);
        Assert.Equal("capacity", Assert.Throws<DomainRuleException>(() => b.Approve(session, 1, Now)).Field);
        Assert.Equal(RegistrationStatus.Pending, b.Status);
        Assert.True(a.CheckIn(session, Now));
        Assert.False(a.CheckIn(session, Now));
        Assert.True(a.Attended);
        Assert.Equal(8, a.CheckInCode.Length);
    }

    [Fact]
    public void The_park_office_does_not_register_and_late_registrations_are_refused()
    {
        var session = Live(out _, out _);
        Assert.Throws<ForbiddenActionException>(() => SessionRegistration.Register(session, Guid.NewGuid(), OrganizationType.ParkOffice, null, Now));
        Assert.True(Assert.Throws<DomainRuleException>(() =>
            SessionRegistration.Register(session, Guid.NewGuid(), OrganizationType.Enterprise, null, Now.AddDays(9))).IsConflict);
    }

    [Fact]
    public void Only_approved_enterprises_express_interest_in_a_presented_pitch()
    {
        var session = Live(out var first, out var second);
        var enterprise = SessionRegistration.Register(session, Guid.NewGuid(), OrganizationType.Enterprise, null, Now);
        var bank = SessionRegistration.Register(session, Guid.NewGuid(), OrganizationType.Bank, null, Now);
        Assert.Throws<ForbiddenActionException>(() => SessionInterest.Express(session, first.Id, enterprise, null, null, Now));
        enterprise.Approve(session, 0, Now);
        bank.Approve(session, 1, Now);
        session.GoLive(Now);
        session.StartPitch(first.Id, Now);
        Assert.Throws<ForbiddenActionException>(() => SessionInterest.Express(session, first.Id, bank, null, null, Now));
        Assert.Equal("pitchId", Assert.Throws<DomainRuleException>(() => SessionInterest.Express(session, second.Id, enterprise, null, null, Now)).Field);
        var interest = SessionInterest.Express(session, first.Id, enterprise, null, "  想了解许可费  ", Now);
        Assert.Equal(("想了解许可费", first.ListingId), (interest.Note, interest.ListingId));
        Assert.Equal("questions", Assert.Throws<DomainRuleException>(() => SessionQuestion.Ask(session, bank, null, "价格？", Now)).Field);
        session.SetQuestionsOpen(true, Now);
        Assert.Equal("text", Assert.Throws<DomainRuleException>(() => SessionQuestion.Ask(session, bank, null, new string('问', 501), Now)).Field);
        Assert.Equal(first.Id, SessionQuestion.Ask(session, bank, null, "价格？", Now).PitchId);
    }
}
