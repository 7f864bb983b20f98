using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using Sample.Driver.Vmm;

namespace Sample.Driver;

/// <summary>
/// The exit-rate benchmark: Guests/bench.c makes N VMMDEVREQ_GET_HOST_VERSION hypercalls (each a port-I/O exit);
/// Bench/cvmm.c (gcc -O2) and this VMM run the same binary in the same run, alternately, each timing its own run
/// loop twice: by the wall clock, and by the CPU time of its vCPU thread (kernel, guest and VMM time), which a
/// busy shared machine disturbs much less than the wall clock.
/// </summary>
public static class Benchmark
{
    public const int DefaultRounds = 5;

    /// <summary>One round's figures, in exits per second.</summary>
    public sealed record Figures(long Exits, double CWall, double CCpu, double CSharpWall, double CSharpCpu, long CSharpLoopAllocatedBytes);

    public static int Run(long hypercalls, int rounds, TextWriter output, TextWriter error)
    {
        var inv = CultureInfo.InvariantCulture;
        string cvmm = Path.Combine(SampleApp.GuestDirectory, "cvmm");
        var guest = SampleApp.Bundled("bench64");
        output.WriteLine($"benchmark: {hypercalls} port-I/O hypercalls (VMMDEVREQ_GET_HOST_VERSION) per run, {rounds} rounds of both VMMs back to back, C first in odd rounds, C# first in even ones");
        Measure(cvmm, guest, Math.Min(hypercalls, 20_000)); // warm up both (page cache, JIT tiers)
        var figures = Enumerable.Range(0, rounds).Select(i => Measure(cvmm, guest, hypercalls, cSharpFirst: i % 2 == 1)).ToList();
        foreach (var (r, i) in figures.Select((r, i) => (r, i)))
            output.WriteLine(string.Create(inv,
                $"  round {i + 1}: wall clock C {r.CWall:0} / C# {r.CSharpWall:0} exits/s ({r.CSharpWall / r.CWall:0.000}); vCPU thread CPU time C {r.CCpu:0} / C# {r.CSharpCpu:0} exits/s ({r.CSharpCpu / r.CCpu:0.000}); C# run loop allocated {r.CSharpLoopAllocatedBytes} bytes"));
        // Each round pairs two runs made back to back, so the median of the per-round ratios is what load drift
        // on a shared machine disturbs least.
        output.WriteLine(string.Create(inv,
            $"result, CPU time:   C VMM {Median(figures.Select(r => r.CCpu)):0} exits/s, C# VMM {Median(figures.Select(r => r.CSharpCpu)):0} exits/s (medians); C#/C median of rounds {Median(figures.Select(r => r.CSharpCpu / r.CCpu)):0.000}"));
        output.WriteLine(string.Create(inv,
            $"result, wall clock: C VMM {Median(figures.Select(r => r.CWall)):0} exits/s, C# VMM {Median(figures.Select(r => r.CSharpWall)):0} exits/s (medians); C#/C median of rounds {Median(figures.Select(r => r.CSharpWall / r.CWall)):0.000}"));
        output.WriteLine($"C# run loop allocations: {figures.Max(r => r.CSharpLoopAllocatedBytes)} bytes in the worst round");
        var (ns, bytes) = DispatchCost(hypercalls);
        output.WriteLine(string.Create(inv,
            $"C# hypercall dispatch alone (VmmDevice.Handle on guest RAM, no KVM): {ns:0} ns per GET_HOST_VERSION, {bytes} bytes allocated in {hypercalls} calls"));
        return 0;
    }

    private static RunResult RunCSharp(GuestProgram guest, long hypercalls)
    {
        var result = VirtualMachine.Run(guest, new VmmOptions { Argument = (ulong)hypercalls, Timeout = TimeSpan.FromMinutes(10) });
        if (!result.Succeeded)
            throw new IOException($"the benchmark guest did not finish cleanly: {result.Detail}, status {result.GuestStatus}");
        return result;
    }

    /// <summary>What the C# VMM adds per hypercall in user space: the request parsed, served and answered, without the exit.</summary>
    public static (double NanosecondsPerCall, long AllocatedBytes) DispatchCost(long calls)
    {
        using var ram = new GuestMemory(64 * 1024);
        var device = new Hypercalls.VmmDevice(ram, "bench");
        var request = new Hypercalls.VmmDevHostVersion();
        request.Header = new Hypercalls.VmmDevRequestHeader
        {
            Size = (uint)System.Runtime.CompilerServices.Unsafe.SizeOf<Hypercalls.VmmDevHostVersion>(),
            Version = Hypercalls.VmmDevRequestHeader.CurrentVersion,
            RequestType = Hypercalls.VmmDevRequestType.GetHostVersion,
        };
        ram.TryWrite(0x1000, request);
        for (int i = 0; i < 10_000; i++)
            device.Handle(0x1000); // warm up: JIT tiers
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        long started = Stopwatch.GetTimestamp();
        for (long i = 0; i < calls; i++)
            device.Handle(0x1000);
        double ns = Stopwatch.GetElapsedTime(started).TotalNanoseconds / calls;
        return (ns, GC.GetAllocatedBytesForCurrentThread() - allocated);
    }

    private static double Median(System.Collections.Generic.IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>One round: the C VMM and this one, back to back, on <paramref name="hypercalls"/> hypercalls.</summary>
    public static Figures Measure(string cvmm, GuestProgram guest, long hypercalls, bool cSharpFirst = false)
    {
        RunResult? result = cSharpFirst ? RunCSharp(guest, hypercalls) : null;
        var inv = CultureInfo.InvariantCulture;
        var start = new ProcessStartInfo(cvmm) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(guest.Path);
        start.ArgumentList.Add(hypercalls.ToString(inv));
        start.ArgumentList.Add("4");
        using var process = Process.Start(start)!;
        string line = process.StandardOutput.ReadToEnd().Trim();
        string err = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new IOException($"cvmm failed ({process.ExitCode}): {err}");
        var parts = line.Split(' ');
        long cExits = long.Parse(parts[0], inv);
        double cSeconds = double.Parse(parts[2], inv), cCpuSeconds = double.Parse(parts[3], inv);

        result ??= RunCSharp(guest, hypercalls);
        if (cExits != result.Exits)
            throw new IOException($"the C VMM saw {cExits} exits, this one {result.Exits}: they did not run the same guest");
        return new Figures(result.Exits, cExits / cSeconds, cExits / cCpuSeconds,
            result.Exits / result.LoopElapsed.TotalSeconds, result.Exits / result.LoopCpuTime.TotalSeconds, result.LoopAllocatedBytes);
    }
}
