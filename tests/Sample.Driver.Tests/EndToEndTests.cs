using System;
using System.IO;
using System.Linq;
using Sample.Driver;
using Sample.Driver.Hypercalls;
using Sample.Driver.Vmm;
using Xunit;

namespace Sample.Driver.Tests;

/// <summary>The VMM on the real /dev/kvm: both bundled guests, both memory modes, and guests that misbehave.</summary>
[Collection(KvmCollection.Name)]
public class EndToEndTests
{
    private static (RunResult Result, string Transcript) Boot(string guest, bool lazy)
    {
        var transcript = new StringWriter();
        var result = VirtualMachine.Run(SampleApp.Bundled(guest), new VmmOptions { LazyMemory = lazy, Transcript = transcript });
        return (result, transcript.ToString());
    }

    [Theory]
    [InlineData("guest32", false, "HGCM_CALL32", 12)]
    [InlineData("guest32", true, "HGCM_CALL32", 12)]
    [InlineData("guest64", false, "HGCM_CALL64", 16)]
    [InlineData("guest64", true, "HGCM_CALL64", 16)]
    public void EveryRequestTypeSucceedsAndEveryMalformedRequestIsRefused(string guest, bool lazy, string callType, int parameterSize)
    {
        var (r, transcript) = Boot(guest, lazy);

        Assert.True(r.Succeeded, $"{r.Detail}, status {r.GuestStatus}\n{transcript}");
        Assert.Contains($"{guest}> {guest}: 17 checks passed, 0 failed", transcript);
        Assert.Contains($"{guest}> malformed requests refused with the expected code: 7 of 7", transcript);
        Assert.Contains($"vmm: {callType} Sample.Echo function 1 (3 parameters of {parameterSize} bytes) -> VINF_SUCCESS, service result VINF_SUCCESS", transcript);
        foreach (var type in new[] { "GET_HOST_VERSION", "GET_HOST_TIME", "HGCM_CONNECT \"Sample.Echo\"", "HGCM_CONNECT \"VBoxGuestPropSvc\"", "HGCM_DISCONNECT" })
            Assert.Contains($"vmm: {type}", transcript.Split('\n').Where(l => l.Contains("-> VINF_SUCCESS")).Aggregate("", (a, l) => a + l));
        Assert.Contains($"{guest}> property /Sample/{guest}/Greeting = \"hello, host\"", transcript);

        var h = r.Hypercalls;
        Assert.Equal(17, h[VmmDevRequestType.LogString]);
        Assert.Equal(3, h[VmmDevRequestType.HgcmConnect]);
        Assert.Equal(12, h[callType == "HGCM_CALL32" ? VmmDevRequestType.HgcmCall32 : VmmDevRequestType.HgcmCall64]);
        Assert.Equal((1, 1, 7), (h.Unknown, h.Unreachable, h.Refused));
        Assert.Equal(h.Total + 1, r.Exits); // every exit but the final HLT was a hypercall
        Assert.Equal(1, r.ExitsByReason[(int)KvmExitReason.Hlt]);

        if (lazy)
        {
            // Only the pages the guest and the VMM touched were served: code, data, stack (and page tables in long mode).
            Assert.InRange(r.PagesServed, callType == "HGCM_CALL64" ? 6 : 3, 32);
            Assert.Equal(1024, r.TotalPages);
        }
        else
        {
            Assert.Equal(0, r.PagesServed);
        }
    }

    [Theory]
    [InlineData("guest32")]
    [InlineData("guest64")]
    public void LazyMemoryGivesTheSameTranscriptAsEagerMemory(string guest)
    {
        var (eager, eagerTranscript) = Boot(guest, lazy: false);
        var (lazy, lazyTranscript) = Boot(guest, lazy: true);
        Assert.Equal(eagerTranscript, lazyTranscript);
        Assert.Equal((eager.Reason, eager.GuestStatus, eager.Exits), (lazy.Reason, lazy.GuestStatus, lazy.Exits));
        Assert.True(lazy.PagesServed > 0);
    }

