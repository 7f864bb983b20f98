using System;
using System.Text;
using Xunit;

namespace IoctlSharp.Runtime.Tests;

/// <summary>The real /dev/kvm through generated bindings: handles, mmapped kvm_run, registers, a guest that runs.</summary>
[Collection(MeasuresTheProcess.Name)] // two tests check that a disposed handle's fd number is closed
public class KvmTests
{
    // Real mode, at guest-physical 0x1000:
    //   mov dx, 0x3f8 ; add al, bl ; add al, '0' ; out dx, al ; mov al, 'O' ; out dx, al ; mov al, 'K' ; out dx, al ; hlt
    private static readonly byte[] Guest =
    {
        0xBA, 0xF8, 0x03, 0x00, 0xD8, 0x04, (byte)'0', 0xEE, 0xB0, (byte)'O', 0xEE, 0xB0, (byte)'K', 0xEE, 0xF4,
    };

    private const ulong GuestAddress = 0x1000;
    private const ushort SerialPort = 0x3F8;

    [Fact]
    public void ARealModeGuestWritesToAnIoPortAndHalts()
    {
        using var kvm = FileDescriptorHandle.Open("/dev/kvm");
        Assert.Equal(12, Kvm.GetApiVersion(kvm));
        using var vm = Kvm.CreateVm(kvm, 0);
        using var memory = MemoryMapping.Anonymous(0x1000);
        Guest.CopyTo(memory.AsSpan());
        Kvm.SetUserMemoryRegion(vm, new KvmUserspaceMemoryRegion
        {
            Slot = 0, GuestPhysAddr = GuestAddress, MemorySize = 0x1000, UserspaceAddr = (ulong)memory.Address,
        });

        using var vcpu = Kvm.CreateVcpu(vm, 0);
        using var run = MemoryMapping.Map<KvmRun>(vcpu, (nuint)Kvm.GetVcpuMmapSize(kvm));

        Kvm.GetSregs(vcpu, out var sregs);
        sregs.Cs.Base = 0;
        sregs.Cs.Selector = 0;
        Kvm.SetSregs(vcpu, sregs);
        Kvm.SetRegs(vcpu, new KvmRegs { Rip = GuestAddress, Rax = 2, Rbx = 3, Rflags = 0x2 });

        var output = new StringBuilder();
        for (int exits = 0; exits < 16; exits++)
        {
            Kvm.Run(vcpu);
            ref var state = ref run.Value;
            if (state.ExitReason == KvmRun.ExitHlt)
                break;
            Assert.Equal(KvmRun.ExitIo, state.ExitReason);
            var io = state.Exit.Io;
            Assert.Equal((KvmRun.ExitIoOut, SerialPort, (byte)1, 1u), (io.Direction, io.Port, io.Size, io.Count));
            output.Append((char)run.AsSpan<byte>((nuint)io.DataOffset, io.Size * (int)io.Count)[0]);
        }

        // 2 + 3 = '5', then "OK"; the vCPU stopped on HLT, with rip past it.
        Assert.Equal("5OK", output.ToString());
        Assert.Equal(KvmRun.ExitHlt, run.Value.ExitReason);
        Kvm.GetRegs(vcpu, out var regs);
        Assert.Equal(GuestAddress + (ulong)Guest.Length, regs.Rip);
        Assert.Equal((ulong)'K', regs.Rax & 0xFF);
    }

    [Fact]
    public void ImmediateExitGivesEintrWhichIsReturnedOrThrownAndNeverRetried()
    {
        using var kvm = FileDescriptorHandle.Open("/dev/kvm");
        Assert.True(Kvm.CheckExtension(kvm, Kvm.CapImmediateExit) > 0);
        using var vm = Kvm.CreateVm(kvm, 0);
        using var vcpu = Kvm.CreateVcpu(vm, 0);
        using var run = MemoryMapping.Map<KvmRun>(vcpu, (nuint)Kvm.GetVcpuMmapSize(kvm));

        // With immediate_exit set, KVM_RUN returns EINTR at once, every time: a wrapper that retried would never return.
        run.Value.ImmediateExit = 1;
        var result = Kvm.TryRun(vcpu);
        Assert.False(result.IsSuccess);
        Assert.Equal((4, "EINTR", -1), (result.Errno, result.ErrnoName, result.Value));

        var e = Assert.Throws<IoctlException>(() => Kvm.Run(vcpu));
        Assert.Equal((4, "EINTR", "KVM_RUN"), (e.Errno, e.ErrnoName, e.RequestName));
    }

