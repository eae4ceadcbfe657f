namespace Ipt.Protocol.Benchmarks;

/// <summary>Placeholder for the bulk mode (step 3).</summary>
internal static class BulkMode
{
    public static Task<int> RunAsync(int count, TextWriter output)
    {
        output.WriteLine($"bulk mode for {count} courses is not written yet");
        return Task.FromResult(1);
    }
}
