using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

// The ABI structs the compat tests check against gcc and a real 32-bit program: each declared once, as the
// kernel's UAPI headers spell it (linux/vboxguest.h, linux/vbox_vmmdev_types.h, linux/kvm.h, xen/privcmd.h).
namespace IoctlSharp.Compat.Tests;

// ---------------------------------------------------------------- vboxguest HGCM

/// <summary><c>enum vmmdev_hgcm_function_parameter_type</c>.</summary>
public enum HgcmParameterType : uint
{
    Invalid = 0,
    Bit32 = 1,
    Bit64 = 2,
    PhysAddr = 3,
    LinAddr = 4,
    LinAddrIn = 5,
    LinAddrOut = 6,
    LinAddrKernel = 7,
    LinAddrKernelIn = 8,
    LinAddrKernelOut = 9,
    PageList = 10,
}

/// <summary>The union inside <c>pointer</c>: <c>__u32</c> on a 32-bit client, <c>__u64</c> on a 64-bit one.</summary>
[AbiUnion(Pack = 1)]
public partial struct HgcmPointerAddress
{
    [FieldOffset(0)] public nuint PhysAddr;
    [FieldOffset(0)] public nuint LinearAddr;
}

[AbiStruct(Pack = 1, CName = "vmmdev_hgcm_function_parameter.u.pointer")]
public partial struct HgcmPointer
{
    public uint Size;
    public HgcmPointerAddress U;
}

[AbiStruct(CName = "vmmdev_hgcm_function_parameter.u.page_list")]
public partial struct HgcmPageList
{
    public uint Size;
    public uint Offset;
}

[AbiUnion(Pack = 1, CName = "vmmdev_hgcm_function_parameter.u")]
public partial struct HgcmParameterValue
{
    [FieldOffset(0), AbiCase(HgcmParameterType.Bit32)] public uint Value32;
    [FieldOffset(0), AbiCase(HgcmParameterType.Bit64)] public ulong Value64;
    [FieldOffset(0), AbiCase(HgcmParameterType.PhysAddr, HgcmParameterType.LinAddr, HgcmParameterType.LinAddrIn, HgcmParameterType.LinAddrOut,
        HgcmParameterType.LinAddrKernel, HgcmParameterType.LinAddrKernelIn, HgcmParameterType.LinAddrKernelOut)]
    public HgcmPointer Pointer;
    [FieldOffset(0), AbiCase(HgcmParameterType.PageList)] public HgcmPageList PageList;
}

/// <summary>vmmdev_hgcm_function_parameter32 (12 bytes) and ..64 (16 bytes), from one declaration.</summary>
[AbiStruct(Pack = 1, ExpectedSize32 = 12, ExpectedSize64 = 16, CName = "vmmdev_hgcm_function_parameter")]
public partial struct HgcmFunctionParameter
{
    public HgcmParameterType Type;
    [AbiDiscriminator(nameof(Type))] public HgcmParameterValue U;
}

[AbiStruct(ExpectedSize = 24, CName = "vbg_ioctl_hdr")]
public partial struct VbgIoctlHdr
{
    public uint SizeIn;
    public uint Version;
    public uint Type;
    public int Rc;
    public uint SizeOut;
    public uint Reserved;
}

/// <summary><c>struct vbg_ioctl_hgcm_call</c>: parm_count parameters follow it.</summary>
[AbiStruct(ExpectedSize = 40, CName = "vbg_ioctl_hgcm_call")]
public partial struct VbgIoctlHgcmCall
{
    public VbgIoctlHdr Hdr;
    public uint ClientId;
    public uint Function;
    public uint TimeoutMs;
    public byte Interruptible;
    public byte Reserved;
    public ushort ParmCount;
}

[IoctlGroup('V')]
public static partial class Vbg
{
    [Ioctl(IoctlDirection.ReadWrite, 6, SizeAtCall = true, Name = "VBG_IOCTL_HGCM_CALL_32")]
    public static partial void HgcmCall32(SafeHandle vbg, Span<byte> call);

    [Ioctl(IoctlDirection.ReadWrite, 7, SizeAtCall = true, Name = "VBG_IOCTL_HGCM_CALL_64")]
    public static partial void HgcmCall64(SafeHandle vbg, Span<byte> call);
}

// ---------------------------------------------------------------- struct space_resv (include/linux/falloc.h)

[AbiStruct(ExpectedSize64 = 48)]
public unsafe partial struct SpaceResv
{
    public short LType;
    public short LWhence;
    public long LStart;
    public long LLen;
    public int LSysid;
    public uint LPid;
    public fixed int LPad[4];
}

// ---------------------------------------------------------------- xen/privcmd.h

[AbiStruct(ExpectedSize = 24)]
public partial struct PrivcmdMmapEntry
{
    public ulong Va;
    public ulong Mfn;
    public ulong Npages;
}

// i386's and arm32's sizes; m68k (a target of this project for Peers/) 2-aligns the pointer: 10 bytes there.
[AbiStruct(ExpectedSize64 = 16)]
public unsafe partial struct PrivcmdMmap
{
    public int Num;
    public ushort Dom;
    public PrivcmdMmapEntry* Entry;
}

[AbiStruct(ExpectedSize64 = 24)]
public unsafe partial struct PrivcmdMmapbatch
{
    public int Num;
    public ushort Dom;
    public ulong Addr;
    public CULong* Arr;
}

// 24 bytes on i386 and arm32, 22 on m68k (a target of this project for Peers/).
[AbiStruct(ExpectedSize64 = 32)]
public unsafe partial struct PrivcmdMmapbatchV2
{
    public uint Num;
    public ushort Dom;
    public ulong Addr;
    public CULong* Arr;
    public int* Err;
}

