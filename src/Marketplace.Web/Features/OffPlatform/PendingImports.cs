using System.IO.Compression;
using Marketplace.Web.Data;
using Marketplace.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.OffPlatform;

/// <summary>An upload previewed and not yet confirmed: the spreadsheet and its certificates, zipped.</summary>
public sealed class PendingImport
{
    public Guid Id { get; init; }
    public ImportKind Kind { get; init; }
    public Guid OrganizationId { get; init; }
    public string FileName { get; init; } = "";
    public byte[] Content { get; init; } = [];
    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>One uploaded file, in memory.</summary>
public sealed record UploadedFile(string Name, byte[] Content);

/// <summary>
/// Keeps a previewed upload so that the confirmation imports exactly the bytes that were previewed, on whichever
/// instance it arrives. Only the organisation that uploaded may confirm; an upload not confirmed within an hour is
/// dropped (the next preview sweeps them).
/// </summary>
public sealed class PendingImports(MarketplaceDb db, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    public async Task<Guid> KeepAsync(ImportKind kind, Guid organization, UploadedFile sheet, IReadOnlyList<UploadedFile> attachments, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await db.Set<PendingImport>().Where(p => p.CreatedAt < now - Lifetime).ExecuteDeleteAsync(ct);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (file, index) in attachments.Prepend(sheet).Select((f, i) => (f, i)))
            {
                // The index keeps two attachments of the same name apart; the name is restored on reading.
                await using var entry = zip.CreateEntry($"{index:D4}/{file.Name}", CompressionLevel.NoCompression).Open();
                await entry.WriteAsync(file.Content, ct);
            }
        }
        var pending = new PendingImport { Id = Guid.CreateVersion7(now), Kind = kind, OrganizationId = organization, FileName = sheet.Name, Content = buffer.ToArray(), CreatedAt = now };
        db.Add(pending);
        await db.SaveChangesAsync(ct);
        return pending.Id;
    }

    public async Task<(UploadedFile Sheet, IReadOnlyList<UploadedFile> Attachments)> TakeAsync(Guid id, ImportKind kind, Guid organization, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var pending = await db.Set<PendingImport>().AsNoTracking()
                          .SingleOrDefaultAsync(p => p.Id == id && p.Kind == kind && p.OrganizationId == organization && p.CreatedAt >= now - Lifetime, ct)
                      ?? throw new NotFoundException("Pending import");
        var files = new List<UploadedFile>();
        using var zip = new ZipArchive(new MemoryStream(pending.Content), ZipArchiveMode.Read);
        foreach (var entry in zip.Entries.OrderBy(e => e.FullName, StringComparer.Ordinal))
        {
            await using var stream = entry.Open();
            using var content = new MemoryStream();
            await stream.CopyToAsync(content, ct);
            files.Add(new UploadedFile(entry.FullName[(entry.FullName.IndexOf('/') + 1)..], content.ToArray()));
        }
        return (files[0], files.Skip(1).ToList());
    }

    /// <summary>Removes a confirmed upload, in the import's transaction.</summary>
    public Task DropAsync(Guid id, CancellationToken ct) => db.Set<PendingImport>().Where(p => p.Id == id).ExecuteDeleteAsync(ct);
}
