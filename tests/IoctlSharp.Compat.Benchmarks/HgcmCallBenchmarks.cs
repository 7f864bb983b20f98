using System;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using IoctlSharp.Compat.Tests;

namespace IoctlSharp.Compat.Benchmarks;

public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}

/// <summary>
/// Translating a 32-bit client's HGCM call (the header and <see cref="Parameters"/> parameters, in the i386
/// layout, as bytes) into the native layout: IoctlSharp's generated conversion against a hand-written C loop
/// compiled with gcc -O2 in the same run and called through a function pointer.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 5, iterationCount: 15)]
public unsafe class HgcmCallBenchmarks
{
    private byte[] _call32 = Array.Empty<byte>();
    private byte[] _call64 = Array.Empty<byte>();
    private HgcmFunctionParameter[] _natives = Array.Empty<HgcmFunctionParameter>();
    private delegate* unmanaged<byte*, byte*, int, int> _cLoop;

    [Params(16, 1024)]
    public int Parameters { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _cLoop = (delegate* unmanaged<byte*, byte*, int, int>)NativeLibrary.GetExport(NativeLibrary.Load(BuildCLoop()), "hgcm_call_32_to_64");
        var random = new Random(42);
        _call32 = new byte[VbgIoctlHgcmCall.Abi.I386.SizeOf + Parameters * HgcmFunctionParameter.I386.SizeOf];
        _call64 = new byte[VbgIoctlHgcmCall.Abi.X86_64.SizeOf + Parameters * HgcmFunctionParameter.Abi.X86_64.SizeOf];
        _natives = new HgcmFunctionParameter[Parameters];
        var header = new VbgIoctlHgcmCall { ClientId = 1, Function = 2, ParmCount = (ushort)Parameters };
        AbiCompat.Write(_call32, header);
        for (int i = 0; i < Parameters; i++)
        {
            var p = new HgcmFunctionParameter.I386 { Type = (HgcmParameterType)new[] { 1u, 2u, 4u, 10u }[random.Next(4)] };
            p.U.Value64 = (ulong)random.NextInt64();
            p.Write(_call32.AsSpan(VbgIoctlHgcmCall.Abi.I386.SizeOf + i * HgcmFunctionParameter.I386.SizeOf));
        }

        // Both sides must produce the same bytes, or the comparison means nothing.
        Generated();
        if (CLoop() != 0 || !MemoryMarshal.AsBytes(_natives.AsSpan()).SequenceEqual(_call64.AsSpan(VbgIoctlHgcmCall.Abi.X86_64.SizeOf)))
            throw new InvalidOperationException("the C loop and the generated conversion disagree");
    }

    [Benchmark(Baseline = true, Description = "C loop, gcc -O2")]
    public int CLoop()
    {
        fixed (byte* src = _call32)
        fixed (byte* dst = _call64)
            return _cLoop(src, dst, Parameters);
    }

    [Benchmark(Description = "IoctlSharp, generated")]
    public ushort Generated()
    {
        ReadOnlySpan<byte> call = _call32;
        var header = AbiCompat.Read<VbgIoctlHgcmCall>(call);
        AbiCompat.ToNative<HgcmFunctionParameter.I386, HgcmFunctionParameter>(call.Slice(VbgIoctlHgcmCall.Abi.I386.SizeOf), _natives.AsSpan(0, Parameters));
        return header.ParmCount;
    }

    private static string BuildCLoop()
    {
        string output = Path.Combine(Path.GetTempPath(), $"ioctlsharp-hgcm-loop-{Environment.ProcessId}.so");
        var start = new ProcessStartInfo("gcc") { UseShellExecute = false, RedirectStandardError = true };
        foreach (var a in new[] { "-O2", "-shared", "-fPIC", "-o", output, Path.Combine(AppContext.BaseDirectory, "hgcm_loop.c") })
            start.ArgumentList.Add(a);
        using var gcc = Process.Start(start)!;
        string errors = gcc.StandardError.ReadToEnd();
        gcc.WaitForExit();
        if (gcc.ExitCode != 0)
            throw new InvalidOperationException("gcc failed: " + errors);
        return output;
    }
}
