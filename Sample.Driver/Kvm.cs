using System.Runtime.InteropServices;
using System;
using IoctlSharp;

namespace Sample.Driver;

/// <summary><c>struct kvm_userspace_memory_region</c> (linux/kvm.h).</summary>
[AbiStruct(ExpectedSize = 32)]
public partial struct KvmUserspaceMemoryRegion
{
    public uint Slot;
    public uint Flags;
    public ulong GuestPhysAddr;
    public ulong MemorySize;
    public ulong UserspaceAddr;
}

/// <summary><c>struct uffdio_api</c> (linux/userfaultfd.h).</summary>
[AbiStruct(ExpectedSize = 24)]
public partial struct UffdioApi
{
    public ulong Api;
    public ulong Features;
    public ulong Ioctls;
}

/// <summary><c>struct privcmd_mmapbatch_v2</c> (xen/privcmd.h): 24 bytes on i386, 32 on x86_64.</summary>
[AbiStruct(ExpectedSize32 = 24, ExpectedSize64 = 32)]
public unsafe partial struct PrivcmdMmapbatchV2
{
    public uint Num;
    public ushort Dom;
    public ulong Addr;
    public CULong* Arr;
    public int* Err;
}

/// <summary>The KVM system ioctls on /dev/kvm (linux/kvm.h, KVMIO = 0xAE).</summary>
[IoctlGroup(0xAE)]
public static partial class Kvm
{
    [IoctlNone(0x00, Name = "KVM_GET_API_VERSION")]
    public static partial int GetApiVersion(SafeHandle kvm);

    [IoctlNone(0x01, Name = "KVM_CREATE_VM")]
    public static partial int CreateVm(SafeHandle kvm, nuint machineType);

    [IoctlNone(0x03, Name = "KVM_CHECK_EXTENSION")]
    public static partial int CheckExtension(SafeHandle fd, int extension);

    [IoctlNone(0x04, Name = "KVM_GET_VCPU_MMAP_SIZE")]
    public static partial int GetVcpuMmapSize(SafeHandle kvm);

    [IoctlWrite(0x46, Name = "KVM_SET_USER_MEMORY_REGION")]
    public static partial void SetUserMemoryRegion(SafeHandle vm, in KvmUserspaceMemoryRegion region);
}

[IoctlGroup('P')]
public static partial class Privcmd
{
    [Ioctl(IoctlDirection.None, 4, Name = "IOCTL_PRIVCMD_MMAPBATCH_V2")]
    public static partial void MmapBatchV2(SafeHandle privcmd, ref PrivcmdMmapbatchV2 batch);
}

[IoctlGroup('V')]
public static partial class VbgIoctl
{
    [Ioctl(IoctlDirection.ReadWrite, 7, SizeAtCall = true, Name = "VBG_IOCTL_HGCM_CALL_64")]
    public static partial void HgcmCall64(SafeHandle vbg, Span<byte> call);
}
