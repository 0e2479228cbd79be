using Marketplace.Domain.Common;

namespace Marketplace.Domain.Pledges;

/// <summary>
/// Maker–checker: the person who recommended a loan may not decide it. Distinct from other refusals because it
/// is about who acts, not what is sent or the state, so the API answers 403 rather than 400 or 409.
/// </summary>
public sealed class SeparationOfDutiesException(string message) : DomainRuleException("decidedBy", message);
