using Ipt.Protocol.Protocols;
using Ipt.Protocol.Samples;
using Ipt.Protocol.Serialization;

namespace Ipt.Protocol.Benchmarks.Workloads;

/// <summary>
/// Generates the bulk workload: a service's caseload of courses as JSON Lines. Every built-in
/// variant in the workload shape, starting on 8 different dates, each complete and clean, in
/// progress (held up to a varying session), or with one or two departures (formulation not agreed,
/// positive safety item without a risk review): 264 distinct compact documents, repeated in turn.
/// </summary>
internal static class CourseGenerator
{
    private static readonly Lazy<byte[][]> Pool = new(BuildPool);

    /// <summary>Gets the number of distinct documents the generator cycles through.</summary>
    public static int DistinctCount => Pool.Value.Length;

    /// <summary>Gets the compact UTF-8 document of course <paramref name="index"/>, without a newline.</summary>
    public static ReadOnlySpan<byte> Line(long index) => Pool.Value[(int)(index % Pool.Value.Length)];

    /// <summary>Gets the average document size in bytes.</summary>
    public static double AverageBytes => Pool.Value.Average(l => l.Length);

    /// <summary>Writes a JSON Lines file of <paramref name="count"/> courses once and returns its path (cached in the temp folder).</summary>
    public static string EnsureFile(int count)
    {
        var folder = Path.Combine(Path.GetTempPath(), "ipt-protocol-benchmarks");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"courses-{count}-v1.jsonl");
        if (File.Exists(path))
        {
            return path;
        }

        var partial = path + "." + Environment.ProcessId + ".tmp";
        using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            for (var i = 0; i < count; i++)
            {
                file.Write(Line(i));
                file.WriteByte((byte)'\n');
            }
        }

        File.Move(partial, path, overwrite: true);
        return path;
    }

    /// <summary>Opens a read-only stream of <paramref name="count"/> generated lines, produced on the fly (no file).</summary>
    public static Stream OpenStream(long count) => new GeneratedStream(count);

    private static byte[][] BuildPool()
    {
        var lines = new List<byte[]>();
        var starts = Enumerable.Range(0, 8).Select(k => SampleCourses.Start.PlusDays(k * 17)).ToList();
        foreach (var protocol in BuiltInProtocols.All)
        {
            foreach (var start in starts)
            {
                var valid = Workload.Valid(protocol);
                var shift = NodaTime.Period.DaysBetween(SampleCourses.Start, start);
                valid = Shift(valid, shift);
                var n = valid.Sessions.Count;
                var inProgress = valid with
                {
                    Sessions = ValueList.From(valid.Sessions.Select(s => s.Number <= 2 + (shift % Math.Max(1, n - 2)) ? s : s with { Status = SessionStatus.Planned, Tasks = [], Techniques = [], Measures = [] })),
                };
                var departures = valid with
                {
                    Formulation = valid.Formulation! with { Agreed = false, AgreedAtSession = null, AgreedOn = null },
                    Sessions = ValueList.From(valid.Sessions.Select((s, i) => i == n / 2
                        ? s with { Measures = ValueList.From(s.Measures.Select(m => m.Instrument == BuiltInInstruments.Phq9.Id ? new Measurement(BuiltInInstruments.Phq9.Id, 10, [3, 3, 3, 0, 0, 0, 0, 0, 1]) : m)) }
                        : s)),
                };
                lines.Add(CourseJson.Default.ToUtf8Bytes(valid, indented: false));
                lines.Add(CourseJson.Default.ToUtf8Bytes(inProgress, indented: false));
                lines.Add(CourseJson.Default.ToUtf8Bytes(departures, indented: false));
            }
        }

        return [.. lines];
    }

    private static Course Shift(Course course, int days) => days == 0 ? course : course with
    {
        Contract = course.Contract is { } c ? c with { StartDate = c.StartDate?.PlusDays(days) } : null,
        Formulation = course.Formulation is { } f ? f with { AgreedOn = f.AgreedOn?.PlusDays(days) } : null,
        Sessions = ValueList.From(course.Sessions.Select(s => s with { Date = s.Date?.PlusDays(days) })),
        Diary = ValueList.From(course.Diary.Select(e => e with { Date = e.Date.PlusDays(days) })),
    };

    /// <summary>A forward-only stream of generated lines.</summary>
    private sealed class GeneratedStream(long count) : Stream
    {
        private long index;
        private int offset;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var written = 0;
            while (written < buffer.Length && index < count)
            {
                var line = Line(index);
                if (offset < line.Length)
                {
                    var n = Math.Min(line.Length - offset, buffer.Length - written);
                    line.Slice(offset, n).CopyTo(buffer[written..]);
                    offset += n;
                    written += n;
                }
                else
                {
                    buffer[written++] = (byte)'\n';
                    offset = 0;
                    index++;
                }
            }

            return written;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => new(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromResult(Read(buffer, offset, count));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

}
