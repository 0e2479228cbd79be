using Marketplace.Domain.Common;

namespace Marketplace.Domain.Pledges;

/// <summary>An application moved from <paramref name="From"/> to <paramref name="To"/>; a further tranche paid out
/// is Disbursed → Disbursed. The applicant, the bank's officers or its approvers are to hear of it, by the step.</summary>
public sealed record PledgeStepTaken(Guid ApplicationId, Guid ApplicantOrganizationId, Guid BankOrganizationId, PledgeStatus From, PledgeStatus To) : IDomainEvent;
