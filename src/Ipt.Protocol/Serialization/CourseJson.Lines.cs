using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using Ipt.Protocol.Rules;

namespace Ipt.Protocol.Serialization;

// Bulk work on JSON Lines (.jsonl): one compact course document per line, UTF-8.
public sealed partial class CourseJson
{
    /// <summary>
    /// The number of lines handed to one worker at a time by <see cref="ValidateLinesAsync"/>. Small, so that
    /// few courses are alive at once and they die in the youngest GC generation: with 64 lines (and a
    /// window of two chunks per worker) two cores were slower than one, with 8 they are faster.
    /// </summary>
    internal const int ChunkLines = 8;

    /// <summary>The most bytes of lines handed to workers and not yet done, besides one chunk: bounds memory when lines are long.</summary>
    internal const long MaxBytesInFlight = 32L * 1024 * 1024;

    /// <summary>
    /// Reads one course per non-blank line of a JSON Lines stream, in line order, with bounded
    /// memory: a line is never longer than <see cref="IptJsonLimits.MaxDocumentBytes"/> (a longer line
    /// is reported and skipped to its end without being held). Blank lines are skipped and counted.
    /// </summary>
    /// <param name="utf8JsonLines">The UTF-8 JSON Lines stream; read to its end, not disposed.</param>
    /// <param name="cancellationToken">Stops the read between lines.</param>
    /// <returns>The read result of every non-blank line, with its 1-based line number in the stream.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8JsonLines"/> is <see langword="null"/>.</exception>
    public IAsyncEnumerable<CourseLine> ReadLinesAsync(Stream utf8JsonLines, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8JsonLines);
        return ReadLinesCore(utf8JsonLines, cancellationToken);
    }

    /// <summary>
    /// Reads and validates one course per non-blank line on up to <paramref name="maxDegreeOfParallelism"/>
    /// cores, and returns the results in line order. Memory is bounded: chunks of 8 lines, at most
    /// two chunks per worker and about 32 MiB of lines in flight. Progress is reported through the
    /// meter and the activity source named in <see cref="IptTelemetry"/> (<c>Ipt.Protocol</c>).
    /// </summary>
    /// <param name="utf8JsonLines">The UTF-8 JSON Lines stream; read to its end, not disposed.</param>
    /// <param name="validator">The validator; <see cref="CourseValidator.Default"/> when <see langword="null"/>.</param>
    /// <param name="maxDegreeOfParallelism">The most lines worked on at once; <see langword="null"/> for <see cref="Environment.ProcessorCount"/>; 1 works on the caller's thread.</param>
    /// <param name="cancellationToken">Stops the work between lines.</param>
    /// <returns>One result per non-blank line, in line order: the read errors, or the course and its validation report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8JsonLines"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDegreeOfParallelism"/> is less than 1.</exception>
    public IAsyncEnumerable<BulkResult> ValidateLinesAsync(
        Stream utf8JsonLines,
        CourseValidator? validator = null,
        int? maxDegreeOfParallelism = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8JsonLines);
        var parallelism = maxDegreeOfParallelism ?? Environment.ProcessorCount;
        ArgumentOutOfRangeException.ThrowIfLessThan(parallelism, 1, nameof(maxDegreeOfParallelism));
        return Observed(ValidateLinesCore(utf8JsonLines, validator ?? CourseValidator.Default, parallelism, cancellationToken), cancellationToken);
    }

    /// <summary>Reports a bulk run's progress to <see cref="IptTelemetry"/>'s meter and its totals on one activity.</summary>
    private static async IAsyncEnumerable<BulkResult> Observed(IAsyncEnumerable<BulkResult> results, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var activity = IptTelemetry.Source.StartActivity(IptTelemetry.ValidateLinesActivity);
        var totals = default(IptTelemetry.BulkTotals);
        try
        {
            await foreach (var result in results.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                IptTelemetry.Record(result, ref totals);
                yield return result;
            }
        }
        finally
        {
            IptTelemetry.Complete(activity, in totals);
        }
    }

    private async IAsyncEnumerable<CourseLine> ReadLinesCore(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var lines = new JsonLineSplitter(stream, Limits.MaxDocumentBytes);
        while (await lines.NextAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new CourseLine(lines.LineNumber, ReadLine(lines.Current.Span, lines.TooLong));
        }
    }

    private async IAsyncEnumerable<BulkResult> ValidateLinesCore(
        Stream stream,
        CourseValidator validator,
        int parallelism,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var lines = new JsonLineSplitter(stream, Limits.MaxDocumentBytes);
        if (parallelism == 1)
        {
            while (await lines.NextAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return Validate(validator, lines.LineNumber, ReadLine(lines.Current.Span, lines.TooLong));
            }

            yield break;
        }

        // Chunks of lines go to at most `parallelism` workers; a window of twice as many chunks (and
        // at most MaxBytesInFlight bytes) bounds the memory; results leave in line order.
        var scheduler = new ConcurrentExclusiveSchedulerPair(TaskScheduler.Default, parallelism).ConcurrentScheduler;
        var window = new Queue<(Task<BulkResult[]> Work, long Bytes)>();
        long inFlight = 0;
        try
        {
            var chunk = new LineChunk();
            while (await lines.NextAsync(cancellationToken).ConfigureAwait(false))
            {
                chunk.Add(lines.LineNumber, lines.Current.Span, lines.TooLong);
                if (chunk.Count < ChunkLines && chunk.Bytes < MaxBytesInFlight)
                {
                    continue;
                }

                inFlight += chunk.Bytes;
                window.Enqueue((Start(chunk, validator, scheduler, cancellationToken), chunk.Bytes));
                chunk = new LineChunk();
                while (window.Count >= 2 * parallelism || (inFlight > MaxBytesInFlight && window.Count > 0))
                {
                    var (work, bytes) = window.Dequeue();
                    inFlight -= bytes;
                    foreach (var result in await work.ConfigureAwait(false))
                    {
                        yield return result;
                    }
                }
            }

            if (chunk.Count > 0)
            {
                window.Enqueue((Start(chunk, validator, scheduler, cancellationToken), chunk.Bytes));
            }
            else
            {
                chunk.Dispose();
            }

            while (window.Count > 0)
            {
                foreach (var result in await window.Dequeue().Work.ConfigureAwait(false))
                {
                    yield return result;
                }
            }
        }
        finally
        {
            // Abandoned (cancelled, failed or disposed early): let the started chunks finish and return their buffers.
            while (window.Count > 0)
            {
                try
                {
                    await window.Dequeue().Work.ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // Expected when the caller cancelled.
                }
            }
        }
    }

    private Task<BulkResult[]> Start(LineChunk chunk, CourseValidator validator, TaskScheduler scheduler, CancellationToken cancellationToken) =>
        Task.Factory.StartNew(
            () =>
            {
                using (chunk)
                {
                    var results = new BulkResult[chunk.Count];
                    for (var i = 0; i < results.Length; i++)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        var bytes = chunk.Get(i, out var number, out var tooLong);
                        results[i] = Validate(validator, number, ReadLine(bytes, tooLong));
                    }

                    return results;
                }
            },
            cancellationToken,
            TaskCreationOptions.DenyChildAttach,
            scheduler);

    private static BulkResult Validate(CourseValidator validator, long lineNumber, ReadResult<Course> read) =>
        read.Value is { } course
            ? new BulkResult(lineNumber, course, validator.Validate(course))
            : new BulkResult(lineNumber, read.Errors);

    private ReadResult<Course> ReadLine(ReadOnlySpan<byte> line, bool tooLong) => tooLong
        ? ReadResult<Course>.ForErrors([new DocumentError(DocumentErrorCodes.Limit, DocumentPath.Root, string.Create(CultureInfo.InvariantCulture, $"The line is longer than the limit of {Limits.MaxDocumentBytes} bytes (IptJsonLimits.MaxDocumentBytes)."))])
        : TryRead(line);

    /// <summary>The lines of one chunk, copied into one pooled buffer.</summary>
    private sealed class LineChunk : IDisposable
    {
        private readonly List<(long Number, int Start, int Length, bool TooLong)> lines = new(ChunkLines);
        private byte[] buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        private int used;

        public int Count => lines.Count;

        public long Bytes => used;

        public ReadOnlySpan<byte> Get(int index, out long number, out bool tooLong)
        {
            (number, var start, var length, tooLong) = lines[index];
            return buffer.AsSpan(start, length);
        }

        public void Add(long number, ReadOnlySpan<byte> bytes, bool tooLong)
        {
            if ((long)used + bytes.Length > buffer.Length)
            {
                var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(Math.Max((long)buffer.Length * 2, (long)used + bytes.Length), Array.MaxLength));
                buffer.AsSpan(0, used).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = larger;
            }

            bytes.CopyTo(buffer.AsSpan(used));
            lines.Add((number, used, bytes.Length, tooLong));
            used += bytes.Length;
        }

        public void Dispose()
        {
            if (buffer.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = [];
            }
        }
    }
}

