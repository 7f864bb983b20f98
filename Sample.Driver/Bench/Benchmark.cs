using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using Sample.Driver.Vmm;

namespace Sample.Driver;

/// <summary>
/// The exit-rate benchmark: Guests/bench.c makes N VMMDEVREQ_GET_HOST_VERSION hypercalls (each a port-I/O exit);
/// Bench/cvmm.c (gcc -O2) and this VMM run the same binary in the same process run, alternately, and each times
/// its own run loop.
/// </summary>
public static class Benchmark
{
    public const int Rounds = 3;

    public sealed record Figures(double CExitsPerSecond, double CSharpExitsPerSecond, long CSharpLoopAllocatedBytes, long Exits);

    public static int Run(long hypercalls, TextWriter output, TextWriter error)
    {
        string cvmm = Path.Combine(SampleApp.GuestDirectory, "cvmm");
        var guest = SampleApp.Bundled("bench64");
        output.WriteLine($"benchmark: {hypercalls} port-I/O hypercalls (VMMDEVREQ_GET_HOST_VERSION), {Rounds} rounds each, alternating; best round counts");
        Measure(cvmm, guest, Math.Min(hypercalls, 20_000)); // warm up both (page cache, JIT tiers)
        var rounds = Enumerable.Range(0, Rounds).Select(_ => Measure(cvmm, guest, hypercalls)).ToList();
        foreach (var (r, i) in rounds.Select((r, i) => (r, i)))
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  round {i + 1}: C {r.CExitsPerSecond:0} exits/s, C# {r.CSharpExitsPerSecond:0} exits/s, C# run loop allocated {r.CSharpLoopAllocatedBytes} bytes"));
        double c = rounds.Max(r => r.CExitsPerSecond), cs = rounds.Max(r => r.CSharpExitsPerSecond);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"result: C VMM {c:0} exits/s, C# VMM {cs:0} exits/s, C#/C = {cs / c:0.000} ({(cs / c - 1) * 100:+0.0;-0.0}%); C# run loop allocations: {rounds.Max(r => r.CSharpLoopAllocatedBytes)} bytes"));
        return 0;
    }

    /// <summary>One round: the C VMM, then this one, on <paramref name="hypercalls"/> hypercalls.</summary>
    public static Figures Measure(string cvmm, GuestProgram guest, long hypercalls)
    {
        var start = new ProcessStartInfo(cvmm) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(guest.Path);
        start.ArgumentList.Add(hypercalls.ToString(CultureInfo.InvariantCulture));
        start.ArgumentList.Add("4");
        using var process = Process.Start(start)!;
        string line = process.StandardOutput.ReadToEnd().Trim();
        string err = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new IOException($"cvmm failed ({process.ExitCode}): {err}");
        var parts = line.Split(' ');
        long cExits = long.Parse(parts[0], CultureInfo.InvariantCulture);
        double cSeconds = double.Parse(parts[2], CultureInfo.InvariantCulture);

        var result = VirtualMachine.Run(guest, new VmmOptions { Argument = (ulong)hypercalls, Timeout = TimeSpan.FromMinutes(10) });
        if (!result.Succeeded)
            throw new IOException($"the benchmark guest did not finish cleanly: {result.Detail}, status {result.GuestStatus}");
        if (cExits != result.Exits)
            throw new IOException($"the C VMM saw {cExits} exits, this one {result.Exits}: they did not run the same guest");
        return new Figures(cExits / cSeconds, result.Exits / result.LoopElapsed.TotalSeconds, result.LoopAllocatedBytes, result.Exits);
    }
}
