using System.Buffers;

namespace Ipt.Protocol.Serialization.Shapes;

/// <summary>
/// A pooled buffer that takes a stream up to a size limit and one byte more, so that reading an
/// endless or huge stream stops at the limit instead of holding it all. A seekable stream whose
/// length is already over the limit is refused before anything is read.
/// </summary>
internal sealed class BoundedBuffer(int limit) : IDisposable
{
    private byte[] buffer = ArrayPool<byte>.Shared.Rent(Math.Min(limit + 1, 16 * 1024));
    private int written;

    public bool TooLarge => written > limit;

    public ReadOnlySpan<byte> Written => buffer.AsSpan(0, written);

    public Span<byte> Free
    {
        get
        {
            Grow();
            return buffer.AsSpan(written, Math.Min(buffer.Length, limit + 1) - written);
        }
    }

    public Memory<byte> FreeMemory
    {
        get
        {
            Grow();
            return buffer.AsMemory(written, Math.Min(buffer.Length, limit + 1) - written);
        }
    }

    public bool RefuseBySize(Stream stream) => stream.CanSeek && stream.Length - stream.Position > limit;

    /// <summary>Records bytes read; returns whether to read on (more may come and the limit is not passed).</summary>
    public bool Read(int count)
    {
        written += count;
        return count > 0 && written <= limit;
    }

    public void Dispose()
    {
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = [];
        }
    }

    private void Grow()
    {
        if (written == buffer.Length && buffer.Length <= limit)
        {
            var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, (long)limit + 1));
            buffer.AsSpan(0, written).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = larger;
        }
    }
}
