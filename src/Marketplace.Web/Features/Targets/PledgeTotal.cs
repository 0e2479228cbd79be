using Marketplace.Domain.Evidence;
using Marketplace.Domain.Targets;

namespace Marketplace.Web.Features.Targets;

/// <summary>
/// The park's pledge-financing figures for one (China) month, lending bank, source (an application on the platform
/// or a bank's imported registration) and evidence state, kept current by every change that moves them rather than
/// summed per request: the target page is read far more often than loans change.
/// </summary>
public sealed class PledgeTotal
{
    public int Year { get; init; }
    public int Month { get; init; }
    public Guid BankOrganizationId { get; init; }
    public RecordSource Source { get; init; }
    public EvidenceState Evidence { get; init; }
    public decimal Disbursed { get; init; }
    public decimal ApprovedNotDisbursed { get; init; }
}
