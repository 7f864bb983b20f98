using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using IoctlSharp;
using Sample.Driver.Hypercalls;
using Sample.Driver.Vmm;

namespace Sample.Driver;

/// <summary>The sample's command line, callable in-process (the tests do).</summary>
public static class SampleApp
{
    public const string Usage = """
        usage: Sample.Driver [options]
          (no options)        boot the bundled 32-bit and 64-bit guests and print their transcripts and summaries
          --guest NAME        guest32, guest64 or all (default all)
          --binary PATH       boot your own flat binary instead, loaded at 0x10000 (see Sample.Driver/Guests/)
          --mode 32|64        the mode --binary starts in (default 64)
          --arg N             the value in RDI/EDI at entry (default 0)
          --memory MIB        guest RAM in MiB, 1 to 1024 (default 4)
          --timeout SECONDS   stop a guest still running after this long (default 10)
          --lazy-memory       serve guest RAM page by page from a snapshot through userfaultfd
          --bench [N]         benchmark: N port-I/O hypercalls (default 1000000), the C VMM against this one
          --rounds R          benchmark rounds (default 5)
          --layouts           print the layouts and request numbers IoctlSharp computed for the declarations
        """;

    /// <summary>The directory holding the built guests (guests/ next to the program).</summary>
    public static string GuestDirectory => Path.Combine(AppContext.BaseDirectory, "guests");

    /// <summary>A bundled guest by name.</summary>
    public static GuestProgram Bundled(string name) => name switch
    {
        "guest32" => new GuestProgram("guest32", Path.Combine(GuestDirectory, "guest32.bin"), GuestMode.Protected32),
        "guest64" => new GuestProgram("guest64", Path.Combine(GuestDirectory, "guest64.bin"), GuestMode.Long64),
        "bench64" => new GuestProgram("bench64", Path.Combine(GuestDirectory, "bench64.bin"), GuestMode.Long64),
        _ => throw new ArgumentException($"no bundled guest named {name}"),
    };

    public static int Run(string[] args, TextWriter output, TextWriter error, string kvmDevice = "/dev/kvm")
    {
        string guestName = "all";
        string? binary = null;
        GuestMode mode = GuestMode.Long64;
        ulong argument = 0, memoryMiB = 4;
        double timeoutSeconds = 10;
        bool lazy = false, layouts = false;
        long bench = 0;
        int rounds = Benchmark.DefaultRounds;
        try
        {
            for (int i = 0; i < args.Length; i++)
            {
                string Value() => i + 1 < args.Length ? args[++i] : throw new FormatException($"{args[i]} needs a value");
                switch (args[i])
                {
                    case "--guest": guestName = Value(); break;
                    case "--binary": binary = Value(); break;
                    case "--mode":
                        mode = Value() switch
                        {
                            "32" => GuestMode.Protected32,
                            "64" => GuestMode.Long64,
                            var m => throw new FormatException($"--mode {m}: 32 or 64"),
                        };
                        break;
                    case "--arg": argument = ulong.Parse(Value(), CultureInfo.InvariantCulture); break;
                    case "--memory": memoryMiB = ulong.Parse(Value(), CultureInfo.InvariantCulture); break;
                    case "--timeout": timeoutSeconds = double.Parse(Value(), CultureInfo.InvariantCulture); break;
                    case "--lazy-memory": lazy = true; break;
                    case "--rounds": rounds = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                    case "--layouts": layouts = true; break;
                    case "--bench":
                        bench = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal)
                            ? long.Parse(args[++i], CultureInfo.InvariantCulture) : 1_000_000;
                        if (bench < 1)
                            throw new FormatException("--bench: at least 1 hypercall");
                        break;
                    case "--help" or "-h":
                        output.WriteLine(Usage);
                        return 0;
                    default:
                        throw new FormatException($"unknown option {args[i]}");
                }
            }
            if (rounds is < 1 or > 100)
                throw new FormatException("--rounds: 1 to 100");
            if (memoryMiB is < 1 or > 1024)
                throw new FormatException("--memory: 1 to 1024 MiB");
            if (timeoutSeconds is <= 0 or > 86400)
                throw new FormatException("--timeout: more than 0 and at most 86400 seconds");
            if (guestName is not ("all" or "guest32" or "guest64"))
                throw new FormatException($"--guest {guestName}: guest32, guest64 or all");
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            error.WriteLine($"Sample.Driver: {e.Message}");
            error.WriteLine(Usage);
            return 2;
        }

        if (layouts)
        {
            PrintLayouts(output);
            return 0;
        }

        if (!File.Exists(kvmDevice))
        {
            error.WriteLine($"Sample.Driver: {kvmDevice} does not exist on this machine, so no guest can run (KVM is needed).");
            return 1;
        }

        var options = new VmmOptions
        {
            MemoryBytes = memoryMiB << 20,
            Timeout = TimeSpan.FromSeconds(timeoutSeconds),
            LazyMemory = lazy,
            Transcript = output,
            Argument = argument,
        };

