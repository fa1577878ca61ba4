namespace Superapps.Datasets.Features.Uploads;

/// <summary>
/// A read-only pass-through that counts the bytes read and, when given a callback, reports the count at most once per
/// <paramref name="interval"/> (and once more at the end of the stream): how the upload page shows its progress bar without a UI update
/// per buffer. Nothing is buffered beyond what the reader asks for.
/// </summary>
public sealed class CountingStream(Stream inner, Action<long>? progress = null, TimeSpan? interval = null, TimeProvider? clock = null) : Stream
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly TimeSpan _interval = interval ?? TimeSpan.FromMilliseconds(250);
    private DateTimeOffset? _lastReport;
    private bool _endReported;

    /// <summary>The bytes read so far.</summary>
    public long BytesRead { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Counted(inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Counted(inner.Read(buffer));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Counted(await inner.ReadAsync(buffer, cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync();
        await base.DisposeAsync();
    }

    private int Counted(int read)
    {
        BytesRead += read;
        if (progress is null)
        {
            return read;
        }

        var now = _clock.GetUtcNow();
        if (read == 0 ? !_endReported : _lastReport is not { } last || now - last >= _interval)
        {
            _lastReport = now;
            _endReported = read == 0;
            progress(BytesRead);
        }

        return read;
    }
}
