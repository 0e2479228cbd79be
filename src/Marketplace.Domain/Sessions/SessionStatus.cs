namespace Marketplace.Domain.Sessions;

/// <summary>Draft (the office prepares it) → Open for registration → Live (the board runs) → Closed.</summary>
public enum SessionStatus { Draft, Open, Live, Closed }

public enum PitchState { Pending, Current, Done }

public enum RegistrationStatus { Pending, Approved, Rejected }