        if (bench > 0)
            return Benchmark.Run(bench, rounds, output, error);

        var guests = binary is not null
            ? new[] { new GuestProgram(Path.GetFileName(binary), binary, mode) }
            : guestName == "all" ? new[] { Bundled("guest32"), Bundled("guest64") } : new[] { Bundled(guestName) };

        output.WriteLine(VirtualBoxTerms);
        output.WriteLine();
        using var tally = new IoctlTally();
        bool allSucceeded = true;
        foreach (var guest in guests)
        {
            tally.TakeCounts(); // what an earlier guest (or a failed start) issued is not this guest's
            output.WriteLine($"== {guest.Name}: {Describe(guest.Mode)}, {memoryMiB} MiB of RAM, {(lazy ? "lazy memory (userfaultfd)" : "eager memory")}");
            RunResult result;
            try
            {
                result = VirtualMachine.Run(guest, options);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or System.ComponentModel.Win32Exception)
            {
                error.WriteLine($"Sample.Driver: {guest.Name}: {e.Message}");
                allSucceeded = false;
                continue;
            }
            WriteSummary(output, result, tally.TakeCounts());
            allSucceeded &= result.Succeeded;
        }
        return allSucceeded ? 0 : 1;
    }

    public static string Describe(GuestMode mode) => mode == GuestMode.Long64 ? "64-bit long mode" : "32-bit protected mode";

    /// <summary>The VirtualBox words the transcript uses, explained once at its top.</summary>
    public const string VirtualBoxTerms = """
        VirtualBox terms in this transcript: VMMDev is VirtualBox's guest-to-host device. A guest writes the address
        of a request (VMMDEVREQ_*) to its I/O port, 0xD020 here, and the host answers in the request itself. HGCM, the
        Host-Guest Communication Manager, connects a guest to named host services (here Sample.Echo, and
        VBoxGuestPropSvc, the guest-property store) and calls their functions with typed parameters: 32- and 64-bit
        values and buffers in guest memory. VINF_* and VERR_* are VirtualBox status codes: VINF_SUCCESS is 0, every
        VERR_* is a negative error. An HGCM request gets two: the request's own status, then the service's result.
        """;

    /// <summary>
    /// The end-of-run summary: exits by reason, hypercalls by type, pages served lazily, elapsed time, and, when
    /// given, the ioctls issued (with their request numbers) and the layout the guest's HGCM parameters came in.
    /// </summary>
    public static void WriteSummary(TextWriter output, RunResult r, IReadOnlyList<(string Name, uint Number, int Count)>? ioctls = null)
    {
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine($"-- summary for {r.Guest.Name}");
        output.WriteLine($"   stopped:    {r.Detail}{(r.Reason == StopReason.Halted ? $", guest status {r.GuestStatus}" : "")}");
        var exits = Enumerable.Range(0, r.ExitsByReason.Length).Where(i => r.ExitsByReason[i] != 0)
            .Select(i => $"{ExitName((KvmExitReason)i)} {r.ExitsByReason[i]}");
        output.WriteLine($"   exits:      {r.Exits} ({string.Join(", ", exits)})");
        var h = r.Hypercalls;
        var types = HypercallStats.Types.Where(t => h[t] != 0).Select(t => $"{HypercallStats.Name(t)} {h[t]}").ToList();
        if (h.Unknown != 0) types.Add($"unknown type {h.Unknown}");
        if (h.Unreachable != 0) types.Add($"outside guest RAM {h.Unreachable}");
        output.WriteLine($"   hypercalls: {h.Total} ({string.Join(", ", types)}); {h.Refused} answered with an error status");
        output.WriteLine(r.Options.LazyMemory
            ? $"   memory:     {r.PagesServed} of {r.TotalPages} pages served lazily from the snapshot ({r.LazyMemoryVia}, UFFDIO_COPY)"
            : $"   memory:     eager ({r.TotalPages} pages; 0 served lazily)");
        if (ioctls is { Count: > 0 })
        {
            output.WriteLine($"   ioctls:     {ioctls.Sum(i => i.Count)} issued through IoctlSharp's generated wrappers (number on this {RuntimeName()} process, C spelling, count):");
            int width = ioctls.Max(i => i.Name.Length), spellingWidth = ioctls.Max(i => CSpelling(i.Number).Length);
            foreach (var (name, number, count) in ioctls)
                output.WriteLine(string.Create(inv, $"                 {name.PadRight(width)}  0x{number:X8}  {CSpelling(number).PadRight(spellingWidth)}  x{count}"));
        }
        if (h[VmmDevRequestType.HgcmCall32] != 0)
            output.WriteLine($"   layouts:    HGCM parameters in the 32-bit guest's layout, vmmdev_hgcm_function_parameter32 ({HgcmFunctionParameter.I386.SizeOf} bytes),\n"
                + "               converted by the i386 twin IoctlSharp generated from the one declaration (HgcmFunctionParameter.I386)");
        if (h[VmmDevRequestType.HgcmCall64] != 0)
            output.WriteLine($"   layouts:    HGCM parameters in the 64-bit guest's layout, vmmdev_hgcm_function_parameter64 ({AbiLayout.Native<HgcmFunctionParameter>().Size} bytes),\n"
                + "               this process's own: the C# struct HgcmFunctionParameter as declared, read as it is");
        output.WriteLine(string.Create(inv, $"   elapsed:    {r.Elapsed.TotalMilliseconds:0.0} ms; the run loop allocated {r.LoopAllocatedBytes} bytes{(r.Options.Transcript is null ? "" : " (text for the transcript and this report, and the ioctl count's events)")}"));
    }

    private static string RuntimeName() => System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture switch
    {
        System.Runtime.InteropServices.Architecture.X64 => "x86_64",
        System.Runtime.InteropServices.Architecture.Arm64 => "aarch64",
        var a => a.ToString().ToLowerInvariant(),
    };

    /// <summary>
    /// A request number in the generic encoding (x86_64, aarch64, riscv64: 2 direction bits, 14 size bits, type,
    /// nr) spelled as the kernel's macro: <c>_IOW(0xAE, 0x46, 32 bytes)</c>.
    /// </summary>
    public static string CSpelling(uint number)
    {
        uint direction = number >> 30, size = (number >> 16) & 0x3FFF, type = (number >> 8) & 0xFF, nr = number & 0xFF;
        string macro = direction switch { 0 => "_IO", 1 => "_IOW", 2 => "_IOR", _ => "_IOWR" };
        return direction == 0 && size == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{macro}(0x{type:X2}, 0x{nr:X2})")
            : string.Create(CultureInfo.InvariantCulture, $"{macro}(0x{type:X2}, 0x{nr:X2}, {size} bytes)");
    }

    public static string ExitName(KvmExitReason reason) => reason switch
    {
        KvmExitReason.Io => "IO",
        KvmExitReason.Hlt => "HLT",
        KvmExitReason.Mmio => "MMIO",
        KvmExitReason.Shutdown => "SHUTDOWN",
        KvmExitReason.FailEntry => "FAIL_ENTRY",
        KvmExitReason.InternalError => "INTERNAL_ERROR",
        KvmExitReason.Intr => "INTR",
        _ => $"reason {(uint)reason}",
    };

    private static void PrintLayouts(TextWriter output)
    {
        output.WriteLine("Layouts IoctlSharp computed at compile time (size / alignment per target):");
        PrintLayout<KvmUserspaceMemoryRegion>(output);
        PrintLayout<KvmRegs>(output);
        PrintLayout<KvmSregs>(output);
        PrintLayout<KvmRun>(output);
        PrintLayout<UffdioApi>(output);
        PrintLayout<UffdioCopy>(output);
        PrintLayout<PrivcmdMmapbatchV2>(output);
        PrintLayout<HgcmCall>(output);
        PrintLayout<HgcmFunctionParameter>(output);
        output.WriteLine();
        output.WriteLine("Request numbers per target:");
        PrintRequest(output, "KVM_GET_API_VERSION", Kvm.Requests.GetApiVersion.For);
        PrintRequest(output, "KVM_CREATE_VM", Kvm.Requests.CreateVm.For);
        PrintRequest(output, "KVM_SET_USER_MEMORY_REGION", Kvm.Requests.SetUserMemoryRegion.For);
        PrintRequest(output, "KVM_RUN", KvmVcpu.Requests.Run.For);
        PrintRequest(output, "KVM_SET_SREGS", KvmVcpu.Requests.SetSregs.For);
        PrintRequest(output, "UFFDIO_COPY", Userfaultfd.Requests.Copy.For);
        PrintRequest(output, "IOCTL_PRIVCMD_MMAPBATCH_V2", Privcmd.Requests.MmapBatchV2.For);
        PrintRequest(output, "VBG_IOCTL_HGCM_CALL_64(64)", t => VbgIoctl.Requests.HgcmCall64.For(t, 64));
    }

    private static void PrintLayout<T>(TextWriter output) where T : unmanaged, IAbiStruct<T>
    {
        var native = AbiLayout.Native<T>();
        var line = new StringBuilder($"  struct {native.CName,-32}");
        foreach (var target in AbiTargets.All)
        {
            var l = AbiLayout.Of<T>(target);
            line.Append($" {target.CName()} {l.Size}/{l.Alignment}");
        }
        output.WriteLine(line);
    }

    private static void PrintRequest(TextWriter output, string name, Func<AbiTarget, uint> number)
    {
        var line = new StringBuilder($"  {name,-32}");
        foreach (var target in AbiTargets.All)
            line.Append($" {target.CName()} 0x{number(target):X8}");
        output.WriteLine(line);
    }
}
