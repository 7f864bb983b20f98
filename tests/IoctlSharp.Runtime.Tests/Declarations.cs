using System;
using System.Runtime.InteropServices;
using IoctlSharp;

namespace IoctlSharp.Runtime.Tests;

[AbiStruct(ExpectedSize = 32)]
public partial struct KvmUserspaceMemoryRegion
{
    public uint Slot;
    public uint Flags;
    public ulong GuestPhysAddr;
    public ulong MemorySize;
    public ulong UserspaceAddr;
}

[AbiStruct(ExpectedSize32 = 24, ExpectedSize64 = 32)]
public unsafe partial struct PrivcmdMmapbatchV2
{
    public uint Num;
    public ushort Dom;
    public ulong Addr;
    public CULong* Arr;
    public int* Err;
}

// Region is at 4 on i386 and 8 elsewhere, on purpose: the tests compare layouts that differ.
[AbiStruct(AllowAbiDifferences = true)]
public partial struct Outer
{
    public byte Tag;
    public KvmUserspaceMemoryRegion Region;
}

/// <summary>linux/kvm.h, KVMIO = 0xAE.</summary>
[IoctlGroup(0xAE)]
public static partial class Kvm
{
    [IoctlNone(0x00, Name = "KVM_GET_API_VERSION")]
    public static partial int GetApiVersion(SafeHandle kvm);

    [IoctlNone(0x03, Name = "KVM_CHECK_EXTENSION")]
    public static partial int CheckExtension(SafeHandle kvm, int extension);

    [IoctlWrite(0x46, Name = "KVM_SET_USER_MEMORY_REGION")]
    public static partial void SetUserMemoryRegion(SafeHandle vm, in KvmUserspaceMemoryRegion region);
}

[IoctlGroup('V')]
public static partial class Vbg
{
    [Ioctl(IoctlDirection.ReadWrite, 7, SizeAtCall = true, Name = "VBG_IOCTL_HGCM_CALL_64")]
    public static partial void HgcmCall64(SafeHandle vbg, Span<byte> call);
}
