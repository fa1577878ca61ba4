using System.Text;
using Superapps.Tabular;

namespace Superapps.Tabular.Tests;

/// <summary>Reads test files through <see cref="TabularReader"/> the way an upload would be read.</summary>
internal static class TabularTestFiles
{
    public static Task<List<TabularRow>> ReadCsvAsync(string text) => ReadAsync(Encoding.UTF8.GetBytes(text), TabularFormat.Csv);

    public static async Task<List<TabularRow>> ReadAsync(byte[] bytes, TabularFormat format, bool trickle = false)
    {
        using Stream stream = trickle ? new TrickleStream(bytes) : new MemoryStream(bytes);
        return await ReadAsync(stream, format);
    }

    public static async Task<List<TabularRow>> ReadAsync(Stream stream, TabularFormat format)
    {
        var rows = new List<TabularRow>();
        await foreach (var row in TabularReader.ReadAsync(stream, format, TestContext.Current.CancellationToken))
        {
            rows.Add(row);
        }

        return rows;
    }

    public static string[] Texts(this TabularRow row) => [.. row.Cells.Select(c => c.Text)];

    /// <summary>
    /// A forward-only stream that hands out one byte per read, as a slow upload might: every
    /// quote, CR/LF pair and multi-byte character then straddles a buffer boundary.
    /// </summary>
    public sealed class TrickleStream(byte[] bytes) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_position >= bytes.Length || buffer.Length == 0)
            {
                return 0;
            }

            buffer[0] = bytes[_position++];
            return 1;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer.AsSpan(offset, count)));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
