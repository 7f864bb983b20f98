using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using IoctlSharp.Conformance.Tests.Headers.If;
using IoctlSharp.Conformance.Tests.Headers.IoUring;
using Xunit;

namespace IoctlSharp.Conformance.Tests;

/// <summary>
/// C names, C paths, anonymous members and C strings, on the declarations whose layouts gcc checks (probe.c): the
/// kernel answers the SIOCGIF* requests through the string accessor, and /sys/class/net says what it should answer.
/// </summary>
public sealed class NamesAndStringsTests
{
    private static string Sys(string file) => File.ReadAllText(Path.Combine("/sys/class/net/lo", file)).Trim();

    private static IfReq Request(string name)
    {
        var request = new IfReq();
        request.Ifrn.SetName(name);
        return request;
    }

    // The SIOC* numbers are declared with _IOC(_IOC_NONE, 0x89, nr, 0), which is the kernel's plain number where
    // _IOC_NONE is 0 (x86, arm, arm64, riscv, s390), the hosts these tests run on; the probe checks it on x86.

    [Fact]
    public void SiocgifflagsOnLoopbackReadsTheFlagsSysfsShows()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        var request = Request("lo");
        Sockios.GetInterfaceFlags(socket.SafeHandle, ref request);
        int expected = int.Parse(Sys("flags").AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        // sysfs shows dev->flags; SIOCGIFFLAGS adds IFF_RUNNING (0x40) from the operational state (dev_get_flags).
        Assert.Equal((short)expected, (short)(request.Ifru.Flags & ~0x40));
        Assert.Equal(Sys("operstate") is "up" or "unknown", (request.Ifru.Flags & 0x40) != 0);
        Assert.Equal(1 | 8, request.Ifru.Flags & (1 | 8)); // IFF_UP | IFF_LOOPBACK
        Assert.Equal("lo", request.Ifrn.GetName()); // the kernel leaves the name as it was
    }

    [Fact]
    public void SiocgifindexAndSiocgifnameRoundTripThroughTheStringAccessor()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        var request = Request("lo");
        Sockios.GetInterfaceIndex(socket.SafeHandle, ref request);
        Assert.Equal(int.Parse(Sys("ifindex"), CultureInfo.InvariantCulture), request.Ifru.Ivalue);

        // SIOCGIFNAME: the kernel writes the name of the index into ifr_name.
        var byIndex = new IfReq();
        byIndex.Ifru.Ivalue = request.Ifru.Ivalue;
        Assert.Equal("", byIndex.Ifrn.GetName()); // all zeroes: the empty C string
        Sockios.GetInterfaceName(socket.SafeHandle, ref byIndex);
        Assert.Equal("lo", byIndex.Ifrn.GetName());

