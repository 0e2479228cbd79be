namespace Marketplace.Web.Features.Targets;

/// <summary>
/// The park's pledge-financing figures for one (China) year, kept current by every change that moves them rather
/// than summed per request: the target page is read far more often than loans change.
/// </summary>
public sealed class PledgeTotal
{
    public int Year { get; init; }
    public decimal Disbursed { get; init; }
    public decimal ApprovedNotDisbursed { get; init; }
}
