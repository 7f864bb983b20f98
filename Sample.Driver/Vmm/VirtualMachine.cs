using System;
using System.Buffers.Binary;
using System.Diagnostics;
using System.IO;
using System.Threading;
using IoctlSharp;
using Sample.Driver.Hypercalls;
using Sample.Driver.Interop;

namespace Sample.Driver.Vmm;

/// <summary>The CPU mode a guest image starts in.</summary>
public enum GuestMode
{
    /// <summary>32-bit protected mode, flat segments, no paging.</summary>
    Protected32,
    /// <summary>64-bit long mode, the first GiB identity-mapped with 2 MiB pages.</summary>
    Long64,
}

/// <summary>A flat guest binary and the mode it starts in.</summary>
public sealed record GuestProgram(string Name, string Path, GuestMode Mode);

/// <summary>How to run a guest.</summary>
public sealed record VmmOptions
{
    /// <summary>Guest RAM in bytes (1 MiB to 1 GiB, a multiple of 4 KiB).</summary>
    public ulong MemoryBytes { get; init; } = 4UL << 20;
    /// <summary>A guest still running after this long is stopped.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);
    /// <summary>Serve guest RAM page by page from a snapshot through userfaultfd.</summary>
    public bool LazyMemory { get; init; }
    /// <summary>Console output and a line per request; null for none (the benchmark).</summary>
    public TextWriter? Transcript { get; init; }
    /// <summary>The value in RDI (EDI, and pushed as main's argument in 32-bit mode) at entry.</summary>
    public ulong Argument { get; init; }
}

/// <summary>Why a run ended.</summary>
public enum StopReason
{
    Halted,
    Timeout,
    Shutdown,
    FailEntry,
    InternalError,
    UnhandledExit,
}

/// <summary>What a run did.</summary>
public sealed class RunResult
{
    public required GuestProgram Guest { get; init; }
    public required VmmOptions Options { get; init; }
    public StopReason Reason { get; internal set; }
    /// <summary>The reason in words, with KVM's details for shutdown, entry failure and internal errors.</summary>
    public string Detail { get; internal set; } = "";
    /// <summary>RAX at HLT: the bundled guests' main() returns its failed-check count there.</summary>
    public ulong GuestStatus { get; internal set; }
    public long Exits { get; internal set; }
    public long[] ExitsByReason { get; } = new long[64];
    public required HypercallStats Hypercalls { get; init; }
    public long PagesServed { get; internal set; }
    public long TotalPages { get; internal set; }
    public string LazyMemoryVia { get; internal set; } = "";
    public TimeSpan Elapsed { get; internal set; }
    /// <summary>Time inside the run loop alone (what the benchmark compares).</summary>
    public TimeSpan LoopElapsed { get; internal set; }
    /// <summary>CPU time the vCPU thread used inside the run loop (kernel, guest and VMM time).</summary>
    public TimeSpan LoopCpuTime { get; internal set; }
    /// <summary>Managed bytes the vCPU thread allocated inside the run loop (0 when no exit allocates).</summary>
    public long LoopAllocatedBytes { get; internal set; }

    public bool Succeeded => Reason == StopReason.Halted && GuestStatus == 0;
}

/// <summary>
/// A one-vCPU virtual machine on /dev/kvm, driven entirely through IoctlSharp-generated KVM bindings: it loads
/// a flat guest binary at <see cref="LoadAddress"/>, starts it in 32-bit protected or 64-bit long mode and
/// serves its port-I/O hypercalls with a <see cref="VmmDevice"/> until it halts, fails or times out.
/// </summary>
public static unsafe class VirtualMachine
{
    /// <summary>Where the guest image is loaded (Guests/guest.ld links it there).</summary>
    public const ulong LoadAddress = 0x10000;
    /// <summary>Page tables of the long-mode guest: PML4, PDPT and one PD, below the image.</summary>
    public const ulong PageTables = 0x1000;

    private const ulong Cr0Pe = 1, Cr0Wp = 1 << 16, Cr0Pg = 1UL << 31, Cr4Pae = 1 << 5;
    private const ulong EferLme = 1 << 8, EferLma = 1 << 10;

