using Marketplace.Domain.Common;
using Marketplace.Domain.Deals;

namespace Marketplace.Domain.Tests.Deals;

public sealed class InstalmentTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 2, 0, 0, TimeSpan.Zero);

    private static Instalment Instalment()
    {
        var deal = DealTests.Signed();
        deal.SetSchedule([new(InstalmentKind.Upfront, "全款", new DateOnly(2025, 6, 30), 300_000m)], Now);
        return deal.Instalments[0];
    }

    [Fact]
    public void Provider_state_applied_twice_or_out_of_order_converges()
    {
        var i = Instalment();
        Assert.Equal(0m, i.ApplyProviderState(0m, 0m, Now));
        Assert.Equal(300_000m, i.ApplyProviderState(300_000m, 0m, Now));
        Assert.Equal(0m, i.ApplyProviderState(300_000m, 0m, Now));
        Assert.Equal(-50_000m, i.ApplyProviderState(300_000m, 50_000m, Now));
        Assert.Equal((InstalmentStatus.Refunded, 250_000m), (i.Status, i.Net));
    }

    [Fact]
    public void A_reported_transfer_counts_only_when_confirmed_once()
    {
        var i = Instalment();
        Assert.Equal("reference", Assert.Throws<DomainRuleException>(() => i.ReportTransfer(" ", null, Now)).Field);
        i.ReportTransfer("ICBC-20250601-0001", "回单.pdf", Now);
        Assert.Equal((InstalmentStatus.TransferReported, 0m), (i.Status, i.Net));
        Assert.Equal(300_000m, i.ConfirmTransfer(Now));
        Assert.True(Assert.Throws<DomainRuleException>(() => i.ConfirmTransfer(Now)).IsConflict);
        Assert.Equal(InstalmentStatus.Paid, i.Status);
    }

    [Fact]
    public void Each_online_attempt_gets_a_new_number_and_a_paid_instalment_none()
    {
        var i = Instalment();
        Assert.Equal(1, i.BeginStripePayment());
        Assert.Equal(2, i.BeginStripePayment());
        i.ApplyProviderState(300_000m, 0m, Now);
        Assert.True(Assert.Throws<DomainRuleException>(() => i.BeginStripePayment()).IsConflict);
    }
}
