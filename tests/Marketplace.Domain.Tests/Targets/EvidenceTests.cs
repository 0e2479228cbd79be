using Marketplace.Domain.Common;
using Marketplace.Domain.Deals;
using Marketplace.Domain.Evidence;
using Marketplace.Domain.Tests.Deals;

namespace Marketplace.Domain.Tests.Targets;

public sealed class EvidenceTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 2, 0, 0, TimeSpan.Zero);
    private static readonly Guid Office = Guid.NewGuid();

    [Fact]
    public void A_deal_goes_from_declared_to_documented_to_verified_and_its_figures_move_with_it()
    {
        var deal = DealTests.Signed();
        deal.ClearDomainEvents();
        Assert.True(Assert.Throws<DomainRuleException>(() => deal.VerifyEvidence(null, Office, "park@demo.local", Now)).IsConflict);

        deal.DocumentEvidence(null, DocumentKind.ContractPdf, Now);
        deal.DocumentEvidence(null, DocumentKind.CnipaRecordNotice, Now);
        deal.VerifyEvidence(null, Office, "park@demo.local", Now);

        var moves = deal.DomainEvents.OfType<EvidenceChanged>().Select(e => (e.From, e.To)).ToList();
        Assert.Equal([(EvidenceState.Declared, EvidenceState.Documented), (EvidenceState.Documented, EvidenceState.Verified)], moves);
        var counted = deal.DomainEvents.OfType<DealCountChanged>().Last();
        Assert.Equal((EvidenceState.Documented, EvidenceState.Verified), (counted.Before!.Value.Evidence, counted.After!.Value.Evidence));
        Assert.Equal((Office, "park@demo.local", Now), (deal.Evidence.VerifiedByUserId!.Value, deal.Evidence.VerifiedBy!, deal.Evidence.VerifiedAt!.Value));
    }

    [Fact]
    public void A_withdrawn_verification_goes_back_to_documented_with_its_reason()
    {
        var deal = DealTests.Signed();
        deal.DocumentEvidence(null, DocumentKind.ContractPdf, Now);
        deal.VerifyEvidence(null, Office, "park", Now);
        Assert.Equal("reason", Assert.Throws<DomainRuleException>(() => deal.WithdrawVerification(null, " ", Now)).Field);
        deal.WithdrawVerification(null, "合同页缺失", Now);
        Assert.Equal(EvidenceState.Documented, deal.Evidence.State);
        Assert.Equal("合同页缺失", deal.DomainEvents.OfType<EvidenceChanged>().Last().Comment);
    }

    [Fact]
    public void Money_counts_under_its_payment_s_evidence_and_the_contract_under_the_deal_s()
    {
        var deal = DealTests.Signed();
        deal.SetSchedule([new(InstalmentKind.Upfront, "首付", new DateOnly(2025, 6, 1), 100_000m), new(InstalmentKind.Milestone, "尾款", new DateOnly(2025, 6, 1), 200_000m)], Now);
        deal.ApplyProviderState(deal.Instalments[0].Id, 100_000m, 0m, "payment_intent.succeeded", Now);
        deal.ApplyProviderState(deal.Instalments[1].Id, 200_000m, 0m, "payment_intent.succeeded", Now);
        Assert.True(Assert.Throws<DomainRuleException>(() => DealTests.Signed().DocumentEvidence(Guid.NewGuid(), DocumentKind.BankStatementLine, Now)) is { });
        deal.DocumentEvidence(deal.Instalments[1].Id, DocumentKind.BankStatementLine, Now);

        var cells = deal.Contribution!.Value.Cells().ToList();
        Assert.Equal([(EvidenceState.Declared, 300_000m, 100_000m, 1), (EvidenceState.Documented, 0m, 200_000m, 0)], cells);
        Assert.Equal((300_000m, 300_000m), (cells.Sum(c => c.Contracted), cells.Sum(c => c.Received)));
    }

    [Fact]
    public void A_draft_deal_and_an_unpaid_instalment_carry_no_evidence_yet()
    {
        Assert.True(Assert.Throws<DomainRuleException>(() => DealTests.Draft().DocumentEvidence(null, DocumentKind.ContractPdf, Now)).IsConflict);
        var deal = DealTests.Signed();
        deal.SetSchedule([new(InstalmentKind.Upfront, "全款", new DateOnly(2025, 6, 1), 300_000m)], Now);
        Assert.True(Assert.Throws<DomainRuleException>(() => deal.DocumentEvidence(deal.Instalments[0].Id, DocumentKind.BankStatementLine, Now)).IsConflict);
    }

    [Theory]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31 }, "renamed.png", "application/pdf")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, "scan.pdf", "image/png")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }, "photo", "image/jpeg")]
    public void A_document_is_what_its_bytes_say_whatever_its_name(byte[] head, string name, string type) =>
        Assert.Equal(type, DocumentRules.Check(name, 1000, head).ContentType);

    [Fact]
    public void A_document_that_is_no_pdf_or_image_or_is_over_10_MB_is_refused()
    {
        Assert.Equal("file", Assert.Throws<DomainRuleException>(() => DocumentRules.Check("contract.pdf", 100, "PK\u0003\u0004"u8)).Field);
        Assert.Equal("file", Assert.Throws<DomainRuleException>(() => DocumentRules.Check("contract.pdf", 50L * 1024 * 1024, "%PDF-1.7"u8)).Field);
        Assert.Equal("file", Assert.Throws<DomainRuleException>(() => DocumentRules.Check("contract.pdf", 0, "%PDF-1.7"u8)).Field);
    }
}