    /// <summary>Runs <paramref name="guest"/> to completion on a new VM.</summary>
    public static RunResult Run(GuestProgram guest, VmmOptions options)
    {
        if (options.MemoryBytes < (1UL << 20) || options.MemoryBytes > (1UL << 30) || options.MemoryBytes % GuestMemory.PageSize != 0)
            throw new ArgumentOutOfRangeException(nameof(options), "guest memory must be 1 MiB to 1 GiB, in whole pages");
        byte[] image = File.ReadAllBytes(guest.Path);
        if (image.Length == 0 || (ulong)image.Length > options.MemoryBytes - LoadAddress - 64 * 1024)
            throw new ArgumentException($"{guest.Path}: {image.Length} bytes do not fit guest RAM of {options.MemoryBytes >> 20} MiB with a 64 KiB stack");

        AbiLayout.EnsureNative<KvmRun>();
        AbiLayout.EnsureNative<HgcmFunctionParameter>();
        var stopwatch = Stopwatch.StartNew();

        using var kvm = File.OpenHandle("/dev/kvm", FileMode.Open, FileAccess.ReadWrite);
        int api = Kvm.GetApiVersion(kvm);
        if (api != 12)
            throw new IOException($"/dev/kvm speaks KVM API {api}, not 12");
        using var vm = new FileDescriptorHandle(Kvm.CreateVm(kvm, 0), ownsHandle: true);

        using var ram = new GuestMemory(options.MemoryBytes);
        using var snapshot = options.LazyMemory ? new GuestMemory(options.MemoryBytes) : null;
        BuildBootImage((snapshot ?? ram).All, image, guest.Mode);
        using var lazy = snapshot is null ? null : new LazyMemory(ram, snapshot);

        var region = new KvmUserspaceMemoryRegion
        {
            Slot = 0,
            GuestPhysAddr = 0,
            MemorySize = ram.Size,
            UserspaceAddr = (ulong)ram.Base,
        };
        Kvm.SetUserMemoryRegion(vm, in region);

        using var vcpu = new FileDescriptorHandle(KvmVm.CreateVcpu(vm, 0), ownsHandle: true);
        int runSize = Kvm.GetVcpuMmapSize(kvm);
        if (runSize < sizeof(KvmRun))
            throw new IOException($"KVM_GET_VCPU_MMAP_SIZE is {runSize}, smaller than struct kvm_run");
        var run = (KvmRun*)Libc.Mmap((nuint)runSize, Libc.ProtRead | Libc.ProtWrite, Libc.MapShared, vcpu.Fd);
        try
        {
            SetUpCpu(vcpu, guest.Mode, options);
            var device = new VmmDevice(ram, guest.Name, options.Transcript);
            var result = new RunResult { Guest = guest, Options = options, Hypercalls = device.Stats };
            RunLoop(vcpu, run, runSize, device, options.Timeout, result);
            if (result.Reason == StopReason.Halted)
            {
                KvmVcpu.GetRegs(vcpu, out var regs);
                result.GuestStatus = guest.Mode == GuestMode.Protected32 ? (uint)regs.Rax : regs.Rax;
            }
            result.TotalPages = (long)(ram.Size / GuestMemory.PageSize);
            if (lazy is not null)
            {
                result.PagesServed = lazy.PagesServed;
                result.LazyMemoryVia = lazy.How;
                if (lazy.Error is { } error)
                    result.Detail += $" (the userfaultfd pager failed: {error.Message})";
            }
            result.Elapsed = stopwatch.Elapsed;
            return result;
        }
        finally
        {
            Libc.Munmap(run, (nuint)runSize);
        }
    }

