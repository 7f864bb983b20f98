using System.Runtime.InteropServices;
using IoctlSharp;

namespace IoctlSharp.Runtime.Tests;

/// <summary><c>struct ifreq</c> as TUNSETIFF reads it: the name, then <c>ifr_flags</c> in the 24-byte union.</summary>
[AbiStruct(ExpectedSize = 40)]
public unsafe partial struct IfReqFlags
{
    [AbiString] public fixed byte Name[16];
    public short Flags;
    public fixed byte Padding[22];

    public const short IffTun = 0x0001, IffNoPi = 0x1000;
}

/// <summary>linux/if_tun.h: TUNSETIFF is <c>_IOW('T', 202, int)</c> though the argument is a <c>struct ifreq</c>.</summary>
[IoctlGroup('T')]
public static partial class Tun
{
    [IoctlWrite(202, Name = "TUNSETIFF", SizeOf = typeof(int))]
    public static partial void SetInterface(SafeHandle tun, ref IfReqFlags request);

    /// <summary>/dev/net/tun, attached to a new tun interface (named by the kernel: tunN), without packet info.</summary>
    public static FileDescriptorHandle OpenInterface(FileDescriptorOpenOptions options) => OpenInterface(options, out _);

    /// <summary>
    /// The same, with the interface's name, which the kernel writes back into the request. The interface is not
    /// persistent: it exists (in /sys/class/net) exactly as long as the fd is open.
    /// </summary>
    public static unsafe FileDescriptorHandle OpenInterface(FileDescriptorOpenOptions options, out string name)
    {
        var tun = FileDescriptorHandle.Open("/dev/net/tun", options);
        var request = new IfReqFlags { Flags = IfReqFlags.IffTun | IfReqFlags.IffNoPi };
        SetInterface(tun, ref request);
        name = request.GetName();
        return tun;
    }
}
