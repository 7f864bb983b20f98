using System;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using IoctlSharp;

namespace IoctlSharp.Benchmarks;

/// <summary>The KVM ioctls the benchmark issues, declared as a user would.</summary>
[IoctlGroup(0xAE)]
public static partial class Kvm
{
    [IoctlNone(0x03, Name = "KVM_CHECK_EXTENSION")]
    public static partial int CheckExtension(SafeHandle kvm, int extension);

    [IoctlNone(0x03, Name = "KVM_CHECK_EXTENSION")]
    public static partial IoctlResult TryCheckExtension(SafeHandle kvm, int extension);

    [IoctlNone(0x03, Name = "KVM_CHECK_EXTENSION", SuppressGCTransition = true)]
    public static partial int CheckExtensionWithoutGCTransition(SafeHandle kvm, int extension);
}

/// <summary>
/// One cheap, real ioctl — KVM_CHECK_EXTENSION(KVM_CAP_USER_MEMORY) on /dev/kvm — issued
/// <see cref="Calls"/> times per invocation through each path, so every figure is per ioctl.
/// </summary>
[MemoryDiagnoser]
public unsafe partial class CheckExtensionBenchmarks
{
    public const int Calls = 1000;
    private const int CapUserMemory = 3;
    private const uint KvmCheckExtension = 0xAE03; // _IO(KVMIO, 0x03)

    private FileDescriptorHandle _kvm = null!;
    private int _fd;
    private delegate* unmanaged<int, int, int, int> _cLoop;
    private nint _library;
    private string _libraryDirectory = null!;

    [GlobalSetup]
    public void Setup()
    {
        _kvm = FileDescriptorHandle.Open("/dev/kvm");
        _fd = _kvm.Fd;
        if (Kvm.CheckExtension(_kvm, CapUserMemory) <= 0)
            throw new InvalidOperationException("KVM_CAP_USER_MEMORY is not reported: not a working /dev/kvm.");
        (_library, _libraryDirectory) = CLoop.Build();
        _cLoop = (delegate* unmanaged<int, int, int, int>)NativeLibrary.GetExport(_library, "check_extension_loop");
        if (_cLoop(_fd, CapUserMemory, 10) != 10)
            throw new InvalidOperationException("The C loop's ioctls failed.");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        NativeLibrary.Free(_library);
        Directory.Delete(_libraryDirectory, recursive: true);
        _kvm.Dispose();
    }

    /// <summary>What a user writes without IoctlSharp: LibraryImport with SetLastError and a SafeHandle, errno on failure.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Calls)]
    public int HandWrittenLibraryImport()
    {
        int sum = 0;
        for (int i = 0; i < Calls; i++)
        {
            int result = HandWritten.Ioctl(_kvm, KvmCheckExtension, CapUserMemory);
            if (result < 0)
                throw new IOException($"KVM_CHECK_EXTENSION failed: errno {Marshal.GetLastPInvokeError()}");
            sum += result;
        }

        return sum;
    }

    /// <summary>The same, on a raw int fd: no reference held on a handle (what C does; unsafe against a concurrent close).</summary>
    [Benchmark(OperationsPerInvoke = Calls)]
    public int HandWrittenLibraryImportRawFd()
    {
        int sum = 0;
        for (int i = 0; i < Calls; i++)
        {
            int result = HandWritten.IoctlRaw(_fd, KvmCheckExtension, CapUserMemory);
            if (result < 0)
                throw new IOException($"KVM_CHECK_EXTENSION failed: errno {Marshal.GetLastPInvokeError()}");
            sum += result;
        }

        return sum;
    }

    /// <summary>The generated wrapper (throws IoctlException on failure).</summary>
    [Benchmark(OperationsPerInvoke = Calls)]
    public int GeneratedWrapper()
    {
        int sum = 0;
        for (int i = 0; i < Calls; i++)
            sum += Kvm.CheckExtension(_kvm, CapUserMemory);
        return sum;
    }

    /// <summary>The generated wrapper that returns IoctlResult instead of throwing.</summary>
    [Benchmark(OperationsPerInvoke = Calls)]
    public int GeneratedTryWrapper()
    {
        int sum = 0;
        for (int i = 0; i < Calls; i++)
            sum += Kvm.TryCheckExtension(_kvm, CapUserMemory).Value;
        return sum;
    }

    /// <summary>The generated wrapper with the SuppressGCTransition opt-in.</summary>
    [Benchmark(OperationsPerInvoke = Calls)]
    public int GeneratedWithoutGCTransition()
    {
        int sum = 0;
        for (int i = 0; i < Calls; i++)
            sum += Kvm.CheckExtensionWithoutGCTransition(_kvm, CapUserMemory);
        return sum;
    }

    /// <summary>The floor: a loop of the same ioctl in C, compiled with gcc -O2 in this run, entered once per <see cref="Calls"/> ioctls.</summary>
    [Benchmark(OperationsPerInvoke = Calls)]
    public int CLoopCompiledWithGcc() => _cLoop(_fd, CapUserMemory, Calls);

    private static partial class HandWritten
    {
        [LibraryImport("libc", EntryPoint = "ioctl", SetLastError = true)]
        public static partial int Ioctl(SafeHandle fd, nuint request, nint argument);

        [LibraryImport("libc", EntryPoint = "ioctl", SetLastError = true)]
        public static partial int IoctlRaw(int fd, nuint request, nint argument);
    }

    /// <summary>Compiles the C loop into a shared library with gcc, in a temporary folder, and loads it.</summary>
    private static class CLoop
    {
        private const string Source = """
            #include <sys/ioctl.h>

            #define KVM_CHECK_EXTENSION 0xAE03

            /* Issues KVM_CHECK_EXTENSION n times; returns how many succeeded. */
            int check_extension_loop(int fd, int extension, int n)
            {
                int ok = 0;
                for (int i = 0; i < n; i++)
                    ok += ioctl(fd, KVM_CHECK_EXTENSION, (unsigned long)extension) >= 0;
                return ok;
            }
            """;

        public static (nint Library, string Directory) Build() => CLibrary.Build(Source, "ioctlsharp-bench-", "");
    }
}

/// <summary>Compiles a C source into a shared library with gcc -O2, in a new temporary folder, and loads it.</summary>
internal static class CLibrary
{
    public static (nint Library, string Directory) Build(string code, string folderPrefix, string extraFlags)
    {
        string directory = System.IO.Directory.CreateTempSubdirectory(folderPrefix).FullName;
        string source = Path.Combine(directory, "loop.c");
        string library = Path.Combine(directory, "libloop.so");
        File.WriteAllText(source, code);
        var gcc = Process.Start(new ProcessStartInfo("gcc", $"-O2 -shared -fPIC {extraFlags} -o {library} {source}") { RedirectStandardError = true })
            ?? throw new InvalidOperationException("gcc could not be started.");
        string errors = gcc.StandardError.ReadToEnd();
        gcc.WaitForExit();
        if (gcc.ExitCode != 0)
            throw new InvalidOperationException("gcc failed: " + errors);
        return (NativeLibrary.Load(library), directory);
    }
}
