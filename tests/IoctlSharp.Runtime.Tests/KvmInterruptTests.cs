using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using Xunit;

namespace IoctlSharp.Runtime.Tests;

/// <summary>
/// <see cref="KvmRunInterrupter"/> with the generated KVM_RUN wrapper (<c>Kvm.TryRun</c>): a guest that loops
/// forever is kicked out of KVM_RUN by <c>immediate_exit</c> and a signal, from another thread or by a cancellation.
/// </summary>
public class KvmInterruptTests
{
    private const ulong GuestAddress = 0x1000;

    // Real mode at 0x1000: mov byte [0x2001], 1 ; jmp $  (marks that it runs, then loops forever)
    private static readonly byte[] Forever = { 0xC6, 0x06, 0x01, 0x20, 0x01, 0xEB, 0xFE };
    private const ulong LoopAddress = GuestAddress + 5;

    private sealed class Guest : IDisposable
    {
        public readonly FileDescriptorHandle Kvm = FileDescriptorHandle.Open("/dev/kvm");
        public readonly KvmVmHandle Vm;
        public readonly MemoryMapping Memory = MemoryMapping.Anonymous(0x2000); // guest-physical 0x1000-0x2fff
        public readonly KvmVcpuHandle Vcpu;
        public readonly MemoryMapping<KvmRun> Run;

        public Guest()
        {
            Assert.True(Runtime.Tests.Kvm.CheckExtension(Kvm, Runtime.Tests.Kvm.CapImmediateExit) > 0);
            Vm = Runtime.Tests.Kvm.CreateVm(Kvm, 0);
            Forever.CopyTo(Memory.AsSpan());
            Runtime.Tests.Kvm.SetUserMemoryRegion(Vm, new KvmUserspaceMemoryRegion
            {
                Slot = 0, GuestPhysAddr = GuestAddress, MemorySize = 0x2000, UserspaceAddr = (ulong)Memory.Address,
            });
            Vcpu = Runtime.Tests.Kvm.CreateVcpu(Vm, 0);
            Run = MemoryMapping.Map<KvmRun>(Vcpu, (nuint)Runtime.Tests.Kvm.GetVcpuMmapSize(Kvm));
            Runtime.Tests.Kvm.GetSregs(Vcpu, out var sregs);
            sregs.Cs.Base = 0;
            sregs.Cs.Selector = 0;
            Runtime.Tests.Kvm.SetSregs(Vcpu, sregs);
            Runtime.Tests.Kvm.SetRegs(Vcpu, new KvmRegs { Rip = GuestAddress, Rflags = 0x2 });
        }

        public bool Started => Volatile.Read(ref Memory.Ref<byte>(0x1001)) == 1;

        public void Dispose()
        {
            Run.Dispose();
            Vcpu.Dispose();
            Vm.Dispose();
            Memory.Dispose();
            Kvm.Dispose();
        }
    }

    /// <summary>The vCPU thread: KVM_RUN until it returns EINTR for an acknowledged interruption.</summary>
    private static Thread StartVcpu(Guest guest, Action<KvmRunInterrupter> ready, Action<int, IoctlResult, Exception?> done)
    {
        var thread = new Thread(() =>
        {
            int runs = 0;
            IoctlResult last = default;
            try
            {
                using var interrupter = KvmRunInterrupter.ForCurrentThread(guest.Run);
                ready(interrupter);
                while (true)
                {
                    last = Kvm.TryRun(guest.Vcpu);
                    runs++;
                    if (last.Errno == Errno.EINTR && interrupter.Acknowledge())
                        break;
                    if (!last.IsSuccess && last.Errno != Errno.EINTR)
                        break;
                }

                done(runs, last, null);
            }
            catch (Exception e)
            {
                done(runs, last, e);
            }
        }) { IsBackground = true };
        thread.Start();
        return thread;
    }

    [Fact]
    public void AGuestThatLoopsForeverIsKickedOutOfKvmRunFromAnotherThread()
    {
        using var guest = new Guest();
        KvmRunInterrupter? interrupter = null;
        (int Runs, IoctlResult Last, Exception? Error) outcome = default;
        var vcpu = StartVcpu(guest, i => Volatile.Write(ref interrupter, i), (r, l, e) => outcome = (r, l, e));
        Assert.True(SpinWait.SpinUntil(() => guest.Started, TimeSpan.FromSeconds(10)), "the guest did not start");
        // It is inside KVM_RUN (syscall 16, ioctl) or running guest code there; either way only a kick gets it out.
        Assert.False(vcpu.Join(200));

        Volatile.Read(ref interrupter)!.Interrupt();
        Assert.True(vcpu.Join(TimeSpan.FromSeconds(10)), "the interruption did not get the thread out of KVM_RUN");
        Assert.Null(outcome.Error);
        Assert.Equal((Errno.EINTR, "EINTR"), (outcome.Last.Errno, outcome.Last.ErrnoName));
        Assert.Equal(0, guest.Run.Value.ImmediateExit); // acknowledged: the next KVM_RUN would run the guest again

        // The guest was stopped in its endless loop, not finished: its rip is still on the jmp.
        Kvm.GetRegs(guest.Vcpu, out var regs);
        Assert.Equal(LoopAddress, regs.Rip);
    }

