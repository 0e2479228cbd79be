using Marketplace.Domain.Common;
using Marketplace.Domain.Negotiations;

namespace Marketplace.Domain.Tests.Negotiations;

public sealed class AttachmentRulesTests
{
    private static readonly byte[] Pdf = "%PDF-1.7\n"u8.ToArray();
    private static readonly byte[] Exe = "MZ\x90\0\x03\0\0\0"u8.ToArray();

    [Fact]
    public void A_pdf_is_accepted_with_its_content_type()
    {
        Assert.Equal(("合同草案.pdf", "application/pdf"), AttachmentRules.Check("合同草案.pdf", "application/pdf", 1000, Pdf));
    }

    [Theory]
    [InlineData("../../etc/a.pdf")]
    [InlineData("..\\..\\Windows\\a.pdf")]
    [InlineData("C:\\Users\\Public\\a.pdf")]
    public void A_path_in_the_name_is_dropped(string name)
    {
        Assert.Equal("a.pdf", AttachmentRules.Check(name, null, 10, Pdf).FileName);
    }

    [Theory]
    [InlineData("setup.pdf", "application/pdf", 1000, "disguised")]
    [InlineData("script.exe", "application/octet-stream", 1000, "Attach a PDF")]
    [InlineData("big.pdf", "application/pdf", AttachmentRules.MaxBytes + 1, "at most 10 MB")]
    [InlineData("empty.pdf", "application/pdf", 0, "empty")]
    [InlineData("report.pdf", "text/html", 1000, "sent as text/html")]
    public void Disguised_oversized_or_unknown_files_are_refused(string name, string type, long size, string message)
    {
        var head = name == "setup.pdf" || name == "script.exe" ? Exe : Pdf;
        var rule = Assert.Throws<DomainRuleException>(() => AttachmentRules.Check(name, type, size, head));
        Assert.Equal("attachment", rule.Field);
        Assert.Contains(message, rule.Message);
    }
}
