using System;
using System.IO;
using Xunit;

namespace IoctlSharp.Runtime.Tests;

/// <summary>What each kind of failure gives: the documented exception with the kernel's errno, or the errno itself.</summary>
public unsafe class ErrorTests
{
    [Fact]
    public void ABadPointerIsEfault()
    {
        using var kvm = FileDescriptorHandle.Open("/dev/kvm");
        using var vm = Kvm.CreateVm(kvm, 0);
        using var vcpu = Kvm.CreateVcpu(vm, 0);
        var e = Assert.Throws<IoctlException>(() => Kvm.GetRegsAt(vcpu, (KvmRegs*)8));
        Assert.Equal((14, "EFAULT", "KVM_GET_REGS", 0x8090AE81u), (e.Errno, e.ErrnoName, e.RequestName, e.Request));
    }

    [Fact]
    public void TheNonThrowingFormReturnsTheErrnoAndTheResult()
    {
        string path = Path.GetTempFileName();
        try
        {
            using var file = FileDescriptorHandle.Open(path);
            Assert.Equal(new IoctlResult(-1, 25), Kvm.TryCheckExtension(file, 1)); // ENOTTY, without an exception
            using var kvm = FileDescriptorHandle.Open("/dev/kvm");
            var ok = Kvm.TryCheckExtension(kvm, Kvm.CapImmediateExit);
            Assert.True(ok.IsSuccess);
            Assert.Equal((Kvm.CheckExtension(kvm, Kvm.CapImmediateExit), 0, null), (ok.Value, ok.Errno, ok.ErrnoName));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void TheWithoutGCTransitionFormGivesTheSameAnswersAndErrors()
    {
        using var kvm = FileDescriptorHandle.Open("/dev/kvm");
        Assert.Equal(Kvm.CheckExtension(kvm, Kvm.CapImmediateExit), Kvm.CheckExtensionWithoutGCTransition(kvm, Kvm.CapImmediateExit));
        using var notKvm = FileDescriptorHandle.Open("/proc/self/stat");
        var e = Assert.Throws<IoctlException>(() => Kvm.CheckExtensionWithoutGCTransition(notKvm, 1));
        Assert.Equal(25, e.Errno);
    }

    [Fact]
    public void AClosedHandleIsObjectDisposedForEveryForm()
    {
        var kvm = FileDescriptorHandle.Open("/dev/kvm");
        kvm.Dispose();
        Assert.Throws<ObjectDisposedException>(() => Kvm.GetApiVersion(kvm));
        Assert.Throws<ObjectDisposedException>(() => Kvm.TryCheckExtension(kvm, 1));
        Assert.Throws<ObjectDisposedException>(() => Kvm.CheckExtensionWithoutGCTransition(kvm, 1));
        Assert.Throws<ObjectDisposedException>(() => Kvm.CreateVm(kvm, 0));
    }

    [Fact]
    public void OpeningAMissingDeviceIsEnoent()
    {
        var e = Assert.Throws<ErrnoException>(() => FileDescriptorHandle.Open("/dev/no-such-device"));
        Assert.Equal((2, "ENOENT"), (e.Errno, e.ErrnoName));
        Assert.IsAssignableFrom<IOException>(e);
    }

    [Fact]
    public void AMappingChecksEveryRangeAndIsUnmappedOnDispose()
    {
        // A shared mapping of a file of our own: /proc/self/maps names it, so its disappearance is unambiguous.
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, new byte[4096]);
            using var file = FileDescriptorHandle.Open(path);
            var mapping = MemoryMapping.Map(file, 4096);
            mapping.Ref<ulong>(4088) = 7;
            Assert.Equal(7ul, mapping.AsSpan<ulong>(4088, 1)[0]);
            Assert.Throws<ArgumentOutOfRangeException>(() => mapping.Ref<ulong>(4089));
            Assert.Throws<ArgumentOutOfRangeException>(() => mapping.AsSpan<byte>(0, 4097));
            Assert.Throws<ArgumentOutOfRangeException>(() => mapping.AsSpan<byte>(nuint.MaxValue, 2));
            Assert.Contains(File.ReadAllLines("/proc/self/maps"), line => line.EndsWith(path, StringComparison.Ordinal));

            mapping.Dispose();
            Assert.DoesNotContain(File.ReadAllLines("/proc/self/maps"), line => line.EndsWith(path, StringComparison.Ordinal));
            Assert.Throws<ObjectDisposedException>(() => mapping.AsSpan());
            Assert.Throws<ObjectDisposedException>(() => mapping.Address);
            Assert.Equal(7, File.ReadAllBytes(path)[4088]); // MAP_SHARED: the write reached the file
        }
        finally
        {
            File.Delete(path);
        }
    }
}

/// <summary>The call path allocates nothing, in every form a wrapper takes.</summary>
[Collection(MeasuresTheProcess.Name)]
public class AllocationTests
{
    [Fact]
    public void WrappersAllocateNothingPerCall()
    {
        using var kvm = FileDescriptorHandle.Open("/dev/kvm");
        using var vm = Kvm.CreateVm(kvm, 0);
        using var vcpu = Kvm.CreateVcpu(vm, 0);
        var msrs = new FlexibleBuffer<KvmMsrs, KvmMsrEntry>(stackalloc byte[FlexibleBuffer<KvmMsrs, KvmMsrEntry>.SizeOf(1)], 1);
        msrs.Entries[0].Index = 0x174;

        void Calls(int n)
        {
            for (int i = 0; i < n; i++)
            {
                Kvm.CheckExtension(kvm, Kvm.CapImmediateExit);
                Kvm.CheckExtensionWithoutGCTransition(kvm, Kvm.CapImmediateExit);
                Kvm.TryCheckExtension(kvm, Kvm.CapImmediateExit);
                Kvm.GetRegs(vcpu, out _);
            }
        }

        Calls(200); // warm up: JIT and first-use checks
        long before = GC.GetAllocatedBytesForCurrentThread();
        Calls(1000);
        for (int i = 0; i < 1000; i++)
            Kvm.GetMsrs(vcpu, msrs);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
