using System.Runtime.InteropServices;
using IoctlSharp;

namespace IoctlSharp.Runtime.Tests;

// linux/userfaultfd.h, the parts the tests drive.

/// <summary>A userfaultfd (anon_inode:[userfaultfd]).</summary>
public sealed class UserfaultfdHandle : FileDescriptorHandle
{
    public UserfaultfdHandle()
    {
    }

    public UserfaultfdHandle(int fd) : base(fd, ownsHandle: true)
    {
    }
}

[AbiStruct(ExpectedSize = 24)]
public partial struct UffdioApi
{
    public ulong Api;
    public ulong Features;
    public ulong Ioctls;

    public const ulong UffdApi = 0xAA;
}

[AbiStruct(ExpectedSize = 16)]
public partial struct UffdioRange
{
    public ulong Start;
    public ulong Len;
}

[AbiStruct(ExpectedSize = 32)]
public partial struct UffdioRegister
{
    public UffdioRange Range;
    public ulong Mode;
    public ulong Ioctls;

    public const ulong ModeMissing = 1;
}

[AbiStruct(ExpectedSize = 40)]
public partial struct UffdioCopy
{
    public ulong Dst;
    public ulong Src;
    public ulong Len;
    public ulong Mode;
    public long Copy;
}

/// <summary>
/// <c>arg.pagefault</c> of <c>struct uffd_msg</c>, the only event the tests ask for; the padding stands for the rest of
/// the 24-byte union (its <c>reserved</c> member), which on i386 is larger than this member alone.
/// </summary>
[AbiStruct(ExpectedSize = 24)]
public partial struct UffdPagefault
{
    public ulong Flags;
    public ulong Address;
    public uint Ptid;
    public uint Padding;
}

[AbiStruct(ExpectedSize = 32)]
public partial struct UffdMsg
{
    public byte Event;
    public byte Reserved1;
    public ushort Reserved2;
    public uint Reserved3;
    public UffdPagefault Pagefault;

    public const byte EventPagefault = 0x12;
}

/// <summary>/dev/userfaultfd: USERFAULTFD_IOC = 0xAA.</summary>
[IoctlGroup(0xAA)]
public static partial class UserfaultfdDevice
{
    [IoctlNone(0x00, Name = "USERFAULTFD_IOC_NEW")]
    public static partial UserfaultfdHandle New(SafeHandle device, int flags);
}

/// <summary>The ioctls on a userfaultfd: UFFDIO = 0xAA.</summary>
[IoctlGroup(0xAA)]
public static partial class Userfaultfd
{
    [IoctlReadWrite(0x3F, Name = "UFFDIO_API")]
    public static partial void Api(SafeHandle uffd, ref UffdioApi api);

    [IoctlReadWrite(0x00, Name = "UFFDIO_REGISTER")]
    public static partial void Register(SafeHandle uffd, ref UffdioRegister register);

    [IoctlRead(0x01, Name = "UFFDIO_UNREGISTER")]
    public static partial void Unregister(SafeHandle uffd, in UffdioRange range);

    [IoctlReadWrite(0x03, Name = "UFFDIO_COPY")]
    public static partial void Copy(SafeHandle uffd, ref UffdioCopy copy);
}
