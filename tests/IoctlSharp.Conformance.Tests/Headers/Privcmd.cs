// xen/privcmd.h, declared with IoctlSharp. domid_t is __u16; xen_pfn_t is unsigned long on x86 and __u64 on
// arm and arm64, but only ever appears here behind a pointer.
using System.Runtime.InteropServices;
using IoctlSharp.Conformance.Tests.Probe;

namespace IoctlSharp.Conformance.Tests.Headers.Xen;

[AbiStruct(ExpectedSize = 48)]
public unsafe partial struct PrivcmdHypercall
{
    public ulong Op;
    public fixed ulong Arg[5];
}

[AbiStruct(ExpectedSize = 24)]
public partial struct PrivcmdMmapEntry
{
    public ulong Va;
    public ulong Mfn;
    public ulong Npages;
}

[AbiStruct]
public unsafe partial struct PrivcmdMmap
{
    public int Num;
    public ushort Dom;
    public PrivcmdMmapEntry* Entry;
}

[AbiStruct]
public unsafe partial struct PrivcmdMmapbatch
{
    public int Num;
    public ushort Dom;
    public ulong Addr;
    public void* Arr;
}

// 24 bytes on i386 and arm32, but not on every ILP32 target (22 on m68k, which 2-aligns everything), so only
// the LP64 size is asserted; the probe compares each target's.
[AbiStruct(ExpectedSize64 = 32)]
public unsafe partial struct PrivcmdMmapbatchV2
{
    public uint Num;
    public ushort Dom;
    public ulong Addr;
    public void* Arr;
    public int* Err;
}

[AbiStruct]
public unsafe partial struct PrivcmdDmOpBuf
{
    public void* Uptr;
    public nuint Size;
}

[AbiStruct]
public unsafe partial struct PrivcmdDmOp
{
    public ushort Dom;
    public ushort Num;
    public PrivcmdDmOpBuf* Ubufs;
}

[AbiStruct]
public partial struct PrivcmdMmapResource
{
    public ushort Dom;
    public uint Type;
    public uint Id;
    public uint Idx;
    public ulong Num;
    public ulong Addr;
}

[IoctlGroup('P')]
public static partial class PrivcmdIoctl
{
    [Ioctl(IoctlDirection.None, 0, Name = "IOCTL_PRIVCMD_HYPERCALL")]
    public static partial int Hypercall(SafeHandle privcmd, ref PrivcmdHypercall call);

    [Ioctl(IoctlDirection.None, 2, Name = "IOCTL_PRIVCMD_MMAP")]
    public static partial void Mmap(SafeHandle privcmd, ref PrivcmdMmap mmap);

    [Ioctl(IoctlDirection.None, 3, Name = "IOCTL_PRIVCMD_MMAPBATCH")]
    public static partial void Mmapbatch(SafeHandle privcmd, ref PrivcmdMmapbatch batch);

    [Ioctl(IoctlDirection.None, 4, Name = "IOCTL_PRIVCMD_MMAPBATCH_V2")]
    public static partial void MmapbatchV2(SafeHandle privcmd, ref PrivcmdMmapbatchV2 batch);

    [Ioctl(IoctlDirection.None, 5, Name = "IOCTL_PRIVCMD_DM_OP")]
    public static partial void DmOp(SafeHandle privcmd, ref PrivcmdDmOp op);

    /// <summary><c>_IOC(_IOC_NONE, 'P', 6, sizeof(domid_t))</c>: the domid is passed by pointer.</summary>
    [Ioctl(IoctlDirection.None, 6, Name = "IOCTL_PRIVCMD_RESTRICT")]
    public static partial void Restrict(SafeHandle privcmd, ref ushort domid);

    [Ioctl(IoctlDirection.None, 7, Name = "IOCTL_PRIVCMD_MMAP_RESOURCE")]
    public static partial void MmapResource(SafeHandle privcmd, ref PrivcmdMmapResource resource);
}
