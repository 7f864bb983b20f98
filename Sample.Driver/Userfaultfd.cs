using System.Runtime.InteropServices;
using IoctlSharp;

namespace Sample.Driver;

// linux/userfaultfd.h: what --lazy-memory needs to serve guest RAM page by page (UffdioApi is in Kvm.cs).

/// <summary><c>struct uffdio_range</c>.</summary>
[AbiStruct(ExpectedSize = 16)]
public partial struct UffdioRange
{
    public ulong Start;
    public ulong Len;
}

/// <summary><c>struct uffdio_register</c>: registers a range; the kernel answers with the ioctls it allows on it.</summary>
[AbiStruct(ExpectedSize = 32)]
public partial struct UffdioRegister
{
    public const ulong ModeMissing = 1; // UFFDIO_REGISTER_MODE_MISSING

    public UffdioRange Range;
    public ulong Mode;
    public ulong Ioctls;
}

/// <summary><c>struct uffdio_copy</c>: atomically fills missing pages and wakes the faulting threads.</summary>
[AbiStruct(ExpectedSize = 40)]
public partial struct UffdioCopy
{
    public ulong Dst;
    public ulong Src;
    public ulong Len;
    public ulong Mode;
    public long Copy; // written by the kernel: bytes copied, or a negative errno
}

/// <summary>
/// <c>struct uffd_msg</c> as read from the userfaultfd, with its <c>arg</c> union spelled as the
/// <c>pagefault</c> member, the only event a MISSING registration without extra features delivers.
/// </summary>
[AbiStruct(ExpectedSize = 32)]
public partial struct UffdMsg
{
    public const byte EventPagefault = 0x12; // UFFD_EVENT_PAGEFAULT

    public byte Event;
    public byte Reserved1;
    public ushort Reserved2;
    public uint Reserved3;
    public ulong PagefaultFlags;
    public ulong PagefaultAddress;
    public uint PagefaultPtid;
    public uint Reserved4;
}

/// <summary>The ioctls on a userfaultfd (UFFDIO = 0xAA).</summary>
[IoctlGroup(0xAA)]
public static partial class Userfaultfd
{
    public const ulong Api = 0xAA; // UFFD_API

    [IoctlReadWrite(0x3F, Name = "UFFDIO_API")]
    public static partial void Handshake(SafeHandle uffd, ref UffdioApi api);

    [IoctlReadWrite(0x00, Name = "UFFDIO_REGISTER")]
    public static partial void Register(SafeHandle uffd, ref UffdioRegister register);

    [IoctlReadWrite(0x03, Name = "UFFDIO_COPY")]
    public static partial void Copy(SafeHandle uffd, ref UffdioCopy copy);
}

/// <summary>/dev/userfaultfd (Linux 6.1 and later): a userfaultfd without the syscall, its access set by the node's permissions.</summary>
[IoctlGroup(0xAA)]
public static partial class UserfaultfdDevice
{
    /// <summary>USERFAULTFD_IOC_NEW: returns a new userfaultfd; the argument is its open flags (O_CLOEXEC, O_NONBLOCK).</summary>
    [IoctlNone(0x00, Name = "USERFAULTFD_IOC_NEW")]
    public static partial int New(SafeHandle device, int flags);
}
