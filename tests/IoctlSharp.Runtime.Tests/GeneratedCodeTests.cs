using System;
using System.IO;
using Xunit;

namespace IoctlSharp.Runtime.Tests;

/// <summary>The generated code at run time, in this (x86_64) process, against the real /dev/kvm.</summary>
public class GeneratedCodeTests
{
    [Fact]
    public void NativeLayoutMatchesAndIsQueryableForEveryTarget()
    {
        Assert.Equal(AbiTarget.X86_64, AbiTargets.Current);
        var native = AbiLayout.Native<PrivcmdMmapbatchV2>();
        Assert.Equal((32, 24), (native.Size, native["Err"].Offset));
        var i386 = AbiLayout.Of<PrivcmdMmapbatchV2>(AbiTarget.I386);
        Assert.Equal((24, 20, 4), (i386.Size, i386["Err"].Offset, i386.Alignment));
        Assert.Equal(PrivcmdMmapbatchV2.Abi.I386.Offsets.Err, i386["Err"].Offset);
        Assert.Equal(PrivcmdMmapbatchV2.Abi.X86_64.SizeOf, System.Runtime.CompilerServices.Unsafe.SizeOf<PrivcmdMmapbatchV2>());
        Assert.Same(AbiLayout.Of<KvmUserspaceMemoryRegion>(AbiTarget.Arm32), AbiLayout.Of<Outer>(AbiTarget.Arm32)["Region"].Nested);
    }

    [Fact]
    public void TheNativeCheckDetectsALayoutThisProcessCannotHave()
    {
        // What a 32-bit process would run into with a pointer-holding struct, seen from this 64-bit one: .NET's
        // layout here is not the i386 C layout, and the check says exactly where.
        string? difference = AbiLayout.CompareNative<PrivcmdMmapbatchV2>(AbiTarget.I386);
        Assert.Equal("PrivcmdMmapbatchV2: .NET lays it out in 32 bytes, but privcmd_mmapbatch_v2 is 24 bytes on i386.", difference);
        Assert.Null(AbiLayout.CompareNative<PrivcmdMmapbatchV2>(AbiTarget.X86_64));
        Assert.Null(AbiLayout.CompareNative<Outer>(AbiTarget.Aarch64));
        Assert.NotNull(AbiLayout.CompareNative<Outer>(AbiTarget.I386) ?? AbiLayout.CompareNative<Outer>(AbiTarget.Arm32) ?? "");
    }

    [Fact]
    public void TheRunningProcessUsesItsOwnArchitecturesNumbers()
    {
        Assert.Equal(Kvm.Requests.SetUserMemoryRegion.X86_64, Kvm.Requests.SetUserMemoryRegion.Native);
        Assert.Equal(0x4020AE46u, Kvm.Requests.SetUserMemoryRegion.Native); // KVM_SET_USER_MEMORY_REGION, size 32
        Assert.Equal(0xC0285607u, Vbg.Requests.HgcmCall64.Native(40));
        Assert.Equal(0xC0285607u, Vbg.Requests.HgcmCall64.For(AbiTarget.I386, 40));
        Assert.Throws<ArgumentOutOfRangeException>(() => Vbg.Requests.HgcmCall64.Native(0x4000));
        Assert.Throws<ArgumentOutOfRangeException>(() => Vbg.Requests.HgcmCall64.For(AbiTarget.Ppc64le, 0x2000));
        Assert.Throws<ArgumentOutOfRangeException>(() => Vbg.Requests.HgcmCall64.Native(-1));
    }

    [Fact]
    public void RealIoctlsOnDevKvm()
    {
        using var kvm = File.OpenHandle("/dev/kvm", FileMode.Open, FileAccess.ReadWrite);
        Assert.Equal(12, Kvm.GetApiVersion(kvm));
        Assert.True(Kvm.CheckExtension(kvm, 1) >= 0); // KVM_CAP_IRQCHIP: any non-negative answer is a real reply
    }

    [Fact]
    public void ARequestTheFileDoesNotKnowIsEnotty()
    {
        // A regular file has no ioctls of KVM's: the VFS answers ENOTTY.
        string path = Path.GetTempFileName();
        try
        {
            using var file = File.OpenHandle(path, FileMode.Open, FileAccess.ReadWrite);
            var e = Assert.Throws<IoctlException>(() => Kvm.GetApiVersion(file));
            Assert.Equal((25, "ENOTTY", "KVM_GET_API_VERSION", 0xAE00u), (e.Errno, e.ErrnoName, e.RequestName, e.Request));
            Assert.IsAssignableFrom<IOException>(e);
            Assert.Contains("KVM_GET_API_VERSION (0x0000AE00) failed: ENOTTY (25)", e.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ARequestTheDeviceRejectsIsEinval()
    {
        // /dev/kvm answers a VM ioctl (KVM_SET_USER_MEMORY_REGION) it does not take with EINVAL.
        using var kvm = File.OpenHandle("/dev/kvm", FileMode.Open, FileAccess.ReadWrite);
        var e = Assert.Throws<IoctlException>(() => Kvm.SetUserMemoryRegion(kvm, new KvmUserspaceMemoryRegion()));
        Assert.Equal((22, "EINVAL"), (e.Errno, e.ErrnoName));
    }

    [Fact]
    public void AClosedHandleIsObjectDisposed()
    {
        var kvm = File.OpenHandle("/dev/kvm", FileMode.Open, FileAccess.ReadWrite);
        kvm.Dispose();
        Assert.Throws<ObjectDisposedException>(() => Kvm.GetApiVersion(kvm));
    }
}
