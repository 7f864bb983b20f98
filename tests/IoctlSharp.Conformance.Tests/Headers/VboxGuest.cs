// linux/vboxguest.h and linux/vbox_vmmdev_types.h, declared with IoctlSharp.
using System;
using System.Runtime.InteropServices;
using IoctlSharp.Conformance.Tests.Probe;

namespace IoctlSharp.Conformance.Tests.Headers.VboxGuest;

[AbiStruct(ExpectedSize = 24)]
public partial struct VbgIoctlHdr
{
    public uint SizeIn;
    public uint Version;
    public uint Type;
    public int Rc;
    public uint SizeOut;
    public uint Reserved;
}

// ---------------------------------------------------------------- vbox_vmmdev_types.h

public enum VmmdevHgcmServiceLocationType : uint
{
    Invalid = 0,
    Localhost = 1,
    LocalhostExisting = 2,
    SizeHack = 0x7fffffff,
}

public enum VmmdevHgcmFunctionParameterType : uint
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
    SizeHack = 0x7fffffff,
}

[AbiStruct(ExpectedSize = 128)]
public unsafe partial struct VmmdevHgcmServiceLocationLocalhost
{
    public fixed byte ServiceName[128];
}

[AbiUnion, CAnonymousType]
public partial struct VmmdevHgcmServiceLocationU
{
    [FieldOffset(0)] public VmmdevHgcmServiceLocationLocalhost Localhost;
}

[AbiStruct(ExpectedSize = 132)]
public partial struct VmmdevHgcmServiceLocation
{
    public VmmdevHgcmServiceLocationType Type;
    public VmmdevHgcmServiceLocationU U;
}

// The 32-bit parameter, declared as the header spells it: the address is __u32.

[AbiUnion, CAnonymousType]
public partial struct VmmdevHgcmFunctionParameter32PointerU
{
    [FieldOffset(0)] public uint PhysAddr;
    [FieldOffset(0)] public uint LinearAddr;
}

[AbiStruct, CAnonymousType]
public partial struct VmmdevHgcmFunctionParameter32Pointer
{
    public uint Size;
    public VmmdevHgcmFunctionParameter32PointerU U;
}

[AbiStruct, CAnonymousType]
public partial struct VmmdevHgcmFunctionParameterPageList
{
    public uint Size;
    public uint Offset;
}

[AbiUnion(Pack = 1), CAnonymousType]
public partial struct VmmdevHgcmFunctionParameter32U
{
    [FieldOffset(0)] public uint Value32;
    [FieldOffset(0)] public ulong Value64;
    [FieldOffset(0)] public VmmdevHgcmFunctionParameter32Pointer Pointer;
    [FieldOffset(0)] public VmmdevHgcmFunctionParameterPageList PageList;
}

[AbiStruct(Pack = 1, ExpectedSize = 12)]
public partial struct VmmdevHgcmFunctionParameter32
{
    public VmmdevHgcmFunctionParameterType Type;
    public VmmdevHgcmFunctionParameter32U U;
}

// The 64-bit parameter with nuint addresses: one declaration that is vmmdev_hgcm_function_parameter64 on LP64
// targets (16 bytes) and vmmdev_hgcm_function_parameter32 on ILP32 targets (12 bytes), as the header's
// `#define vmmdev_hgcm_function_parameter` picks by __BITS_PER_LONG.

[AbiUnion(Pack = 1), CAnonymousType]
public partial struct VmmdevHgcmFunctionParameterPointerU
{
    [FieldOffset(0)] public nuint PhysAddr;
    [FieldOffset(0)] public nuint LinearAddr;
}

[AbiStruct(Pack = 1), CAnonymousType]
public partial struct VmmdevHgcmFunctionParameterPointer
{
    public uint Size;
    public VmmdevHgcmFunctionParameterPointerU U;
}

[AbiUnion(Pack = 1), CAnonymousType]
public partial struct VmmdevHgcmFunctionParameterU
{
    [FieldOffset(0)] public uint Value32;
    [FieldOffset(0)] public ulong Value64;
    [FieldOffset(0)] public VmmdevHgcmFunctionParameterPointer Pointer;
    [FieldOffset(0)] public VmmdevHgcmFunctionParameterPageList PageList;
}

[AbiStruct(Pack = 1, ExpectedSize32 = 12, ExpectedSize64 = 16)]
[CType("struct vmmdev_hgcm_function_parameter64", Ilp32Spelling = "struct vmmdev_hgcm_function_parameter32")]
public partial struct VmmdevHgcmFunctionParameter64
{
    public VmmdevHgcmFunctionParameterType Type;
    public VmmdevHgcmFunctionParameterU U;
}

[AbiStruct(ExpectedSize = 16)]
public unsafe partial struct VmmdevHgcmPagelist
{
    public uint Flags;
    public ushort OffsetFirstPage;
    public ushort PageCount;
    public fixed ulong Pages[1];
}

// ---------------------------------------------------------------- vboxguest.h