[AbiStruct(ExpectedSize32 = 8, ExpectedSize64 = 16)]
public unsafe partial struct PrivcmdDmOpBuf
{
    public void* Uptr;
    public nuint Size;
}

[AbiStruct(ExpectedSize32 = 8, ExpectedSize64 = 16)]
public unsafe partial struct PrivcmdDmOp
{
    public ushort Dom;
    public ushort Num;
    public PrivcmdDmOpBuf* Ubufs;
}

// ---------------------------------------------------------------- linux/kvm.h

[AbiStruct(ExpectedSize64 = 16)]
public partial struct KvmDirtyTlb
{
    public ulong Bitmap;
    public uint NumDirty;
}

[AbiStruct(ExpectedSize64 = 24)]
public partial struct KvmSevCmd
{
    public uint Id;
    public ulong Data;
    public uint Error;
    public uint SevFd;
}

[AbiStruct(ExpectedSize64 = 40)]
public partial struct KvmSevLaunchStart
{
    public uint Handle;
    public uint Policy;
    public ulong DhUaddr;
    public uint DhLen;
    public ulong SessionUaddr;
    public uint SessionLen;
}

[AbiStruct(ExpectedSize64 = 16)]
public partial struct KvmSevLaunchUpdateData
{
    public ulong Uaddr;
    public uint Len;
}

[AbiStruct(ExpectedSize64 = 16)]
public partial struct KvmSevLaunchMeasure
{
    public ulong Uaddr;
    public uint Len;
}

[AbiStruct(ExpectedSize64 = 24)]
public partial struct KvmSevDbg
{
    public ulong SrcUaddr;
    public ulong DstUaddr;
    public uint Len;
}

[AbiStruct(ExpectedSize64 = 48)]
public partial struct KvmSevLaunchSecret
{
    public ulong HdrUaddr;
    public uint HdrLen;
    public ulong GuestUaddr;
    public uint GuestLen;
    public ulong TransUaddr;
    public uint TransLen;
}

[AbiStruct(ExpectedSize64 = 32)]
public unsafe partial struct KvmSevAttestationReport
{
    public fixed byte Mnonce[16];
    public ulong Uaddr;
    public uint Len;
}

/// <summary>The anonymous union of <c>struct kvm_dirty_log</c>: a pointer padded to 64 bits.</summary>
[AbiUnion]
public unsafe partial struct KvmDirtyLogBitmap
{
    [FieldOffset(0)] public void* DirtyBitmap;
    [FieldOffset(0)] public ulong Padding2;
}

// The union's members differ in type and nothing in the struct says which is active: ISH111 warns that no
// conversion is generated; the twins (layout only) are still there, and checked against gcc below.
#pragma warning disable ISH111
[AbiStruct(ExpectedSize = 16)]
public partial struct KvmDirtyLog
{
    public uint Slot;
    public uint Padding1;
    public KvmDirtyLogBitmap U;
}
#pragma warning restore ISH111

// ---------------------------------------------------------------- the 32-bit peer's own test structs (Peer32/peer.c)

/// <summary>A <c>__u64</c> after a <c>__u32</c>: at 4 on i386, at 8 elsewhere.</summary>
[AbiStruct(ExpectedSize64 = 24, CName = "u64_after_u32")]
public partial struct U64AfterU32
{
    public uint A;
    public ulong B;
    public uint C;
}

[AbiStruct(ExpectedSize32 = 12, ExpectedSize64 = 24, CName = "with_pointers")]
public unsafe partial struct WithPointers
{
    public void* P;
    public byte* Q;
    public uint N;
}

[AbiStruct(ExpectedSize32 = 16, ExpectedSize64 = 32, CName = "with_longs")]
public partial struct WithLongs
{
    public CLong L;
    public CULong U;
    public nint N;
    public nuint Z;
}

[InlineArray(3)]
public struct ThreeIovecs
{
    private PrivcmdDmOpBuf _element;
}

/// <summary>Nested twins and an [InlineArray] of them.</summary>
[AbiStruct(CName = "nested")]
public unsafe partial struct Nested
{
    public ushort Tag;
    public ThreeIovecs Bufs;
    public U64AfterU32 Inner;
    public fixed uint Words[2];
}

/// <summary>A <c>__u64</c> after a <c>__u32</c> and nothing after it: 12 bytes on i386, not a multiple of 8.</summary>
[AbiStruct(ExpectedSize64 = 16, CName = "u64_after_u32_short")]
public partial struct U64AfterU32Short
{
    public uint A;
    public ulong B;
}

[InlineArray(3)]
public struct ThreeShorts
{
    private U64AfterU32Short _element;
}

/// <summary>An array of structs with 64-bit members: its i386 twin holds an [InlineArray] of 12-byte twins.</summary>
[AbiStruct(ExpectedSize64 = 56, CName = "array_of_shorts")]
public partial struct ArrayOfShorts
{
    public uint N;
    public ThreeShorts Items;
}

// ---------------------------------------------------------------- a peer's bytes in its own byte order

/// <summary><c>struct peer_inner</c> of Peers/peer-record.c.</summary>
[AbiStruct(CName = "peer_inner")]
public partial struct PeerInner
{
    public ushort A;
    public uint B;
}

[InlineArray(2)]
public struct TwoPeerInners
{
    private PeerInner _element;
}

/// <summary><c>struct peer_record</c> of Peers/peer-record.c: every kind of scalar a twin converts, and a nested array.</summary>
[AbiStruct(CName = "peer_record", AllowAbiDifferences = true)]
public unsafe partial struct PeerRecord
{
    public uint Tag;
    public CLong L;
    public CULong Ul;
    public void* P;
    public ulong Big;
    public short S;
    public TwoPeerInners In;
    public fixed byte Bytes[3];
    public double D;
}
