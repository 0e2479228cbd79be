using Lucene.Net.Index;
using Lucene.Net.Store;
using Marketplace.Web.Features.Search;
using Marketplace.Web.Features.Search.Lucene;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Tests.Search;

/// <summary>The embedded index keeps few segments: each one costs every query term a postings read (LuceneEngine).</summary>
public sealed class LuceneSegmentsTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"lucene-segments-{Guid.NewGuid():N}");

    [Fact]
    public async Task A_bulk_write_is_committed_as_one_segment_and_still_found()
    {
        using (var engine = Engine())
        {
            await engine.ClearAsync(default);
            // As a rebuild writes: batches that share a position, then the call that moves it commits them together.
            for (var batch = 0; batch < 6; batch++)
                await engine.ApplyAsync(Enumerable.Range(batch * 400, 400).Select(Document).ToList(), [], "0", default);
            await engine.ApplyAsync([], [], "1", default);
            var found = await engine.SearchAsync(SearchQuery.All() with { Text = "传感器" }, default);
            Assert.Equal(2400, found.Total);
        }
        Assert.Equal(1, Segments());
    }

    [Fact]
    public async Task Small_changes_leave_few_segments()
    {
        using (var engine = Engine())
        {
            // As listings are published one at a time: each commit writes a one-document segment.
            for (var change = 0; change < 8; change++) await engine.ApplyAsync([Document(change)], [], $"{change + 1}", default);
            Assert.Equal(8, (await engine.SearchAsync(SearchQuery.All(), default)).Total);
        }
        Assert.InRange(Segments(), 1, 4);
    }

    private LuceneEngine Engine() => new(Options.Create(new LuceneOptions { IndexPath = _path }));

    private int Segments()
    {
        using var directory = FSDirectory.Open(_path);
        using var reader = DirectoryReader.Open(directory);
        return reader.Leaves.Count;
    }

    private static SearchDocument Document(int i) => new(
        Guid.NewGuid(), Guid.NewGuid(), $"2020100{i:D5}.X", $"一种船用传感器{i}", null, "本发明公开了一种用于船舶尾气监测的传感器。", null,
        ["G01N 33/00"], "测量 measuring", Guid.NewGuid(), "哈尔滨工业大学(威海)", null, "University", [], "Invention", "Valid", ["Licence"],
        true, 120, 100_000m, DateTimeOffset.UtcNow);

    public void Dispose()
    {
        if (System.IO.Directory.Exists(_path)) System.IO.Directory.Delete(_path, recursive: true);
    }
}
