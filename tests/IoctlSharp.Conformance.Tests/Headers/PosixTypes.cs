// linux/posix_types.h (with each target's asm/posix_types.h), and the structs of linux/loop.h, linux/input.h
// and linux/x25.h that use its per-target types; the C side is probe/posix-types.h.
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using IoctlSharp.Conformance.Tests.Probe;

namespace IoctlSharp.Conformance.Tests.Headers.PosixTypes;

/// <summary>struct loop_info (linux/loop.h): __kernel_old_dev_t is 8, 4 or 2 bytes, so it is 168, 160, 140 or 136 bytes.</summary>
[AbiStruct(AllowAbiDifferences = true)]
public unsafe partial struct LoopInfo
{
    public int LoNumber;
    public KernelOldDevT LoDevice;
    public CULong LoInode;
    public KernelOldDevT LoRdevice;
    public int LoOffset;
    public int LoEncryptType;
    public int LoEncryptKeySize;
    public int LoFlags;
    public fixed byte LoName[64]; // LO_NAME_SIZE
    public fixed byte LoEncryptKey[32]; // LO_KEY_SIZE
    public LoInitArray LoInit;
    public fixed byte Reserved[4];
}

[InlineArray(2)]
public struct LoInitArray
{
    private CULong _element0;
}

/// <summary>struct timeval (linux/time.h), as struct input_event holds it.</summary>
[AbiStruct(AllowAbiDifferences = true)]
public partial struct Timeval
{
    public KernelOldTimeT TvSec;
    public KernelSusecondsT TvUsec;
}

/// <summary>struct input_event (linux/input.h).</summary>
[AbiStruct(AllowAbiDifferences = true)]
public partial struct InputEvent
{
    public Timeval Time;
    public ushort Type;
    public ushort Code;
    public int Value;
}

/// <summary>__kernel_fd_set (linux/posix_types.h): <c>unsigned long fds_bits[__FD_SETSIZE / (8 * sizeof(long))]</c>, 16 or 32 of them.</summary>
[AbiStruct(AllowAbiDifferences = true, CName = "__kernel_fd_set"), CType("__kernel_fd_set")]
public partial struct KernelFdSet
{
    [AbiLength("1024 / (8 * sizeof(long))")] public FdsBitsArray FdsBits;
}

[InlineArray(16)]
public struct FdsBitsArray
{
    private CULong _element0;
}

/// <summary>__kernel_fsid_t (asm-generic/posix_types.h): <c>typedef struct { int val[2]; } __kernel_fsid_t</c>, a struct and no integer typedef.</summary>
[AbiStruct(CName = "__kernel_fsid_t"), CType("__kernel_fsid_t")]
public unsafe partial struct KernelFsidT
{
    public fixed int Val[2];
}

/// <summary>struct x25_subscrip_struct (linux/x25.h): <c>char device[200-sizeof(unsigned long)]</c>, 192 or 196 bytes.</summary>
[AbiStruct(AllowAbiDifferences = true)]
public unsafe partial struct X25SubscripStruct
{
    [AbiLength("200 - sizeof(unsigned long)")] public fixed byte Device[192];
    public CULong GlobalFacilMask;
    public uint Extended;
}

/// <summary>
/// Every integer __kernel_* typedef of the runtime (Runtime/KernelTypedefs.cs) as a member of one struct
/// (probe/posix-types.h), so that the probe compares each one's size and alignment with gcc's on every target.
/// </summary>
[AbiStruct(AllowAbiDifferences = true), CType("struct ioctlsharp_kernel_typedefs")]
public partial struct KernelTypedefs
{
    public KernelClockT KernelClock;
    public KernelClockidT KernelClockid;
    public KernelDaddrT KernelDaddr;
    public KernelGid16T KernelGid16;
    public KernelGid32T KernelGid32;
    public KernelGidT KernelGid;
    public KernelInoT KernelIno;
    public KernelIpcPidT KernelIpcPid;
    public KernelKeyT KernelKey;
    public KernelLoffT KernelLoff;
    public KernelLongT KernelLong;
    public KernelModeT KernelMode;
    public KernelMqdT KernelMqd;
    public KernelOffT KernelOff;
    public KernelOldDevT KernelOldDev;
    public KernelOldGidT KernelOldGid;
    public KernelOldTimeT KernelOldTime;
    public KernelOldUidT KernelOldUid;
    public KernelPidT KernelPid;
    public KernelPtrdiffT KernelPtrdiff;
    public KernelSizeT KernelSize;
    public KernelSsizeT KernelSsize;
    public KernelSusecondsT KernelSuseconds;
    public KernelTime64T KernelTime64;
    public KernelTimeT KernelTime;
    public KernelTimerT KernelTimer;
    public KernelUid16T KernelUid16;
    public KernelUid32T KernelUid32;
    public KernelUidT KernelUid;
    public KernelUlongT KernelUlong;
}