/// <summary>One line of a JSON Lines stream read by <see cref="CourseJson.ReadLinesAsync"/>.</summary>
/// <remarks>Immutable and thread-safe; made by the reader only.</remarks>
public sealed record CourseLine
{
    internal CourseLine(long lineNumber, ReadResult<Course> result)
    {
        LineNumber = lineNumber;
        Result = result;
    }

    /// <summary>Gets the 1-based line number in the stream (blank lines count).</summary>
    public long LineNumber { get; }

    /// <summary>Gets the course, or the errors of the line (paths and positions within the line).</summary>
    public ReadResult<Course> Result { get; }
}

/// <summary>
/// The result of one line of <see cref="CourseJson.ValidateLinesAsync"/>: either the read errors of
/// the line, or the course read and its validation report.
/// </summary>
public sealed record BulkResult
{
    /// <summary>Initializes a result for a line that was read and validated.</summary>
    /// <param name="lineNumber">The 1-based line number in the stream.</param>
    /// <param name="course">The course read from the line.</param>
    /// <param name="report">The course's validation report.</param>
    /// <exception cref="ArgumentNullException"><paramref name="course"/> is <see langword="null"/>.</exception>
    internal BulkResult(long lineNumber, Course course, ValidationReport report)
    {
        ArgumentNullException.ThrowIfNull(course);
        LineNumber = lineNumber;
        Course = course;
        Report = report;
    }