[AbiStruct, CAnonymousType]
public partial struct VbgIoctlDriverVersionInfoIn
{
    public uint ReqVersion;
    public uint MinVersion;
    public uint Reserved1;
    public uint Reserved2;
}

[AbiStruct, CAnonymousType]
public partial struct VbgIoctlDriverVersionInfoOut
{
    public uint SessionVersion;
    public uint DriverVersion;
    public uint DriverRevision;
    public uint Reserved1;
    public uint Reserved2;
}

[AbiUnion, CAnonymousType]
public partial struct VbgIoctlDriverVersionInfoU
{
    [FieldOffset(0)] public VbgIoctlDriverVersionInfoIn In;
    [FieldOffset(0)] public VbgIoctlDriverVersionInfoOut Out;
}

[AbiStruct(ExpectedSize = 24 + 20)]
public partial struct VbgIoctlDriverVersionInfo
{
    public VbgIoctlHdr Hdr;
    public VbgIoctlDriverVersionInfoU U;
}

[AbiStruct, CAnonymousType]
public partial struct VbgIoctlHgcmConnectIn
{
    public VmmdevHgcmServiceLocation Loc;
}

[AbiStruct, CAnonymousType]
public partial struct VbgIoctlClientId
{
    public uint ClientId;
}

[AbiUnion, CAnonymousType]
public partial struct VbgIoctlHgcmConnectU
{
    [FieldOffset(0)] public VbgIoctlHgcmConnectIn In;
    [FieldOffset(0)] public VbgIoctlClientId Out;
}

[AbiStruct(ExpectedSize = 24 + 132)]
public partial struct VbgIoctlHgcmConnect
{
    public VbgIoctlHdr Hdr;
    public VbgIoctlHgcmConnectU U;
}

[AbiUnion, CAnonymousType]
public partial struct VbgIoctlHgcmDisconnectU
{
    [FieldOffset(0)] public VbgIoctlClientId In;
}

[AbiStruct(ExpectedSize = 24 + 4)]
public partial struct VbgIoctlHgcmDisconnect
{
    public VbgIoctlHdr Hdr;
    public VbgIoctlHgcmDisconnectU U;
}

[AbiStruct(ExpectedSize = 24 + 16)]
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

[AbiStruct, CAnonymousType]
public unsafe partial struct VbgIoctlLogIn
{
    public fixed byte Msg[1];
}

[AbiUnion, CAnonymousType]
public partial struct VbgIoctlLogU
{
    [FieldOffset(0)] public VbgIoctlLogIn In;
}

[AbiStruct]
public partial struct VbgIoctlLog
{
    public VbgIoctlHdr Hdr;
    public VbgIoctlLogU U;
}

[AbiStruct, CAnonymousType]
public partial struct VbgIoctlWaitForEventsIn
{
    public uint TimeoutMs;
    public uint Events;
}

[AbiStruct, CAnonymousType]
public partial struct VbgIoctlWaitForEventsOut
{
    public uint Events;
}

[AbiUnion, CAnonymousType]
public partial struct VbgIoctlWaitForEventsU
{
    [FieldOffset(0)] public VbgIoctlWaitForEventsIn In;
    [FieldOffset(0)] public VbgIoctlWaitForEventsOut Out;
}

[AbiStruct(ExpectedSize = 24 + 8)]
public partial struct VbgIoctlWaitForEvents
{
    public VbgIoctlHdr Hdr;
    public VbgIoctlWaitForEventsU U;
}

[AbiStruct, CAnonymousType]
public partial struct VbgIoctlMasks
{
    public uint OrMask;
    public uint NotMask;
}

[AbiUnion, CAnonymousType]
public partial struct VbgIoctlChangeFilterU
{
    [FieldOffset(0)] public VbgIoctlMasks In;
}

[AbiStruct(ExpectedSize = 24 + 8)]
public partial struct VbgIoctlChangeFilter
{
    public VbgIoctlHdr Hdr;
    public VbgIoctlChangeFilterU U;
}

[AbiStruct, CAnonymousType]
public partial struct VbgIoctlAcquireGuestCapsIn
{
    public uint Flags;
    public uint OrMask;
    public uint NotMask;
}

[AbiUnion, CAnonymousType]
public partial struct VbgIoctlAcquireGuestCapsU
{
    [FieldOffset(0)] public VbgIoctlAcquireGuestCapsIn In;
}

[AbiStruct(ExpectedSize = 24 + 12)]
public partial struct VbgIoctlAcquireGuestCaps
{
    public VbgIoctlHdr Hdr;
    public VbgIoctlAcquireGuestCapsU U;
}

[AbiStruct, CAnonymousType]
public partial struct VbgIoctlSetGuestCapsOut
{
    public uint SessionCaps;
    public uint GlobalCaps;
}

[AbiUnion, CAnonymousType]
public partial struct VbgIoctlSetGuestCapsU
{
    [FieldOffset(0)] public VbgIoctlMasks In;
    [FieldOffset(0)] public VbgIoctlSetGuestCapsOut Out;
}

[AbiStruct(ExpectedSize = 24 + 8)]
public partial struct VbgIoctlSetGuestCaps
{
    public VbgIoctlHdr Hdr;
    public VbgIoctlSetGuestCapsU U;
}

