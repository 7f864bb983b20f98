using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;

namespace IoctlSharp.Benchmarks;

/// <summary>
/// A paired comparison for a shared, busy machine, beside BenchmarkDotNet's run: the benchmark methods take turns in
/// short batches, round after round, so a change in the machine's load hits every method alike, and each round gives
/// a ratio of every method to the baseline measured moments apart. The median of those ratios is what the 2% target
/// is judged on. Run with <c>--interleaved</c>.
/// </summary>
internal static class Interleaved
{
    public static void Run(int rounds, bool tracing = false)
    {
        // --tracing: the same comparison while an in-process listener has the IoctlSharp event source enabled (what
        // each ioctl costs when traced; the hand-written baseline is not traced, so its ratio shows the price).
        using var listener = tracing ? new CountingListener() : null;
        var bench = new CheckExtensionBenchmarks();
        bench.Setup();
        try
        {
            var methods = new (string Name, Func<int> Body)[]
            {
                (nameof(CheckExtensionBenchmarks.HandWrittenLibraryImport), bench.HandWrittenLibraryImport),
                (nameof(CheckExtensionBenchmarks.HandWrittenLibraryImportRawFd), bench.HandWrittenLibraryImportRawFd),
                (nameof(CheckExtensionBenchmarks.GeneratedWrapper), bench.GeneratedWrapper),
                (nameof(CheckExtensionBenchmarks.GeneratedTryWrapper), bench.GeneratedTryWrapper),
                (nameof(CheckExtensionBenchmarks.GeneratedWithoutGCTransition), bench.GeneratedWithoutGCTransition),
                (nameof(CheckExtensionBenchmarks.CLoopCompiledWithGcc), bench.CLoopCompiledWithGcc),
            };
            var samples = methods.Select(_ => new List<double>()).ToArray();
            var allocated = new long[methods.Length];

            // Warm up every path past tiered compilation.
            for (int w = 0; w < 50; w++)
                foreach (var m in methods)
                    m.Body();

            for (int round = 0; round < rounds; round++)
            {
                // Rotate the order so no method always follows the same one.
                for (int k = 0; k < methods.Length; k++)
                {
                    int i = (k + round) % methods.Length;
                    long bytes = GC.GetAllocatedBytesForCurrentThread();
                    long start = Stopwatch.GetTimestamp();
                    methods[i].Body();
                    long elapsed = Stopwatch.GetTimestamp() - start;
                    allocated[i] += GC.GetAllocatedBytesForCurrentThread() - bytes;
                    samples[i].Add(elapsed * 1e9 / Stopwatch.Frequency / CheckExtensionBenchmarks.Calls);
                }
            }

            if (listener is not null)
                Console.WriteLine($"Tracing on: {listener.Events} Request events received.");
            Console.WriteLine($"Interleaved: {rounds} rounds of {CheckExtensionBenchmarks.Calls} ioctls per method, ns per ioctl; ratio = median over rounds of (method / {methods[0].Name}) in the same round.");
            Console.WriteLine();
            Console.WriteLine("| Method | Median ns | Min ns | Median ratio to baseline | Bytes allocated per call |");
            Console.WriteLine("|---|---:|---:|---:|---:|");
            for (int i = 0; i < methods.Length; i++)
            {
                var ratios = samples[i].Zip(samples[0], (a, b) => a / b).ToList();
                Console.WriteLine(FormattableString.Invariant(
                    $"| {methods[i].Name} | {Median(samples[i]):F1} | {samples[i].Min():F1} | {Median(ratios):F3} | {(double)allocated[i] / rounds / CheckExtensionBenchmarks.Calls:F1} |"));
            }
        }
        finally
        {
            bench.Cleanup();
        }
    }

    /// <summary>Enables the IoctlSharp source at Informational with the Requests keyword and counts its events.</summary>
    private sealed class CountingListener : System.Diagnostics.Tracing.EventListener
    {
        public long Events;

        public CountingListener()
        {
            foreach (var source in System.Diagnostics.Tracing.EventSource.GetSources())
                if (source.Name == "IoctlSharp")
                    EnableEvents(source, System.Diagnostics.Tracing.EventLevel.Informational, (System.Diagnostics.Tracing.EventKeywords)1);
        }

        protected override void OnEventSourceCreated(System.Diagnostics.Tracing.EventSource source)
        {
            if (source.Name == "IoctlSharp")
                EnableEvents(source, System.Diagnostics.Tracing.EventLevel.Informational, (System.Diagnostics.Tracing.EventKeywords)1);
        }

        protected override void OnEventWritten(System.Diagnostics.Tracing.EventWrittenEventArgs eventData) => Events++;
    }

    internal static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
