using Amazon.S3;
using Amazon.S3.Model;

namespace Studio.Core.Storage;

/// <summary>
/// An object's body as it downloads. It can seek (its length is known), so that downloads served through Studio keep
/// range requests: a seek drops the body being read, and the next read asks the store for the rest from the new
/// position. Disposing it ends the response.
/// </summary>
internal sealed class S3ObjectStream : Stream
{
    private readonly IAmazonS3 _client;
    private readonly string _bucket;
    private readonly string _key;
    private GetObjectResponse? _response;
    private long _position;

    public S3ObjectStream(IAmazonS3 client, string bucket, string key, GetObjectResponse response)
    {
        _client = client;
        _bucket = bucket;
        _key = key;
        _response = response;
        Length = response.ContentLength;
    }

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length { get; }

    public override long Position
    {
        get => _position;
        set => Seek(value, SeekOrigin.Begin);
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        // Synchronous reads only go on with a body already open (no blocking on a new request).
        var body = _response?.ResponseStream ?? throw new NotSupportedException("After a seek, read this stream asynchronously.");
        var read = body.Read(buffer, offset, count);
        _position += read;
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_position >= Length || buffer.IsEmpty)
        {
            return 0;
        }

        if (_response is null)
        {
            var request = new GetObjectRequest { BucketName = _bucket, Key = _key, ByteRange = new ByteRange(_position, Length - 1) };
            _response = await _client.GetObjectAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var read = await _response.ResponseStream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        _position += read;
        return read;
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        var target = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            _ => Length + offset,
        };
        ArgumentOutOfRangeException.ThrowIfNegative(target, nameof(offset));
        if (target != _position)
        {
            _response?.Dispose();
            _response = null;
            _position = target;
        }

        return _position;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _response?.Dispose();
            _response = null;
        }

        base.Dispose(disposing);
    }
}
