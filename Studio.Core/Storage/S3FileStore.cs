using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Studio.Core.Storage;

/// <summary>
/// The file store in a bucket of an S3-compatible service (<see cref="S3StorageOptions"/>). Uploads stream: a file
/// smaller than one part goes in one request, a larger one as a multipart upload holding one part in memory at a
/// time. An S3 write is atomic (a reader sees the old object or the whole new one), as the seam requires. Files are
/// never on local disk here: <see cref="TryGetLocalPath"/> is null, and tools that read by path copy to scratch.
/// </summary>
public sealed partial class S3FileStore : IFileStore, IFileLinks, IDisposable
{
    private readonly AmazonS3Client _client;
    private readonly S3StorageOptions _options;
    private readonly TimeProvider _time;
    private readonly Protocol _linkProtocol;
    private readonly ILogger<S3FileStore> _logger;

    /// <summary>Creates the client from <see cref="StorageOptions.S3"/>.</summary>
    public S3FileStore(IOptions<StorageOptions> options, TimeProvider time, ILogger<S3FileStore> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _logger = logger;
        _options = options.Value.S3;
        _time = time;
        var config = new AmazonS3Config
        {
            ForcePathStyle = _options.ForcePathStyle,
            AuthenticationRegion = _options.Region,

            // Only the checksums S3 itself insists on: the newer default (trailing checksums on every upload) is
            // not understood by many S3-compatible services.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (_options.ServiceUrl.Length > 0)
        {
            config.ServiceURL = _options.ServiceUrl;
        }
        else
        {
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(_options.Region);
        }

        _linkProtocol = _options.ServiceUrl.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? Protocol.HTTP : Protocol.HTTPS;
        _client = new AmazonS3Client(new BasicAWSCredentials(_options.AccessKey, _options.SecretKey), config);
    }

    private int PartSize => _options.PartSizeMegabytes * 1024 * 1024;

    /// <inheritdoc />
    public async Task PutAsync(string key, Stream content, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        FileKeys.EnsureValid(key);
        var buffer = ArrayPool<byte>.Shared.Rent(PartSize);
        try
        {
            var filled = await FillAsync(content, buffer, ct).ConfigureAwait(false);
            if (filled < PartSize)
            {
                using var body = new MemoryStream(buffer, 0, filled, writable: false);
                await _client.PutObjectAsync(
                    new PutObjectRequest { BucketName = _options.Bucket, Key = key, InputStream = body, AutoCloseStream = false, UseChunkEncoding = false },
                    ct).ConfigureAwait(false);
                return;
            }

            await PutInPartsAsync(key, content, buffer, filled, ct).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <inheritdoc />
    public async Task PromoteAsync(string tempFile, string key, CancellationToken ct)
    {
        var file = new FileStream(tempFile, FileMode.Open, FileAccess.Read, FileShare.Read, 81_920, useAsync: true);
        await using (file.ConfigureAwait(false))
        {
            await PutAsync(key, file, ct).ConfigureAwait(false);
        }

        // As a move on disk would: the scratch file is gone once it is in place.
        File.Delete(tempFile);
    }

    /// <inheritdoc />
    public async Task<Stream> OpenReadAsync(string key, CancellationToken ct)
    {
        FileKeys.EnsureValid(key);
        try
        {
            var response = await _client.GetObjectAsync(_options.Bucket, key, ct).ConfigureAwait(false);
            return new S3ObjectStream(_client, _options.Bucket, key, response);
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            throw new FileNotFoundException($"No file is stored under '{key}'.", ex);
        }
    }

    /// <inheritdoc />
    public async Task<bool> ExistsAsync(string key, CancellationToken ct)
    {
        FileKeys.EnsureValid(key);
        try
        {
            await _client.GetObjectMetadataAsync(_options.Bucket, key, ct).ConfigureAwait(false);
            return true;
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public async Task DeleteAsync(string key, CancellationToken ct)
    {
        FileKeys.EnsureValid(key);
        await _client.DeleteObjectAsync(_options.Bucket, key, ct).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task DeleteFolderAsync(string folder, CancellationToken ct)
    {
        FileKeys.EnsureValid(folder);
        var request = new ListObjectsV2Request { BucketName = _options.Bucket, Prefix = folder + "/" };
        while (true)
        {
            // One page is at most 1000 keys, the most one batch delete takes.
            var page = await _client.ListObjectsV2Async(request, ct).ConfigureAwait(false);
            if (page.S3Objects is { Count: > 0 } objects)
            {
                await _client.DeleteObjectsAsync(
                    new DeleteObjectsRequest { BucketName = _options.Bucket, Objects = [.. objects.Select(o => new KeyVersion { Key = o.Key })], Quiet = true },
                    ct).ConfigureAwait(false);
            }

            if (page.IsTruncated != true || string.IsNullOrEmpty(page.NextContinuationToken))
            {
                return;
            }

            request.ContinuationToken = page.NextContinuationToken;
        }
    }

    /// <inheritdoc />
    public string? TryGetLocalPath(string key) => null;

    /// <inheritdoc />
    public Uri? ReadLink(string key, string contentType, string? downloadName)
    {
        FileKeys.EnsureValid(key);
        var request = new GetPreSignedUrlRequest
        {
            BucketName = _options.Bucket,
            Key = key,
            Verb = HttpVerb.GET,
            Protocol = _linkProtocol,
            Expires = (_time.GetUtcNow() + _options.PresignedUrlLifetime).UtcDateTime,
        };
        request.ResponseHeaderOverrides.ContentType = contentType;
        if (downloadName is not null)
        {
            request.ResponseHeaderOverrides.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = downloadName }.ToString();
        }

        return new Uri(_client.GetPreSignedURL(request));
    }

    /// <summary>Releases the client.</summary>
    public void Dispose() => _client.Dispose();

    private async Task PutInPartsAsync(string key, Stream content, byte[] buffer, int filled, CancellationToken ct)
    {
        var upload = await _client.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = _options.Bucket, Key = key }, ct).ConfigureAwait(false);
        try
        {
            var parts = new List<PartETag>();
            for (var number = 1; filled > 0; number++)
            {
                using (var body = new MemoryStream(buffer, 0, filled, writable: false))
                {
                    var part = await _client.UploadPartAsync(
                        new UploadPartRequest
                        {
                            BucketName = _options.Bucket,
                            Key = key,
                            UploadId = upload.UploadId,
                            PartNumber = number,
                            InputStream = body,
                            PartSize = filled,
                            UseChunkEncoding = false,
                        },
                        ct).ConfigureAwait(false);
                    parts.Add(new PartETag(number, part.ETag));
                }

                filled = await FillAsync(content, buffer, ct).ConfigureAwait(false);
            }

            await _client.CompleteMultipartUploadAsync(
                new CompleteMultipartUploadRequest { BucketName = _options.Bucket, Key = key, UploadId = upload.UploadId, PartETags = parts },
                ct).ConfigureAwait(false);
        }
        catch
        {
            // Parts of an abandoned upload are kept (and billed) until aborted; the object itself was never replaced.
            await AbortAsync(key, upload.UploadId).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Aborts an upload, best effort: the failure that caused it is what the caller must see.</summary>
    private async Task AbortAsync(string key, string uploadId)
    {
        try
        {
            await _client.AbortMultipartUploadAsync(_options.Bucket, key, uploadId, CancellationToken.None).ConfigureAwait(false);
        }
        catch (AmazonServiceException ex)
        {
            // Left to the bucket's lifecycle rule (AbortIncompleteMultipartUpload), which operators should set anyway.
            LogAbortFailed(_logger, ex, key, uploadId);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Could not abort the multipart upload {UploadId} of {Key}; its parts stay until the bucket's lifecycle rule removes them")]
    private static partial void LogAbortFailed(ILogger logger, Exception exception, string key, string uploadId);

    /// <summary>Reads until one part is full or the content ends; how many bytes were read.</summary>
    private async Task<int> FillAsync(Stream content, byte[] buffer, CancellationToken ct)
    {
        var filled = 0;
        while (filled < PartSize)
        {
            var read = await content.ReadAsync(buffer.AsMemory(filled, PartSize - filled), ct).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            filled += read;
        }

        return filled;
    }
}