    [Fact]
    public void ACancellationKicksTheVcpuOutAndTheNextRunResumesTheGuest()
    {
        using var guest = new Guest();
        using var cts = new CancellationTokenSource();
        (int Runs, IoctlResult Last, Exception? Error) outcome = default;
        var vcpu = StartVcpu(guest, i => i.InterruptWhenCanceled(cts.Token), (r, l, e) => outcome = (r, l, e));
        Assert.True(SpinWait.SpinUntil(() => guest.Started, TimeSpan.FromSeconds(10)), "the guest did not start");

        cts.Cancel();
        Assert.True(vcpu.Join(TimeSpan.FromSeconds(10)), "the cancellation did not get the thread out of KVM_RUN");
        Assert.Null(outcome.Error);
        Assert.Equal(Errno.EINTR, outcome.Last.Errno);

        // A second vCPU thread runs the same guest on and is kicked out the same way, whether the interruption lands
        // before its KVM_RUN (immediate_exit) or during it (the signal).
        KvmRunInterrupter? second = null;
        var again = StartVcpu(guest, i => Volatile.Write(ref second, i), (r, l, e) => outcome = (r, l, e));
        Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref second) is not null, TimeSpan.FromSeconds(10)));
        second!.Interrupt();
        Assert.True(again.Join(TimeSpan.FromSeconds(10)));
        Assert.Equal(Errno.EINTR, outcome.Last.Errno);
        Kvm.GetRegs(guest.Vcpu, out var regs);
        Assert.Equal(LoopAddress, regs.Rip);
    }

    [Fact]
    public void AnInterruptBeforeKvmRunMakesItReturnAtOnceAndAcknowledgeClearsIt()
    {
        using var guest = new Guest();
        using var interrupter = KvmRunInterrupter.ForCurrentThread(guest.Run);
        Assert.Equal(Libc.GetTid(), interrupter.ThreadId);
        Assert.False(interrupter.IsInterruptRequested);
        Assert.False(interrupter.Acknowledge()); // nothing requested: an EINTR from another signal says run again

        interrupter.Interrupt(); // the signal lands on this very thread, in user space: only immediate_exit remains
        Assert.True(interrupter.IsInterruptRequested);
        Assert.Equal(1, guest.Run.Value.ImmediateExit);
        Assert.Equal(Errno.EINTR, Kvm.TryRun(guest.Vcpu).Errno);
        Assert.False(guest.Started); // the guest never ran
        Assert.True(interrupter.Acknowledge());
        Assert.Equal(0, guest.Run.Value.ImmediateExit);
        Assert.False(interrupter.Acknowledge());

        // The throwing wrapper works alike: EINTR arrives as an IoctlException.
        interrupter.Interrupt();
        var e = Assert.Throws<IoctlException>(() => Kvm.Run(guest.Vcpu));
        Assert.True(e.Errno == Errno.EINTR && interrupter.Acknowledge());
        Assert.False(guest.Started);

        interrupter.Dispose();
        Assert.Throws<ObjectDisposedException>(() => interrupter.Interrupt());
    }

    [Fact]
    public void TheSignalHasAHandlerThatIsNotIgnoreOrDefault()
    {
        int signal = KvmRunInterrupter.Signal;
        Assert.InRange(signal, 34, 64); // a real-time signal
        // /proc/self/status's SigCgt is the mask of caught signals: bit (signal - 1).
        string line = Array.Find(File.ReadAllLines("/proc/self/status"), l => l.StartsWith("SigCgt:", StringComparison.Ordinal))!;
        ulong caught = Convert.ToUInt64(line.Substring(7).Trim(), 16);
        Assert.NotEqual(0ul, caught & (1ul << (signal - 1)));
    }

    [Fact]
    public void TheImmediateExitOffsetIsWhatGccSaysOfLinuxKvmH()
    {
        string dir = Directory.CreateTempSubdirectory("ioctlsharp-kvmrun-").FullName;
        try
        {
            string source = Path.Combine(dir, "offset.c");
            File.WriteAllText(source, "#include <linux/kvm.h>\n#include <stddef.h>\nint offset = offsetof(struct kvm_run, immediate_exit);\n");
            var gcc = Process.Start(new ProcessStartInfo("gcc", $"-S -o - {source}") { RedirectStandardOutput = true, RedirectStandardError = true })!;
            string asm = gcc.StandardOutput.ReadToEnd();
            gcc.WaitForExit();
            Assert.Equal(0, gcc.ExitCode);
            var value = System.Text.RegularExpressions.Regex.Match(asm, @"offset:\s*\.long\s+(\d+)");
            Assert.True(value.Success, asm);
            Assert.Equal(KvmRunInterrupter.ImmediateExitOffset, int.Parse(value.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}

/// <summary>An interrupt, a KVM_RUN that returns EINTR and its acknowledgement allocate nothing after warm-up.</summary>
[Collection(MeasuresTheProcess.Name)]
public class KvmInterruptAllocationTests
{
    [Fact]
    public void InterruptRunAcknowledgeAllocatesNothing()
    {
        using var kvm = FileDescriptorHandle.Open("/dev/kvm");
        using var vm = Kvm.CreateVm(kvm, 0);
        using var vcpu = Kvm.CreateVcpu(vm, 0);
        using var run = MemoryMapping.Map<KvmRun>(vcpu, (nuint)Kvm.GetVcpuMmapSize(kvm));
        using var interrupter = KvmRunInterrupter.ForCurrentThread(run);

        static void Cycle(KvmRunInterrupter interrupter, KvmVcpuHandle vcpu)
        {
            interrupter.Interrupt();
            if (Kvm.TryRun(vcpu).Errno != Errno.EINTR || !interrupter.Acknowledge())
                throw new InvalidOperationException("KVM_RUN did not return EINTR for the interruption");
        }

        for (int i = 0; i < 100; i++)
            Cycle(interrupter, vcpu);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
            Cycle(interrupter, vcpu);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
