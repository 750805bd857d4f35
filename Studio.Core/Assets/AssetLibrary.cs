using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Studio.Core.Jobs;
using Studio.Core.Persistence;
using Studio.Core.Storage;

namespace Studio.Core.Assets;

/// <summary>
/// A user's uploads: receive (streamed to scratch and hashed as it comes, its type sniffed from the first bytes so the
/// kind's size limit stops the read, then inspected), list, read, delete. Every call is scoped to its owner: another
/// user's asset is not found. A refused upload leaves nothing behind: no file, no row.
/// </summary>
public sealed partial class AssetLibrary(
    IDbContextFactory<StudioDbContext> dbFactory,
    DatabaseWriteGate writeGate,
    IDatabaseConcurrency concurrency,
    IFileStore files,
    StudioPaths paths,
    UploadInspector inspector,
    IOptions<UploadOptions> options,
    TimeProvider time,
    ILogger<AssetLibrary> logger,
    IStringLocalizer<AssetLibrary> L,
    IStringLocalizerFactory localizers)
{
    private const int BufferSize = 81920;

    // The static checks speak through their own localizers (their French sits in their own resource files).
    private readonly IStringLocalizer _snifferWords = localizers.Create(typeof(UploadSniffer));
    private readonly IStringLocalizer _fileNameWords = localizers.Create(typeof(UploadFileName));

    /// <summary>Receives, inspects and stores one file for <paramref name="ownerId"/> (see <see cref="ReceiveAsync"/> and <see cref="StoreAsync"/>).</summary>
    public async Task<UploadResult> UploadAsync(string ownerId, string? fileName, Stream content, CancellationToken ct)
    {
        var received = await ReceiveAsync(fileName, content, ct).ConfigureAwait(false);
        if (received.Upload is not { } upload)
        {
            return UploadResult.Refused(received.Refusal!);
        }

        using (upload)
        {
            return UploadResult.Stored(await StoreAsync(ownerId, upload, ct).ConfigureAwait(false));
        }
    }

    /// <summary>
    /// Reads <paramref name="content"/> into scratch, hashing it, and inspects it. The type is sniffed from the first
    /// bytes, so the read stops one byte past that kind's limit: an oversized body is never read whole. Nothing is stored.
    /// </summary>
    public async Task<ReceiveResult> ReceiveAsync(string? fileName, Stream content, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        var limits = options.Value;
        var header = new byte[UploadSniffer.HeaderLength];
        var headerLength = await content.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, ct).ConfigureAwait(false);
        if (headerLength == 0)
        {
            return Refused(UploadRefusal.Invalid(L["The file is empty (0 bytes)."]));
        }

        if (headerLength < UploadSniffer.MinimumLength)
        {
            return Refused(UploadRefusal.Invalid(L["The file is only {0} byte(s): too short to be an image, video or sound.", headerLength]));
        }

        if (UploadSniffer.Sniff(header.AsSpan(0, headerLength), _snifferWords, out var notAccepted) is not { } type)
        {
            return Refused(UploadRefusal.Unsupported(notAccepted));
        }

        if (UploadFileName.Check(fileName, limits.MaxFileNameLength, type, _fileNameWords, out var nameProblem) is not { } name)
        {
            return Refused(UploadRefusal.Invalid(nameProblem, "fileName"));
        }

        var temp = paths.NewTempFile(type.Extension);
        var kept = false;
        try
        {
            var limit = limits.MaxBytesFor(type.Kind);
            var (size, sha256) = await CopyAsync(header.AsMemory(0, headerLength), content, temp, limit, ct).ConfigureAwait(false);
            if (size > limit)
            {
                return Refused(UploadRefusal.TooLarge(type.Kind switch
                {
                    AssetKind.Image => L["The {0} is larger than the {1} limit for image files (Studio:Uploads:Max{2}Bytes).", type.Name, Megabytes(limit), type.Kind],
                    AssetKind.Video => L["The {0} is larger than the {1} limit for video files (Studio:Uploads:Max{2}Bytes).", type.Name, Megabytes(limit), type.Kind],
                    _ => L["The {0} is larger than the {1} limit for sound files (Studio:Uploads:Max{2}Bytes).", type.Name, Megabytes(limit), type.Kind],
                }));
            }

            if (await inspector.InspectAsync(temp, type, ct).ConfigureAwait(false) is { } refusal)
            {
                return Refused(refusal);
            }

            kept = true;
            return new ReceiveResult(new ReceivedUpload(temp, type, name, size, sha256), null);
        }
        finally
        {
            if (!kept)
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>Stores a received file for <paramref name="ownerId"/> under a generated key and records it.</summary>
    public async Task<Asset> StoreAsync(string ownerId, ReceivedUpload upload, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(ownerId);
        ArgumentNullException.ThrowIfNull(upload);
        var now = time.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        var asset = new Asset(id, ownerId, upload.Type.Kind, upload.FileName, FileKeys.Asset(id), upload.Type.ContentType, upload.Size, upload.Sha256, now);
        await files.PromoteAsync(upload.TempFile, asset.StoredFile, ct).ConfigureAwait(false);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
            db.Assets.Add(asset);
            using (await writeGate.EnterAsync(ct).ConfigureAwait(false))
            {
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
            }
        }
        catch
        {
            // No row, no file: the stored copy must not outlive a failed insert.
            await files.DeleteAsync(asset.StoredFile, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        LogStored(logger, id, ownerId, upload.Type.Name, upload.Size);
        return asset;
    }

    /// <summary>The owner's assets, newest first.</summary>
    public async Task<IReadOnlyList<Asset>> ListAsync(string ownerId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var assets = await db.Assets.AsNoTracking().Where(a => a.OwnerId == ownerId).ToListAsync(ct).ConfigureAwait(false);
        return [.. assets.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id)];
    }

    /// <summary>The owner's asset, or null when there is none of that id for this owner.</summary>
    public async Task<Asset?> GetAsync(string ownerId, Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        return await db.Assets.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id && a.OwnerId == ownerId, ct).ConfigureAwait(false);
    }

    /// <summary>Opens the owner's asset's content, or null when there is none (or its file is missing).</summary>
    public async Task<(Asset Asset, Stream Content)?> OpenAsync(string ownerId, Guid id, CancellationToken ct)
    {
        if (await GetAsync(ownerId, id, ct).ConfigureAwait(false) is not { } asset || !await files.ExistsAsync(asset.StoredFile, ct).ConfigureAwait(false))
        {
            return null;
        }

        return (asset, await files.OpenReadAsync(asset.StoredFile, ct).ConfigureAwait(false));
    }

    /// <summary>Deletes the owner's asset (file, preview and row) unless a job that is not finished uses it.</summary>
    public async Task<AssetDeleteResult> DeleteAsync(string ownerId, Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);

        // The check and the delete in one write transaction in the owner's uploads turn (SQLite: BEGIN IMMEDIATE;
        // PostgreSQL: the advisory lock a new job's save takes too), so no job row naming the asset can be written
        // between them, by this process or another.
        using (await writeGate.EnterAsync(ct).ConfigureAwait(false))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
            await concurrency.SerializeAsync(db, AssetScope(ownerId), ct).ConfigureAwait(false);
            var asset = await db.Assets.FirstOrDefaultAsync(a => a.Id == id && a.OwnerId == ownerId, ct).ConfigureAwait(false);
            if (asset is null)
            {
                return new AssetDeleteResult(AssetDeleteOutcome.NotFound);
            }

            var finished = new[] { JobStatus.Completed, JobStatus.Failed, JobStatus.Cancelled };
            var bySegment = db.Segments.Where(s => s.AssetId == id).Select(s => s.JobId);
            var users = await db.Jobs
                .Where(j => !finished.Contains(j.Status) && (j.MusicAssetId == id || bySegment.Contains(j.Id)))
                .Select(j => new { j.Id, j.Title, j.Status })
                .ToListAsync(ct).ConfigureAwait(false);
            if (users.Count > 0)
            {
                var named = string.Join(", ", users.Take(3).Select(j => $"'{j.Title}' ({j.Status})"));
                return new AssetDeleteResult(
                    AssetDeleteOutcome.InUse,
                    L["The asset is used by {0} job(s) that are not finished: {1}. Cancel them or let them finish first.", users.Count, named]);
            }

            db.Assets.Remove(asset);
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            await transaction.CommitAsync(ct).ConfigureAwait(false);
            await files.DeleteAsync(asset.StoredFile, ct).ConfigureAwait(false);
            if (await files.ExistsAsync(AssetThumbnails.KeyFor(id), ct).ConfigureAwait(false))
            {
                // Guarded: the file-system store throws for a missing folder, and most assets never had a preview made.
                await files.DeleteAsync(AssetThumbnails.KeyFor(id), ct).ConfigureAwait(false);
            }
        }

        LogDeleted(logger, id, ownerId);
        return new AssetDeleteResult(AssetDeleteOutcome.Deleted);
    }

    private ReceiveResult Refused(UploadRefusal refusal)
    {
        LogRefused(logger, refusal.Kind, refusal.Detail);
        return new ReceiveResult(null, refusal);
    }

    // Copies to scratch while hashing; stops one byte past the limit so an oversized body is never read whole.
    private static async Task<(long Size, string Sha256)> CopyAsync(ReadOnlyMemory<byte> header, Stream content, string temp, long limit, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long size = header.Length;
        await using var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, useAsync: true);
        hash.AppendData(header.Span);
        await file.WriteAsync(header, ct).ConfigureAwait(false);
        var buffer = new byte[BufferSize];
        while (size <= limit)
        {
            var wanted = (int)Math.Min(buffer.Length, limit + 1 - size);
            var read = await content.ReadAsync(buffer.AsMemory(0, wanted), ct).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            size += read;
            if (size > limit)
            {
                break;
            }

            hash.AppendData(buffer, 0, read);
            await file.WriteAsync(buffer.AsMemory(0, read), ct).ConfigureAwait(false);
        }

        return (size, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    private string Megabytes(long bytes) =>
        bytes >= 1024 * 1024 ? L["{0:0.#} MB", bytes / (1024d * 1024)] : L["{0} bytes", bytes];

    [LoggerMessage(LogLevel.Information, "Stored upload {AssetId} of user {OwnerId}: {Type}, {Size} bytes")]
    private static partial void LogStored(ILogger logger, Guid assetId, string ownerId, string type, long size);

    [LoggerMessage(LogLevel.Information, "Refused an upload ({Kind}): {Detail}")]
    private static partial void LogRefused(ILogger logger, UploadRefusalKind kind, string detail);

    [LoggerMessage(LogLevel.Information, "Deleted asset {AssetId} of user {OwnerId}")]
    private static partial void LogDeleted(ILogger logger, Guid assetId, string ownerId);

    /// <summary>
    /// The turn in which an owner's upload is deleted or a new job naming the owner's uploads is saved (see
    /// <see cref="IDatabaseConcurrency.SerializeAsync"/>): either the delete sees the job, or the job's save sees the
    /// upload gone.
    /// </summary>
    public static string AssetScope(string ownerId) => "assets:" + ownerId;
}
