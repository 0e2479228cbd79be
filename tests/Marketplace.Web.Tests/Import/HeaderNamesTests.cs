using Marketplace.Web.Features.Patents.Import;

namespace Marketplace.Web.Tests.Import;

/// <summary>Header normalisation on its own: the spellings exports use for one column read as that column.</summary>
public sealed class HeaderNamesTests
{
    [Theory]
    [InlineData("公开（公告）号", "公开(公告)号")]
    [InlineData("[标]当前申请(专利权)人", "当前申请(专利权)人")]
    [InlineData("标题(译)(简体中文)", "标题(中文)")]
    [InlineData("摘要 (译) (简体中文)", "摘要(中文)")]
    [InlineData("法律状态/事件", "法律状态事件")]
    [InlineData("申请号 ", "申请号")]
    [InlineData("ＩＰＣ分类号", "ipc分类号")]
    [InlineData("标题(译)(English)", "标题(english)")]
    public void Widths_spaces_prefixes_suffixes_and_slashes_do_not_matter(string header, string normalized) =>
        Assert.Equal(normalized, HeaderNames.Normalize(header));

    [Theory]
    [InlineData("发明（设计）人", ImportColumn.Inventors)]
    [InlineData("申请摘要", ImportColumn.Abstract)]
    [InlineData("摘要(译)(简体中文)", ImportColumn.Abstract)]
    [InlineData("标题(译)(English)", ImportColumn.TitleEn)]
    [InlineData("申请（专利权）人", ImportColumn.Owners)]
    [InlineData("公开公告号", ImportColumn.PublicationNumber)]
    [InlineData("申请年", ImportColumn.FilingYear)]
    [InlineData("洛迦诺分类号", ImportColumn.LocarnoClass)]
    [InlineData("当前法律状态", ImportColumn.LegalStatus)]
    [InlineData("颁证日", ImportColumn.GrantDate)]
    public void Headers_of_the_databases_map_to_their_field(string header, ImportColumn column) =>
        Assert.Equal(column, HeaderNames.Find(header)!.Value.Column);

    [Fact]
    public void The_current_holder_ranks_before_the_applicant_and_the_name_as_filed_before_the_standardised_one()
    {
        Assert.True(HeaderNames.Find("当前申请(专利权)人")!.Value.Rank < HeaderNames.Find("申请人")!.Value.Rank);
        Assert.True(HeaderNames.Find("当前申请(专利权)人")!.Value.Rank < HeaderNames.Find("[标]当前申请(专利权)人")!.Value.Rank);
        Assert.True(HeaderNames.Find("法律状态/事件")!.Value.Rank < HeaderNames.Find("简单法律状态")!.Value.Rank);
    }

    [Theory]
    [InlineData("序号")]
    [InlineData("INPADOC法律状态")]
    [InlineData("IPC主分类号小类")]
    public void Other_columns_are_unknown(string header) => Assert.Null(HeaderNames.Find(header));
}