    [Fact]
    public void CreatedHandlesOwnTheirCloexecFdsAndCloseThemOnDispose()
    {
        using var kvm = FileDescriptorHandle.Open("/dev/kvm");
        Assert.Equal(Libc.O_CLOEXEC, Libc.FdFlags(kvm.Fd) & Libc.O_CLOEXEC);
        var vm = Kvm.CreateVm(kvm, 0);
        var vcpu = Kvm.CreateVcpu(vm, 0);
        int vmFd = vm.Fd, vcpuFd = vcpu.Fd;
        Assert.Equal("anon_inode:kvm-vm", Libc.FdTarget(vmFd));
        Assert.Equal("anon_inode:kvm-vcpu:0", Libc.FdTarget(vcpuFd));
        Assert.Equal(Libc.O_CLOEXEC, Libc.FdFlags(vmFd) & Libc.O_CLOEXEC);

        vcpu.Dispose();
        vm.Dispose();
        Assert.Null(Libc.FdTarget(vcpuFd));
        Assert.Null(Libc.FdTarget(vmFd));
        Assert.Throws<ObjectDisposedException>(() => Kvm.CreateVcpu(vm, 1));
        Assert.Throws<ObjectDisposedException>(() => vm.Fd);
    }

    [Fact]
    public void AHandleDisposedDuringKvmRunKeepsItsFdUntilTheCallReturns()
    {
        // Real mode at 0x1000: mov byte [0x2001], 1 ; spin: cmp byte [0x2000], 0 ; je spin ; hlt
        byte[] spinner = { 0xC6, 0x06, 0x01, 0x20, 0x01, 0x80, 0x3E, 0x00, 0x20, 0x00, 0x74, 0xF9, 0xF4 };
        using var kvm = FileDescriptorHandle.Open("/dev/kvm");
        using var vm = Kvm.CreateVm(kvm, 0);
        using var memory = MemoryMapping.Anonymous(0x2000); // guest-physical 0x1000-0x2fff
        spinner.CopyTo(memory.AsSpan());
        Kvm.SetUserMemoryRegion(vm, new KvmUserspaceMemoryRegion
        {
            Slot = 0, GuestPhysAddr = GuestAddress, MemorySize = 0x2000, UserspaceAddr = (ulong)memory.Address,
        });
        var vcpu = Kvm.CreateVcpu(vm, 0);
        using var run = MemoryMapping.Map<KvmRun>(vcpu, (nuint)Kvm.GetVcpuMmapSize(kvm));
        Kvm.GetSregs(vcpu, out var sregs);
        sregs.Cs.Base = 0;
        sregs.Cs.Selector = 0;
        Kvm.SetSregs(vcpu, sregs);
        Kvm.SetRegs(vcpu, new KvmRegs { Rip = GuestAddress, Rflags = 0x2 });
        int fd = vcpu.Fd;

        Exception? failure = null;
        var runner = new System.Threading.Thread(() =>
        {
            try { Kvm.Run(vcpu); }
            catch (Exception e) { failure = e; }
        }) { IsBackground = true };
        runner.Start();
        ref byte started = ref memory.Ref<byte>(0x1001), release = ref memory.Ref<byte>(0x1000);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (System.Threading.Volatile.Read(ref started) == 0 && DateTime.UtcNow < deadline && runner.IsAlive)
            System.Threading.Thread.Sleep(1);
        if (started == 0)
            System.Threading.Volatile.Write(ref release, 1);
        Assert.True(started == 1, $"the guest did not start: {failure?.Message ?? "KVM_RUN returned with exit " + run.Value.ExitReason}");

        // Disposed mid-call: the fd stays open (so its number cannot be handed to another open) while the call that
        // holds a reference runs, and is closed when that call returns; from then on the handle is refused.
        vcpu.Dispose();
        Assert.Equal("anon_inode:kvm-vcpu:0", Libc.FdTarget(fd));

        System.Threading.Volatile.Write(ref release, 1);
        Assert.True(runner.Join(TimeSpan.FromSeconds(10)));
        Assert.Null(failure);
        Assert.Equal(KvmRun.ExitHlt, run.Value.ExitReason);
        Assert.Null(Libc.FdTarget(fd));
        Assert.Throws<ObjectDisposedException>(() => Kvm.GetRegs(vcpu, out _));
    }