    /// <summary>Lays out guest RAM: page tables for long mode, the image at <see cref="LoadAddress"/>.</summary>
    public static void BuildBootImage(Span<byte> memory, ReadOnlySpan<byte> image, GuestMode mode)
    {
        image.CopyTo(memory[(int)LoadAddress..]);
        if (mode == GuestMode.Long64)
        {
            // Identity-map the first GiB with 2 MiB pages: PML4[0] -> PDPT[0] -> PD[0..511].
            const ulong Present = 1, Writable = 2, Huge = 0x80;
            var pml4 = memory[(int)PageTables..];
            var pdpt = memory[(int)(PageTables + 0x1000)..];
            var pd = memory[(int)(PageTables + 0x2000)..];
            BinaryPrimitives.WriteUInt64LittleEndian(pml4, (PageTables + 0x1000) | Present | Writable);
            BinaryPrimitives.WriteUInt64LittleEndian(pdpt, (PageTables + 0x2000) | Present | Writable);
            for (int i = 0; i < 512; i++)
                BinaryPrimitives.WriteUInt64LittleEndian(pd[(i * 8)..], ((ulong)i << 21) | Present | Writable | Huge);
        }
    }

    private static void SetUpCpu(FileDescriptorHandle vcpu, GuestMode mode, VmmOptions options)
    {
        KvmVcpu.GetSregs(vcpu, out var sregs);
        bool long64 = mode == GuestMode.Long64;
        var code = new KvmSegment
        {
            Base = 0, Limit = 0xFFFFFFFF, Selector = 0x08,
            Type = 0xB, // execute/read, accessed
            Present = 1, S = 1, G = 1,
            Db = (byte)(long64 ? 0 : 1), L = (byte)(long64 ? 1 : 0),
        };
        var data = code with { Selector = 0x10, Type = 0x3, Db = 1, L = 0 }; // read/write, accessed
        sregs.Cs = code;
        sregs.Ds = sregs.Es = sregs.Fs = sregs.Gs = sregs.Ss = data;
        if (long64)
        {
            sregs.Cr3 = PageTables;
            sregs.Cr4 = Cr4Pae;
            sregs.Cr0 = Cr0Pe | Cr0Wp | Cr0Pg;
            sregs.Efer = EferLme | EferLma;
        }
        else
        {
            sregs.Cr0 = Cr0Pe;
            sregs.Cr4 = 0;
            sregs.Efer = 0;
        }
        KvmVcpu.SetSregs(vcpu, in sregs);

        var regs = new KvmRegs
        {
            Rip = LoadAddress,
            Rsp = options.MemoryBytes,
            Rdi = options.Argument,
            Rflags = 0x2, // the reserved bit; interrupts off
        };
        KvmVcpu.SetRegs(vcpu, in regs);
    }