    private static GuestProgram UserBinary(string name, byte[] code, GuestMode mode)
    {
        string path = Path.Combine(Path.GetTempPath(), $"sample-driver-{name}-{Environment.ProcessId}.bin");
        File.WriteAllBytes(path, code);
        return new GuestProgram(name, path, mode);
    }

    [Theory]
    [InlineData(GuestMode.Protected32, false)]
    [InlineData(GuestMode.Long64, true)]
    public void AGuestThatNeverHaltsIsStoppedAtTheTimeout(GuestMode mode, bool lazy)
    {
        var spin = UserBinary("spin", [0xEB, 0xFE], mode); // jmp $
        var started = DateTime.UtcNow;
        var r = VirtualMachine.Run(spin, new VmmOptions { Timeout = TimeSpan.FromMilliseconds(300), LazyMemory = lazy });
        Assert.Equal(StopReason.Timeout, r.Reason);
        Assert.Contains("timeout: still running after 0.3 s", r.Detail);
        // The watchdog's clock is monotonic and this one is the wall clock: allow them a few milliseconds apart.
        Assert.InRange((DateTime.UtcNow - started).TotalSeconds, 0.29, 5);
        Assert.False(r.Succeeded);
    }

    [Fact]
    public void ATripleFaultIsReportedAsShutdown()
    {
        var ud2 = UserBinary("ud2", [0x0F, 0x0B], GuestMode.Protected32); // #UD with no IDT: #GP, #DF, triple fault
        var r = VirtualMachine.Run(ud2, new VmmOptions());
        Assert.Equal(StopReason.Shutdown, r.Reason);
        Assert.Contains("KVM_EXIT_SHUTDOWN", r.Detail);
        Assert.Equal(1, r.ExitsByReason[(int)KvmExitReason.Shutdown]);
    }

    [Fact]
    public void ExecutingOutsideRamIsAnInternalErrorWithKvmsReason()
    {
        // mov eax, 0x10000000; jmp eax: instructions fetched from where no memory is, which KVM cannot emulate.
        var jump = UserBinary("jump", [0xB8, 0x00, 0x00, 0x00, 0x10, 0xFF, 0xE0], GuestMode.Protected32);
        var r = VirtualMachine.Run(jump, new VmmOptions());
        Assert.Equal(StopReason.InternalError, r.Reason);
        Assert.StartsWith("KVM_EXIT_INTERNAL_ERROR: suberror 1 (emulation failure)", r.Detail);
    }

    [Fact]
    public void TheQuickStartCommandBootsBothGuestsAndSummarises()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        Assert.Equal(0, SampleApp.Run([], output, error));
        string text = output.ToString();
        Assert.Equal("", error.ToString());
        Assert.Contains("== guest32: 32-bit protected mode, 4 MiB of RAM, eager memory", text);
        Assert.Contains("== guest64: 64-bit long mode, 4 MiB of RAM, eager memory", text);
        Assert.Equal(2, text.Split('\n').Count(l => l.Contains("stopped:    halted, guest status 0")));
        Assert.Contains("   exits:      42 (IO 41, HLT 1)", text);
        Assert.Contains("elapsed:", text);

        // The VirtualBox words are explained once, before the first guest.
        Assert.Single(text.Split('\n'), l => l.StartsWith("VirtualBox terms in this transcript:", StringComparison.Ordinal));
        Assert.True(text.IndexOf("HGCM, the\nHost-Guest Communication Manager", StringComparison.Ordinal) < text.IndexOf("== guest32", StringComparison.Ordinal));

