using System;
using System.IO;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using IoctlSharp.Benchmarks;

// A short job (one process, 3 warm-ups, 50 measured iterations of about 0.1 s), in process: a run takes about a
// minute and a half. Minimum and median are shown beside the mean: on a shared machine, other processes only ever
// add time, so the fastest iterations are the cleanest measure of the call itself.
// Results land in artifacts/benchmarks at the repository root.
if (args.Length > 0 && args[0] == "--interleaved")
{
    Interleaved.Run(
        rounds: args.Length > 1 && args[1] != "--tracing" ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 2000,
        tracing: Array.IndexOf(args, "--tracing") >= 0);
    return;
}

if (args.Length > 0 && args[0] == "--wakeup")
{
    WakeUpLatency.Run(rounds: args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 200);
    return;
}

var job = Job.Default
    .WithLaunchCount(1)
    .WithWarmupCount(3)
    .WithIterationCount(50)
    .WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(100))
    .WithToolchain(InProcessEmitToolchain.Instance)
    .WithId("Short");
var config = DefaultConfig.Instance.AddJob(job).AddColumn(StatisticColumn.Min, StatisticColumn.Median).WithArtifactsPath(Path.Combine(RepositoryRoot(), "artifacts", "benchmarks"));
BenchmarkSwitcher.FromAssembly(typeof(CheckExtensionBenchmarks).Assembly).Run(args.Length > 0 ? args : new[] { "--filter", "*" }, config);

static string RepositoryRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "IoctlSharp.sln")))
            return dir.FullName;
    return Directory.GetCurrentDirectory();
}