    private static void RunLoop(FileDescriptorHandle vcpu, KvmRun* run, int runSize, VmmDevice device, TimeSpan timeout, RunResult result)
    {
        using var watchdog = new Watchdog(run, timeout);
        var exitsByReason = result.ExitsByReason;
        long exits = 0;
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        long started = Stopwatch.GetTimestamp();
        TimeSpan cpuStarted = Libc.ThreadCpuTime();
        while (true)
        {
            try
            {
                KvmVcpu.Run(vcpu);
            }
            catch (IoctlException e) when (e.Errno is Libc.EINTR or Libc.EAGAIN)
            {
                if (watchdog.Fired)
                {
                    Stop(result, StopReason.Timeout, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"timeout: still running after {timeout.TotalSeconds:0.###} s, stopped"));
                    break;
                }
                continue;
            }

            exits++;
            KvmExitReason reason = run->ExitReason;
            if ((uint)reason < (uint)exitsByReason.Length)
                exitsByReason[(int)reason]++;

            if (reason == KvmExitReason.Io)
            {
                ref KvmExitIo io = ref run->Exit.Io;
                ulong bytes = (ulong)io.Size * io.Count;
                if (io.DataOffset > (ulong)runSize || bytes > (ulong)runSize - io.DataOffset)
                {
                    Stop(result, StopReason.UnhandledExit, $"KVM_EXIT_IO with data outside the kvm_run page (offset {io.DataOffset}, {bytes} bytes)");
                    break;
                }
                byte* data = (byte*)run + io.DataOffset;
                if (io.Port == VmmDevice.Port && io.Direction == KvmExitIo.Out && io.Size == 4 && io.Count == 1)
                    device.Handle(*(uint*)data);
                else if (io.Direction == KvmExitIo.In)
                    new Span<byte>(data, (int)bytes).Fill(0xFF); // nothing else is on the bus: reads float high
                continue;
            }

            if (reason == KvmExitReason.Mmio)
            {
                KvmExitMmio* mmio = &run->Exit.Mmio;
                if (mmio->IsWrite == 0)
                    new Span<byte>(mmio->Data, 8).Fill(0xFF); // no device behind guest-physical addresses outside RAM
                continue;
            }

            switch (reason)
            {
                case KvmExitReason.Hlt:
                    Stop(result, StopReason.Halted, "halted");
                    break;
                case KvmExitReason.Shutdown:
                    Stop(result, StopReason.Shutdown, "KVM_EXIT_SHUTDOWN: the guest triple-faulted (or asked for a reset)");
                    break;
                case KvmExitReason.FailEntry:
                    Stop(result, StopReason.FailEntry,
                        $"KVM_EXIT_FAIL_ENTRY: VM entry failed, hardware reason 0x{run->Exit.FailEntry.HardwareEntryFailureReason:x} on cpu {run->Exit.FailEntry.Cpu}");
                    break;
                case KvmExitReason.InternalError:
                {
                    KvmExitInternalError* e = &run->Exit.Internal;
                    var detail = new System.Text.StringBuilder($"KVM_EXIT_INTERNAL_ERROR: suberror {e->Suberror} ({InternalErrorName(e->Suberror)})");
                    for (uint i = 0; i < Math.Min(e->Ndata, 16u); i++)
                        detail.Append(i == 0 ? ", data " : " ").Append("0x").Append(e->Data[i].ToString("x", System.Globalization.CultureInfo.InvariantCulture));
                    Stop(result, StopReason.InternalError, detail.ToString());
                    break;
                }
                default:
                    Stop(result, StopReason.UnhandledExit, $"unhandled exit reason {reason} ({(uint)reason})");
                    break;
            }
            break;
        }
        result.LoopElapsed = Stopwatch.GetElapsedTime(started);
        result.LoopCpuTime = Libc.ThreadCpuTime() - cpuStarted;
        result.LoopAllocatedBytes = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        result.Exits = exits;
    }

    private static void Stop(RunResult result, StopReason reason, string detail)
    {
        result.Reason = reason;
        result.Detail = detail;
    }

    private static string InternalErrorName(uint suberror) => suberror switch
    {
        1 => "emulation failure",
        2 => "simultaneous exception",
        3 => "delivery event",
        4 => "unexpected exit reason",
        _ => "unknown",
    };

    /// <summary>
    /// Stops a vCPU that runs past its time: sets kvm_run's immediate_exit (so a KVM_RUN about to start returns at
    /// once) and signals the vCPU thread until it acknowledges (so a KVM_RUN in progress returns EINTR).
    /// </summary>
    private sealed class Watchdog : IDisposable
    {
        private readonly ManualResetEventSlim _done = new();
        private readonly Thread _thread;
        private readonly nint _run;
        private readonly int _tid = Libc.GetTid();
        private readonly int _signal = Libc.KickSignal;
        private readonly TimeSpan _timeout;
        private volatile bool _fired;

        public Watchdog(KvmRun* run, TimeSpan timeout)
        {
            _run = (nint)run;
            _timeout = timeout;
            _thread = new Thread(Watch) { IsBackground = true, Name = "vCPU watchdog" };
            _thread.Start();
        }

        public bool Fired => _fired;

        private void Watch()
        {
            if (_done.Wait(_timeout))
                return;
            _fired = true;
            Volatile.Write(ref ((KvmRun*)_run)->ImmediateExit, 1);
            int pid = Libc.GetPid();
            do Libc.Tgkill(pid, _tid, _signal);
            while (!_done.Wait(10));
        }

        public void Dispose()
        {
            _done.Set();
            _thread.Join();
            _done.Dispose();
        }
    }
}
