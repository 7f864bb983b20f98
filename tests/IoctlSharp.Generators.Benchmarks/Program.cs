using System;
using System.IO;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using IoctlSharp.Generators.Benchmarks;

// The generator's own cost (docs/benchmarks.md, "The generator's own cost"):
//   --check                    validate the declaration set and print its generated-code volume
//   --write-declarations DIR   write the declaration set's files into DIR (build-overhead.sh builds them)
//   anything else              BenchmarkDotNet arguments (default: every benchmark, the short job below)
if (args.Length > 0 && args[0] == "--check")
    return Check.Run(Console.Out);

if (args.Length > 1 && args[0] == "--write-declarations")
{
    Directory.CreateDirectory(args[1]);
    foreach (var (name, text) in DeclarationSet.Files())
        File.WriteAllText(Path.Combine(args[1], name), text);
    return 0;
}

// --profile-edit N: the one-struct edit N times in a plain loop, for a sampling profiler
//   (dotnet-trace collect -- dotnet <this dll> --profile-edit 2000).
if (args.Length > 1 && args[0] == "--profile-edit")
{
    var bench = new GeneratorBenchmarks();
    bench.Setup();
    for (int i = 0, n = int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture); i < n; i++)
        bench.OneStructEdit();
    return 0;
}

if (Check.Run(TextWriter.Null) != 0)
{
    Console.Error.WriteLine("The declaration set is not valid: run with --check to see why. Nothing was measured.");
    return 1;
}

// A short job, in process (no separate build of a benchmark project): 3 warm-ups and 15 measured iterations of
// about half a second each; a whole run takes about two minutes. Minimum and median beside the mean: on a
// shared machine other processes only ever add time.
var job = Job.Default
    .WithLaunchCount(1)
    .WithWarmupCount(3)
    .WithIterationCount(15)
    .WithToolchain(InProcessEmitToolchain.Instance)
    .WithId("Short");
var config = DefaultConfig.Instance.AddJob(job)
    .AddColumn(StatisticColumn.Min, StatisticColumn.Median, StatisticColumn.Max)
    .WithArtifactsPath(Path.Combine(RepositoryRoot(), "artifacts", "benchmarks"));
BenchmarkSwitcher.FromAssembly(typeof(GeneratorBenchmarks).Assembly).Run(args.Length > 0 ? args : new[] { "--filter", "*" }, config);
return 0;

static string RepositoryRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "IoctlSharp.sln")))
            return dir.FullName;
    return Directory.GetCurrentDirectory();
}