        var mtu = Request("lo");
        Sockios.GetInterfaceMtu(socket.SafeHandle, ref mtu);
        Assert.Equal(int.Parse(Sys("mtu"), CultureInfo.InvariantCulture), mtu.Ifru.Mtu);
    }

    [Fact]
    public void AnInterfaceThatDoesNotExistIsEnodev()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        var request = Request("ioctlsharp0");
        var e = Assert.Throws<IoctlException>(() => Sockios.GetInterfaceFlags(socket.SafeHandle, ref request));
        Assert.Equal(19, e.Errno); // ENODEV
        Assert.Equal("SIOCGIFFLAGS", e.RequestName);
    }

    [Fact]
    public unsafe void IfrNameHoldsFifteenBytesAndANulAndNeverTruncates()
    {
        var request = new IfReq();
        request.Ifrn.SetName("0123456789abcde"); // IFNAMSIZ - 1
        Assert.Equal("0123456789abcde", request.Ifrn.GetName());
        Assert.Equal(0, request.Ifrn.Name[15]);

        // Too long: the typed exception, and TrySet leaves every byte as it was.
        Assert.IsType<AbiStringException>(Thrown(ref request, (ref IfReq r) => r.Ifrn.SetName("0123456789abcdef")));
        Assert.False(request.Ifrn.TrySetName("0123456789abcdef"));
        Assert.False(request.Ifrn.TrySetName("a\0b"));
        Assert.Equal("0123456789abcde", request.Ifrn.GetName());

        // A shorter name zeroes the rest: no stale bytes after the NUL.
        request.Ifrn.SetName("lo");
        for (int i = 2; i < 16; i++)
            Assert.Equal(0, request.Ifrn.Name[i]);

        // No NUL in the 16 bytes: no C string.
        for (int i = 0; i < 16; i++)
            request.Ifrn.Name[i] = (byte)'x';
        Assert.IsType<AbiStringException>(Thrown(ref request, (ref IfReq r) => r.Ifrn.GetName()));
        Assert.False(request.Ifrn.TryGetName(out var none));
        Assert.Null(none);
    }

    [Fact]
    public unsafe void AnonymousMembersAreReachedByTheirOwnNamesAtTheirCOffsets()
    {
        // io_uring_sqe's members inside anonymous unions and structs, written through the promoted properties and
        // read back at the offsets AbiStructLayout.Find gives for the C paths (which gcc checks in probe.c).
        var layout = AbiLayout.Native<IoUringSqe>();
        var sqe = new IoUringSqe();
        sqe.CmdOp = 0x11223344;
        sqe.__pad1 = 0x55667788;
        sqe.SpliceOffIn = 0x0102030405060708;
        sqe.FsyncFlags = 0xA1A2A3A4;
        sqe.BufGroup = 0xB1B2;
        sqe.AddrLen = 0xC1C2;
        sqe.__pad3[0] = 0xD1D2;
        sqe.Addr3 = 0xE1E2E3E4E5E6E7E8;
        var bytes = MemoryMarshal.AsBytes(new Span<IoUringSqe>(ref sqe));

        Assert.Equal(0x11223344u, At<uint>(bytes, layout, "cmd_op"));
        Assert.Equal(0x55667788u, At<uint>(bytes, layout, "__pad1"));
        Assert.Equal(0x0102030405060708ul, At<ulong>(bytes, layout, "addr"));
        Assert.Equal(0xA1A2A3A4u, At<uint>(bytes, layout, "rw_flags"));
        Assert.Equal((ushort)0xB1B2, At<ushort>(bytes, layout, "buf_index"));
        Assert.Equal((ushort)0xC1C2, At<ushort>(bytes, layout, "addr_len"));
        Assert.Equal((ushort)0xD1D2, At<ushort>(bytes, layout, "__pad3[0]"));
        Assert.Equal(0xE1E2E3E4E5E6E7E8ul, At<ulong>(bytes, layout, "addr3"));

        // Members of one anonymous union share their bytes; the union members' own names alias the parent's view.
        Assert.Equal(sqe.OffUnion.Off, sqe.Off);
        Assert.Equal(0x5566778811223344ul, sqe.Off);
        Assert.True(Unsafe.AreSame(ref sqe.CmdOp, ref sqe.OffUnion.Cmd.CmdOp));
    }

    [Fact]
    public void FindReadsCPathsThroughNamedMembersArraysAndAnonymousMembers()
    {
        foreach (var target in AbiTargets.All)
        {
            var ifreq = AbiLayout.Of<IfReq>(target);
            var map = ifreq.Find("ifr_ifru.ifru_map");
            var irq = ifreq.Find("ifr_ifru.ifru_map.irq");
            Assert.Equal(map.Offset + map.Nested!.Find("irq").Offset, irq.Offset);
            Assert.Equal(1, irq.Size);
            Assert.Equal("ifr_ifrn", ifreq.Fields[0].CName);
            Assert.Equal("Ifrn", ifreq.Fields[0].Name);
            Assert.Equal("ifreq", ifreq.CName);

            var p = AbiLayout.Of<IoUringParams>(target);
            var resv = p.Find("resv");
            Assert.Equal((resv.Offset + 8, 4, 1), (p.Find("resv[2]").Offset, p.Find("resv[2]").Size, p.Find("resv[2]").Count));
            Assert.Equal(p.Find("sq_off").Offset + 4, p.Find("sq_off.tail").Offset);
            Assert.False(p.TryFind("resv[3]", out _));
            Assert.False(p.TryFind("resv[", out _));
            Assert.False(p.TryFind("sq_off.", out _));
            Assert.False(p.TryFind("SqOff", out _)); // C names, not C# names
            Assert.Throws<KeyNotFoundException>(() => p.Find("sq_off.nope"));

            var sqe = AbiLayout.Of<IoUringSqe>(target);
            var anonymous = sqe.Fields[4];
            Assert.True(anonymous.IsAnonymous);
            Assert.Equal("", anonymous.CName);
            Assert.False(sqe.TryFind("OffUnion", out _)); // an anonymous member has no C path of its own
            Assert.Equal(sqe.Find("off").Offset, sqe.Find("cmd_op").Offset);
        }
    }

    [Fact]
    public void GenericCodeOverLayoutsNeedsOnlyTheInterface()
    {
        Assert.Equal(40, SizeOn<IfReq>(AbiTarget.X86_64));
        Assert.Equal(32, SizeOn<IfReq>(AbiTarget.I386));
    }

    private static T At<T>(ReadOnlySpan<byte> bytes, AbiStructLayout layout, string path) where T : unmanaged
        => MemoryMarshal.Read<T>(bytes[layout.Find(path).Offset..]);

    private delegate void OnRequest(ref IfReq request);

    private static Exception? Thrown(ref IfReq request, OnRequest action)
    {
        try
        {
            action(ref request);
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }

    private static int SizeOn<T>(AbiTarget target) where T : IAbiStruct<T> => AbiLayout.Of<T>(target).Size;
}
