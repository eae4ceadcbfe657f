using System.Reflection;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;

namespace Ipt.Protocol.Benchmarks;

/// <summary>Counts the benchmarks that exist, so that a run that executed fewer fails.</summary>
internal static class Runner
{
    /// <summary>Returns the number of benchmark cases (method × parameter values) of every benchmark class, for one job.</summary>
    public static int CountAllBenchmarks() => typeof(Runner).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && t.GetMethods(BindingFlags.Public | BindingFlags.Instance).Any(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null))
        .Sum(t => BenchmarkConverter.TypeToBenchmarks(t).BenchmarksCases.Select(c => (c.Descriptor.WorkloadMethod.Name, c.Parameters.DisplayInfo)).Distinct().Count());
}
