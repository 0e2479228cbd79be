using Marketplace.Web.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Features.Targets.Records;

/// <summary>The records behind one dashboard figure, with their evidence and the sum that equals the figure.</summary>
[Authorize(Roles = Roles.ParkAdmin)]
public sealed class IndexModel(RecordsQuery query) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Kind { get; set; } = "deals";
    [BindProperty(SupportsGet = true)] public RecordFilter Filter { get; set; } = new();

    public RecordsResponse<DealRecord>? Deals { get; private set; }
    public RecordsResponse<PaymentRecord>? Payments { get; private set; }
    public RecordsResponse<LoanRecord>? Loans { get; private set; }
    public RecordsResponse<SessionRecord>? Sessions { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        switch (Kind)
        {
            case "deals": Deals = await RecordsApi.DealsAsync(query, Filter, ct); break;
            case "payments": Payments = await RecordsApi.PaymentsAsync(query, Filter, ct); break;
            case "loans": Loans = await RecordsApi.LoansAsync(query, Filter, ct); break;
            case "sessions": Sessions = await RecordsApi.SessionsAsync(query, Filter, ct); break;
            default: return NotFound();
        }
        return Page();
    }
}
