using System.Buffers;

namespace Ipt.Protocol.Serialization;

/// <summary>
/// Splits a UTF-8 stream into lines with one pooled, growing buffer (up to the line limit). Blank
/// lines (only spaces, tabs or a carriage return) are skipped but counted; a trailing carriage
/// return is removed; a line longer than the limit is skipped to its end and reported as too long.
/// <see cref="Current"/> is valid until the next call to <see cref="NextAsync"/>.
/// </summary>
internal sealed class JsonLineSplitter : IDisposable
{
    private const int InitialSize = 64 * 1024;

    private readonly Stream stream;
    private readonly int maxLine;
    private byte[] buffer = ArrayPool<byte>.Shared.Rent(InitialSize);
    private int start;
    private int end;
    private bool eof;

    public JsonLineSplitter(Stream stream, int maxLine)
    {
        this.stream = stream;
        this.maxLine = maxLine;
    }

    public long LineNumber { get; private set; }

    public ReadOnlyMemory<byte> Current { get; private set; }

    public bool TooLong { get; private set; }

    public async ValueTask<bool> NextAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var scanned = 0;
            var skipping = false;
            while (true)
            {
                var newline = buffer.AsSpan(start + scanned, end - start - scanned).IndexOf((byte)'\n');
                if (newline >= 0)
                {
                    var length = scanned + newline;
                    var line = buffer.AsMemory(start, length);
                    start += length + 1;
                    LineNumber++;
                    if (skipping)
                    {
                        Current = ReadOnlyMemory<byte>.Empty;
                        TooLong = true;
                        return true;
                    }

                    if (Set(line))
                    {
                        return true;
                    }

                    break;
                }

                scanned = end - start;
                if (eof)
                {
                    if (end == start && !skipping)
                    {
                        Current = ReadOnlyMemory<byte>.Empty;
                        return false;
                    }

                    var line = buffer.AsMemory(start, end - start);
                    start = end;
                    LineNumber++;
                    if (skipping)
                    {
                        Current = ReadOnlyMemory<byte>.Empty;
                        TooLong = true;
                        return true;
                    }

                    if (Set(line))
                    {
                        return true;
                    }

                    Current = ReadOnlyMemory<byte>.Empty;
                    return false;
                }

                if (skipping || scanned > maxLine + 1)
                {
                    // Longer than any document may be: drop what was read and look for the line's end.
                    skipping = true;
                    start = end = 0;
                    scanned = 0;
                }

                await FillAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public void Dispose()
    {
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = [];
        }
    }

    private bool Set(ReadOnlyMemory<byte> line)
    {
        var span = line.Span;
        if (span.Length > 0 && span[^1] == (byte)'\r')
        {
            line = line[..^1];
            span = span[..^1];
        }

        if (span.Trim(" \t"u8).IsEmpty)
        {
            return false;
        }

        Current = line;
        TooLong = false;
        return true;
    }

    private async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        if (start > 0)
        {
            buffer.AsSpan(start, end - start).CopyTo(buffer);
            end -= start;
            start = 0;
        }

        if (end == buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
            buffer.AsSpan(0, end).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = larger;
        }

        var read = await stream.ReadAsync(buffer.AsMemory(end), cancellationToken).ConfigureAwait(false);
        if (read == 0)
        {
            eof = true;
        }

        end += read;
    }
}