    /// <summary>Initializes a result for a line that could not be read.</summary>
    /// <param name="lineNumber">The 1-based line number in the stream.</param>
    /// <param name="readErrors">Why the line could not be read (at least one error).</param>
    /// <exception cref="ArgumentException"><paramref name="readErrors"/> is empty.</exception>
    internal BulkResult(long lineNumber, ValueList<DocumentError> readErrors)
    {
        if (readErrors.IsEmpty)
        {
            throw new ArgumentException("A line that could not be read has at least one error.", nameof(readErrors));
        }

        LineNumber = lineNumber;
        ReadErrors = readErrors;
    }

    /// <summary>Gets the 1-based line number in the stream (blank lines count).</summary>
    public long LineNumber { get; }

    /// <summary>Gets the course read from the line, or <see langword="null"/> when it could not be read.</summary>
    public Course? Course { get; }

    /// <summary>Gets why the line could not be read (paths and positions within the line); empty when it was read.</summary>
    public ValueList<DocumentError> ReadErrors { get; }

    /// <summary>Gets the validation report of the course; empty when the line could not be read.</summary>
    public ValidationReport Report { get; }

    /// <summary>Gets a value indicating whether the line was read (its report may still hold errors).</summary>
    public bool WasRead => Course is not null;

    /// <summary>Gets a value indicating whether the line was read and the course has no validation errors.</summary>
    public bool IsValid => Course is not null && Report.IsValid;

    /// <inheritdoc/>
    public override string ToString() => Course is null
        ? $"Line {LineNumber}: not read ({ReadErrors.Count} errors)"
        : $"Line {LineNumber}: {Report}";
}
