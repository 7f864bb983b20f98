// linux/userfaultfd.h, declared with IoctlSharp (this header has no UFFDIO_POISON or UFFDIO_MOVE yet).
using System.Runtime.InteropServices;
using IoctlSharp.Conformance.Tests.Probe;

namespace IoctlSharp.Conformance.Tests.Headers.Userfaultfd;

[AbiStruct(ExpectedSize = 24)]
public partial struct UffdioApi
{
    public ulong Api;
    public ulong Features;
    public ulong Ioctls;
}

[AbiStruct(ExpectedSize = 16)]
public partial struct UffdioRange
{
    public ulong Start;
    public ulong Len;
}

[AbiStruct]
public partial struct UffdioRegister
{
    public UffdioRange Range;
    public ulong Mode;
    public ulong Ioctls;
}

[AbiStruct]
public partial struct UffdioCopy
{
    public ulong Dst;
    public ulong Src;
    public ulong Len;
    public ulong Mode;
    public long Copy;
}

[AbiStruct]
public partial struct UffdioZeropage
{
    public UffdioRange Range;
    public ulong Mode;
    public long Zeropage;
}

[AbiStruct]
public partial struct UffdioWriteprotect
{
    public UffdioRange Range;
    public ulong Mode;
}

[AbiStruct]
public partial struct UffdioContinue
{
    public UffdioRange Range;
    public ulong Mode;
    public long Mapped;
}

[AbiUnion, CAnonymousType]
public partial struct UffdMsgPagefaultFeat
{
    [FieldOffset(0)] public uint Ptid;
}

[AbiStruct, CAnonymousType]
public partial struct UffdMsgPagefault
{
    public ulong Flags;
    public ulong Address;
    public UffdMsgPagefaultFeat Feat;
}

[AbiStruct, CAnonymousType]
public partial struct UffdMsgFork
{
    public uint Ufd;
}

[AbiStruct, CAnonymousType]
public partial struct UffdMsgRemap
{
    public ulong From;
    public ulong To;
    public ulong Len;
}

[AbiStruct, CAnonymousType]
public partial struct UffdMsgRemove
{
    public ulong Start;
    public ulong End;
}

[AbiStruct, CAnonymousType]
public partial struct UffdMsgReserved
{
    public ulong Reserved1;
    public ulong Reserved2;
    public ulong Reserved3;
}

[AbiUnion, CAnonymousType]
public partial struct UffdMsgArg
{
    [FieldOffset(0)] public UffdMsgPagefault Pagefault;
    [FieldOffset(0)] public UffdMsgFork Fork;
    [FieldOffset(0)] public UffdMsgRemap Remap;
    [FieldOffset(0)] public UffdMsgRemove Remove;
    [FieldOffset(0)] public UffdMsgReserved Reserved;
}

/// <summary><c>struct uffd_msg</c>: <c>__attribute__((packed))</c>, 32 bytes.</summary>
[AbiStruct(Pack = 1, ExpectedSize = 32)]
public partial struct UffdMsg
{
    public byte Event;
    public byte Reserved1;
    public ushort Reserved2;
    public uint Reserved3;
    public UffdMsgArg Arg;
}

/// <summary>USERFAULTFD_IOC = UFFDIO = 0xAA.</summary>
[IoctlGroup(0xAA)]
public static partial class UffdIoctl
{
    [IoctlNone(0x00, Name = "USERFAULTFD_IOC_NEW")]
    public static partial int New(SafeHandle userfaultfdDevice, nuint flags);

    [IoctlReadWrite(0x3F, Name = "UFFDIO_API")]
    public static partial void Api(SafeHandle uffd, ref UffdioApi api);

    [IoctlReadWrite(0x00, Name = "UFFDIO_REGISTER")]
    public static partial void Register(SafeHandle uffd, ref UffdioRegister register);

    [IoctlRead(0x01, Name = "UFFDIO_UNREGISTER")]
    public static partial void Unregister(SafeHandle uffd, in UffdioRange range);

    [IoctlRead(0x02, Name = "UFFDIO_WAKE")]
    public static partial void Wake(SafeHandle uffd, in UffdioRange range);

    [IoctlReadWrite(0x03, Name = "UFFDIO_COPY")]
    public static partial void Copy(SafeHandle uffd, ref UffdioCopy copy);

    [IoctlReadWrite(0x04, Name = "UFFDIO_ZEROPAGE")]
    public static partial void Zeropage(SafeHandle uffd, ref UffdioZeropage zeropage);

    [IoctlReadWrite(0x06, Name = "UFFDIO_WRITEPROTECT")]
    public static partial void Writeprotect(SafeHandle uffd, ref UffdioWriteprotect writeprotect);

    [IoctlReadWrite(0x07, Name = "UFFDIO_CONTINUE")]
    public static partial void Continue(SafeHandle uffd, ref UffdioContinue @continue);
}