[AbiStruct, CAnonymousType]
public unsafe partial struct VbgIoctlCheckBalloonOut
{
    public uint BalloonChunks;
    public byte HandleInR3;
    public fixed byte Padding[3];
}

[AbiUnion, CAnonymousType]
public partial struct VbgIoctlCheckBalloonU
{
    [FieldOffset(0)] public VbgIoctlCheckBalloonOut Out;
}

[AbiStruct(ExpectedSize = 24 + 8)]
public partial struct VbgIoctlCheckBalloon
{
    public VbgIoctlHdr Hdr;
    public VbgIoctlCheckBalloonU U;
}

[AbiStruct, CAnonymousType]
public partial struct VbgIoctlWriteCoredumpIn
{
    public uint Flags;
}

[AbiUnion, CAnonymousType]
public partial struct VbgIoctlWriteCoredumpU
{
    [FieldOffset(0)] public VbgIoctlWriteCoredumpIn In;
}

[AbiStruct(ExpectedSize = 24 + 4)]
public partial struct VbgIoctlWriteCoredump
{
    public VbgIoctlHdr Hdr;
    public VbgIoctlWriteCoredumpU U;
}

[IoctlGroup('V')]
public static partial class VbgIoctl
{
    [IoctlReadWrite(0, Name = "VBG_IOCTL_DRIVER_VERSION_INFO")]
    public static partial void DriverVersionInfo(SafeHandle vbg, ref VbgIoctlDriverVersionInfo info);

    [Ioctl(IoctlDirection.ReadWrite, 2, SizeAtCall = true, Name = "VBG_IOCTL_VMMDEV_REQUEST"), CMacroArgument(48)]
    public static partial void VmmdevRequest(SafeHandle vbg, Span<byte> request);

    [IoctlNone(3, Name = "VBG_IOCTL_VMMDEV_REQUEST_BIG")]
    public static partial void VmmdevRequestBig(SafeHandle vbg, Span<byte> request);

    [IoctlReadWrite(4, Name = "VBG_IOCTL_HGCM_CONNECT")]
    public static partial void HgcmConnect(SafeHandle vbg, ref VbgIoctlHgcmConnect connect);

    [IoctlReadWrite(5, Name = "VBG_IOCTL_HGCM_DISCONNECT")]
    public static partial void HgcmDisconnect(SafeHandle vbg, ref VbgIoctlHgcmDisconnect disconnect);

    [Ioctl(IoctlDirection.ReadWrite, 6, SizeAtCall = true, Name = "VBG_IOCTL_HGCM_CALL_32"), CMacroArgument(40 + 3 * 12)]
    public static partial void HgcmCall32(SafeHandle vbg, Span<byte> call);

    [Ioctl(IoctlDirection.ReadWrite, 7, SizeAtCall = true, Name = "VBG_IOCTL_HGCM_CALL_64"), CMacroArgument(40 + 3 * 16)]
    public static partial void HgcmCall64(SafeHandle vbg, Span<byte> call);

    /// <summary><c>VBG_IOCTL_LOG(s)</c> is <c>_IO('V', 9)</c>: the size is not in the number.</summary>
    [IoctlNone(9, Name = "VBG_IOCTL_LOG"), CMacroArgument(100)]
    public static partial void Log(SafeHandle vbg, Span<byte> log);

    [IoctlReadWrite(10, Name = "VBG_IOCTL_WAIT_FOR_EVENTS")]
    public static partial void WaitForEvents(SafeHandle vbg, ref VbgIoctlWaitForEvents wait);

    [IoctlReadWrite(11, Name = "VBG_IOCTL_INTERRUPT_ALL_WAIT_FOR_EVENTS")]
    public static partial void InterruptAllWaitForEvents(SafeHandle vbg, ref VbgIoctlHdr hdr);

    [IoctlReadWrite(12, Name = "VBG_IOCTL_CHANGE_FILTER_MASK")]
    public static partial void ChangeFilterMask(SafeHandle vbg, ref VbgIoctlChangeFilter filter);

    [IoctlReadWrite(13, Name = "VBG_IOCTL_ACQUIRE_GUEST_CAPABILITIES")]
    public static partial void AcquireGuestCapabilities(SafeHandle vbg, ref VbgIoctlAcquireGuestCaps caps);

    [IoctlReadWrite(14, Name = "VBG_IOCTL_CHANGE_GUEST_CAPABILITIES")]
    public static partial void ChangeGuestCapabilities(SafeHandle vbg, ref VbgIoctlSetGuestCaps caps);

    [IoctlReadWrite(17, Name = "VBG_IOCTL_CHECK_BALLOON")]
    public static partial void CheckBalloon(SafeHandle vbg, ref VbgIoctlCheckBalloon balloon);

    [IoctlReadWrite(19, Name = "VBG_IOCTL_WRITE_CORE_DUMP")]
    public static partial void WriteCoreDump(SafeHandle vbg, ref VbgIoctlWriteCoredump dump);
}
