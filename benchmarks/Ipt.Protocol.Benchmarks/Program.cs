using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Ipt.Protocol.Benchmarks.ScheduleBenchmarks).Assembly).Run(args);