    [Fact]
    public void AnExistingFdCanBeWrappedWithOrWithoutOwnership()
    {
        using var kvm = FileDescriptorHandle.Open("/dev/kvm");
        using (var borrowed = new FileDescriptorHandle(kvm.Fd, ownsHandle: false))
            Assert.Equal(12, Kvm.GetApiVersion(borrowed));
        Assert.Equal("/dev/kvm", Libc.FdTarget(kvm.Fd)); // the borrowed wrapper did not close it
        Assert.Equal(12, Kvm.GetApiVersion(kvm));
    }

    [Fact]
    public void MsrsTravelInOneBufferWhoseCountMatchesItsEntries()
    {
        using var kvm = FileDescriptorHandle.Open("/dev/kvm");
        using var vm = Kvm.CreateVm(kvm, 0);
        using var vcpu = Kvm.CreateVcpu(vm, 0);
        const uint SysenterCs = 0x174, SysenterEsp = 0x175;

        Span<byte> storage = stackalloc byte[FlexibleBuffer<KvmMsrs, KvmMsrEntry>.SizeOf(2)];
        var set = new FlexibleBuffer<KvmMsrs, KvmMsrEntry>(storage, 2);
        Assert.Equal((2u, 2, 8 + 2 * 16), (set.Header.Nmsrs, set.Entries.Length, set.Bytes.Length));
        set.Entries[0] = new KvmMsrEntry { Index = SysenterCs, Data = 0x10 };
        set.Entries[1] = new KvmMsrEntry { Index = SysenterEsp, Data = 0x1234_5678 };
        Assert.Equal(2, Kvm.SetMsrs(vcpu, set)); // KVM_SET_MSRS returns how many it set

        var get = new FlexibleBuffer<KvmMsrs, KvmMsrEntry>(2);
        get.Entries[0].Index = SysenterCs;
        get.Entries[1].Index = SysenterEsp;
        Assert.Equal(2, Kvm.GetMsrs(vcpu, get));
        Assert.Equal((0x10ul, 0x1234_5678ul), (get.Entries[0].Data, get.Entries[1].Data));
    }

    [Fact]
    public void ACountLargerThanTheBufferIsRefused()
    {
        var msrs = new FlexibleBuffer<KvmMsrs, KvmMsrEntry>(1);
        msrs.Header.Nmsrs = 2;
        try
        {
            _ = msrs.Entries;
            Assert.Fail("a count past the buffer was accepted");
        }
        catch (InvalidOperationException e)
        {
            Assert.Contains("count is 2, but the buffer holds 1", e.Message);
        }

        Assert.Throws<ArgumentException>(() => new FlexibleBuffer<KvmMsrs, KvmMsrEntry>(new byte[8 + 15], 1));
    }

    [Fact]
    public void SupportedCpuidFillsAFlexibleArrayAndTooSmallABufferIsE2big()
    {
        using var kvm = FileDescriptorHandle.Open("/dev/kvm");
        var cpuid = new FlexibleBuffer<KvmCpuid2, KvmCpuidEntry2>(256);
        Kvm.GetSupportedCpuid(kvm, cpuid);
        int count = cpuid.Count; // the kernel lowered nent to what it wrote
        Assert.InRange(count, 2, 255);
        Assert.Equal(count, cpuid.Entries.Length);
        var leaf0 = cpuid.Entries[0];
        Assert.Equal(0u, leaf0.Function);
        Span<byte> vendor = stackalloc byte[12];
        BitConverter.TryWriteBytes(vendor, leaf0.Ebx);
        BitConverter.TryWriteBytes(vendor[4..], leaf0.Edx);
        BitConverter.TryWriteBytes(vendor[8..], leaf0.Ecx);
        Assert.Contains(Encoding.ASCII.GetString(vendor), new[] { "GenuineIntel", "AuthenticAMD" });

        var small = new FlexibleBuffer<KvmCpuid2, KvmCpuidEntry2>(1);
        var result = Kvm.TryGetSupportedCpuid(kvm, small);
        Assert.Equal((7, "E2BIG"), (result.Errno, result.ErrnoName));
    }
}
