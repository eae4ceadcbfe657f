using System.Diagnostics;
using System.Globalization;
using Ipt.Protocol.Benchmarks.Workloads;
using Ipt.Protocol.Serialization;

namespace Ipt.Protocol.Benchmarks;

/// <summary>
/// <c>--bulk N</c>: streams N generated courses (JSON Lines produced on the fly, no file) through
/// <see cref="CourseJson.ValidateLinesAsync"/> on every core and prints courses per second, the
/// peak working set and the largest GC heap seen, to show that memory stays flat whatever N is.
/// Run it with <c>DOTNET_gcServer=1</c> to see the server garbage collector a bulk host should use.
/// </summary>
internal static class BulkMode
{
    public static async Task<int> RunAsync(long count, TextWriter output)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{CourseGenerator.DistinctCount} distinct documents, {CourseGenerator.AverageBytes:N0} bytes on average; {count:N0} courses on {Environment.ProcessorCount} cores, {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC"));
        GC.Collect();
        var stopwatch = Stopwatch.StartNew();
        long read = 0, valid = 0, maxHeap = 0;
        await using (var stream = CourseGenerator.OpenStream(count))
        {
            await foreach (var result in CourseJson.Default.ValidateLinesAsync(stream))
            {
                read += result.WasRead ? 1 : 0;
                valid += result.IsValid ? 1 : 0;
                if ((result.LineNumber & 0x3FFF) == 0)
                {
                    maxHeap = Math.Max(maxHeap, GC.GetGCMemoryInfo().HeapSizeBytes);
                }
            }
        }

        stopwatch.Stop();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var rate = read / stopwatch.Elapsed.TotalSeconds;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"read {read:N0}, valid {valid:N0}, in {stopwatch.Elapsed.TotalSeconds:N1} s: {rate:N0} courses/s ({rate / Environment.ProcessorCount:N0} per core)"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak working set {process.PeakWorkingSet64 / 1048576.0:N0} MB; largest GC heap seen {maxHeap / 1048576.0:N0} MB; total allocated {GC.GetTotalAllocatedBytes() / 1048576.0:N0} MB"));
        return read == count ? 0 : 1;
    }
}
