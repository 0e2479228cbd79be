namespace Marketplace.Domain.Negotiations;

public enum OfferStatus
{
    Open,
    /// <summary>The other party answered with a counter-offer, which replaces it.</summary>
    Countered,
    Accepted,
    Rejected,
    Withdrawn,
    /// <summary>Another offer of the room was accepted.</summary>
    Closed,
}

/// <summary>One version of the terms in a negotiation, made by one party; only the other party may accept it.</summary>
public sealed class Offer
{
    public Guid Id { get; private set; }
    public Guid InquiryId { get; private set; }

    /// <summary>1, 2, 3… within the room, so "offer 3" means the same thing to both parties.</summary>
    public int Number { get; private set; }
    public Guid? CounterOfId { get; private set; }
    public Guid ProposedByOrganizationId { get; private set; }
    public Guid? ProposedByUserId { get; private set; }
    public OfferTerms Terms { get; private set; } = null!;
    public string? Note { get; private set; }
    public OfferStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public Guid? DecidedByUserId { get; private set; }

    private Offer() { }

    internal Offer(Guid inquiryId, int number, Guid? counterOf, Guid organizationId, Guid? userId, OfferTerms terms, string? note, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        InquiryId = inquiryId;
        Number = number;
        CounterOfId = counterOf;
        ProposedByOrganizationId = organizationId;
        ProposedByUserId = userId;
        Terms = terms;
        Note = note;
        Status = OfferStatus.Open;
        CreatedAt = now;
    }

    internal void Decide(OfferStatus outcome, Guid? userId, DateTimeOffset now)
    {
        Status = outcome;
        DecidedAt = now;
        DecidedByUserId = userId;
    }
}