        // Each summary names the ioctls issued with the numbers IoctlSharp generated, and the guest's parameter layout.
        var lines = text.Split('\n');
        Assert.Equal(2, lines.Count(l => l.StartsWith("   ioctls:     51 issued through IoctlSharp's generated wrappers", StringComparison.Ordinal)));
        foreach (var (name, number, count) in new[]
        {
            ("KVM_GET_API_VERSION", Kvm.Requests.GetApiVersion.X86_64, 1), ("KVM_CREATE_VM", Kvm.Requests.CreateVm.X86_64, 1),
            ("KVM_SET_USER_MEMORY_REGION", Kvm.Requests.SetUserMemoryRegion.X86_64, 1), ("KVM_SET_SREGS", KvmVcpu.Requests.SetSregs.X86_64, 1),
            ("KVM_RUN", KvmVcpu.Requests.Run.X86_64, 42),
        })
        {
            var row = lines.Where(l => l.TrimStart().StartsWith(name + " ", StringComparison.Ordinal)).ToList();
            Assert.Equal(2, row.Count);
            Assert.All(row, l => Assert.Contains($" 0x{number:X8}  ", l));
            Assert.All(row, l => Assert.EndsWith($" x{count}", l.TrimEnd()));
        }
        Assert.Contains("   ioctls:", text[..text.IndexOf("== guest64", StringComparison.Ordinal)]);
        Assert.Contains("KVM_SET_USER_MEMORY_REGION  0x4020AE46  _IOW(0xAE, 0x46, 32 bytes)", text);
        Assert.Contains("   layouts:    HGCM parameters in the 32-bit guest's layout, vmmdev_hgcm_function_parameter32 (12 bytes),", text);
        Assert.Contains("(HgcmFunctionParameter.I386)", text);
        Assert.Contains("   layouts:    HGCM parameters in the 64-bit guest's layout, vmmdev_hgcm_function_parameter64 (16 bytes),", text);
    }

    [Fact]
    public void WithLazyMemoryTheSummaryCountsTheUserfaultfdRequests()
    {
        var output = new StringWriter();
        Assert.Equal(0, SampleApp.Run(["--guest", "guest32", "--lazy-memory"], output, new StringWriter()));
        string text = output.ToString();
        Assert.Contains($"UFFDIO_API                  0x{Userfaultfd.Requests.Handshake.X86_64:X8}  _IOWR(0xAA, 0x3F, 24 bytes)", text);
        Assert.Contains($"UFFDIO_REGISTER             0x{Userfaultfd.Requests.Register.X86_64:X8}", text);
        Assert.Matches(@"UFFDIO_COPY +0xC028AA03 +_IOWR\(0xAA, 0x03, 40 bytes\) +x[1-9]", text);
    }

    [Theory]
    [InlineData(0x0000AE80u, "_IO(0xAE, 0x80)")]
    [InlineData(0x4020AE46u, "_IOW(0xAE, 0x46, 32 bytes)")]
    [InlineData(0x8090AE81u, "_IOR(0xAE, 0x81, 144 bytes)")]
    [InlineData(0xC018AA3Fu, "_IOWR(0xAA, 0x3F, 24 bytes)")]
    public void RequestNumbersAreSpelledAsTheKernelsMacros(uint number, string spelling) => Assert.Equal(spelling, SampleApp.CSpelling(number));

    [Fact]
    public void WithoutKvmTheSampleSaysSoInOneLineAndFails()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        Assert.Equal(1, SampleApp.Run([], output, error, kvmDevice: "/nonexistent/kvm"));
        Assert.Equal("", output.ToString());
        Assert.Single(error.ToString().TrimEnd('\n').Split('\n'));
        Assert.Contains("does not exist", error.ToString());
    }

    [Fact]
    public void TheRunLoopDoesNotAllocatePerExit()
    {
        // The benchmark guest: 20,000 hypercalls, no transcript. Statics are warmed by a first run.
        VirtualMachine.Run(SampleApp.Bundled("bench64"), new VmmOptions { Argument = 100 });
        var r = VirtualMachine.Run(SampleApp.Bundled("bench64"), new VmmOptions { Argument = 20_000 });
        Assert.True(r.Succeeded, r.Detail);
        Assert.Equal(20_001, r.Exits);
        Assert.Equal(20_000, r.Hypercalls[VmmDevRequestType.GetHostVersion]);
        Assert.Equal(0, r.LoopAllocatedBytes);
    }

    [Fact]
    public void TheCVmmRunsTheSameBenchmarkGuest()
    {
        var figures = Benchmark.Measure(Path.Combine(SampleApp.GuestDirectory, "cvmm"), SampleApp.Bundled("bench64"), 2_000);
        Assert.Equal(2_001, figures.Exits);
        Assert.True(figures.CWall > 0 && figures.CCpu > 0 && figures.CSharpWall > 0 && figures.CSharpCpu > 0);
    }
}
