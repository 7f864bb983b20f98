// linux/if.h (struct ifreq, its unions, struct ifmap, struct if_settings) with struct sockaddr (probe/userspace-stub:
// the kernel's declaration, which linux/if.h takes from the C library) and the SIOCGIF* requests of linux/sockios.h.
using System.Runtime.InteropServices;
using IoctlSharp.Conformance.Tests.Probe;

namespace IoctlSharp.Conformance.Tests.Headers.If;

/// <summary><c>struct sockaddr</c>: one C word, so <c>Sockaddr</c> (the default C name of <c>SockAddr</c> would be sock_addr).</summary>
[AbiStruct(ExpectedSize = 16)]
public unsafe partial struct Sockaddr
{
    public ushort SaFamily;
    public fixed byte SaData[14];
}

[AbiStruct]
public partial struct Ifmap
{
    public CULong MemStart;
    public CULong MemEnd;
    public ushort BaseAddr;
    public byte Irq;
    public byte Dma;
    public byte Port;
}

// linux/hdlc/ioctl.h (included by linux/if.h): typedefs of untagged structs, spelled without "struct".

[AbiStruct, CType("sync_serial_settings")]
public partial struct SyncSerialSettings
{
    public uint ClockRate;
    public uint ClockType;
    public ushort Loopback;
}

[AbiStruct, CType("te1_settings")]
public partial struct Te1Settings
{
    public uint ClockRate;
    public uint ClockType;
    public ushort Loopback;
    public uint SlotMap;
}

[AbiStruct, CType("raw_hdlc_proto")]
public partial struct RawHdlcProto
{
    public ushort Encoding;
    public ushort Parity;
}

[AbiStruct, CType("cisco_proto")]
public partial struct CiscoProto
{
    public uint Interval;
    public uint Timeout;
}

/// <summary><c>ifs_ifsu</c>: pointers to the protocol settings (linux/hdlc/ioctl.h), declared as <c>void *</c>.</summary>
[AbiUnion, CAnonymousType]
public unsafe partial struct IfSettingsIfsu
{
    [FieldOffset(0)] public void* RawHdlc;
    [FieldOffset(0)] public void* Cisco;
    [FieldOffset(0)] public void* Fr;
    [FieldOffset(0)] public void* FrPvc;
    [FieldOffset(0)] public void* FrPvcInfo;
    [FieldOffset(0)] public void* X25;
    [FieldOffset(0)] public void* Sync;
    [FieldOffset(0)] public void* Te1;
}

[AbiStruct(AllowAbiDifferences = true)]
public partial struct IfSettings
{
    public uint Type;
    public uint Size;
    public IfSettingsIfsu IfsIfsu;
}

/// <summary><c>ifr_ifrn</c>: the interface name (C code reaches it as <c>ifr_name</c>, a macro).</summary>
[AbiUnion, CAnonymousType]
public unsafe partial struct IfreqName
{
    [FieldOffset(0), AbiString(AbiStringEncoding.Utf8), AbiName("ifrn_name")] public fixed byte Name[16];
}

/// <summary><c>ifr_ifru</c>: what the request reads or writes.</summary>
[AbiUnion(ActiveMemberChosenBy = "the request"), CAnonymousType]
public unsafe partial struct IfreqData
{
    [FieldOffset(0), AbiName("ifru_addr")] public Sockaddr Addr;
    [FieldOffset(0), AbiName("ifru_dstaddr")] public Sockaddr Dstaddr;
    [FieldOffset(0), AbiName("ifru_broadaddr")] public Sockaddr Broadaddr;
    [FieldOffset(0), AbiName("ifru_netmask")] public Sockaddr Netmask;
    [FieldOffset(0), AbiName("ifru_hwaddr")] public Sockaddr Hwaddr;
    [FieldOffset(0), AbiName("ifru_flags")] public short Flags;
    [FieldOffset(0), AbiName("ifru_ivalue")] public int Ivalue;
    [FieldOffset(0), AbiName("ifru_mtu")] public int Mtu;
    [FieldOffset(0), AbiName("ifru_map")] public Ifmap Map;
    [FieldOffset(0), AbiString, AbiName("ifru_slave")] public fixed byte Slave[16];
    [FieldOffset(0), AbiString, AbiName("ifru_newname")] public fixed byte Newname[16];
    [FieldOffset(0), AbiName("ifru_data")] public void* Data;
    [FieldOffset(0), AbiName("ifru_settings")] public IfSettings Settings;
}

/// <summary><c>struct ifreq</c>: <c>Ifreq</c> would be named by default; <c>IfReq</c> needs <c>CName</c>.</summary>
[AbiStruct(CName = "ifreq", ExpectedSize32 = 32, ExpectedSize64 = 40, AllowAbiDifferences = true)]
public partial struct IfReq
{
    [AbiName("ifr_ifrn")] public IfreqName Ifrn;
    [AbiName("ifr_ifru")] public IfreqData Ifru;
}

/// <summary><c>ifc_ifcu</c>: the caller's buffer, as bytes or as ifreqs.</summary>
[AbiUnion, CAnonymousType]
public unsafe partial struct IfconfBuffer
{
    [FieldOffset(0)] public byte* IfcuBuf;
    [FieldOffset(0)] public IfReq* IfcuReq;
}

/// <summary><c>struct ifconf</c> (SIOCGIFCONF): one C word, so <c>Ifconf</c> needs no <c>CName</c>.</summary>
[AbiStruct(AllowAbiDifferences = true)]
public partial struct Ifconf
{
    public int IfcLen;
    public IfconfBuffer IfcIfcu;
}

/// <summary>linux/sockios.h: the requests that take a struct ifreq or ifconf, plain numbers on every target (the other SIOC* are in Sockios.cs).</summary>
[IoctlGroup(0x89)]
public static partial class Sockios
{
    [IoctlRequest(0x8910, Name = "SIOCGIFNAME")]
    public static partial void GetInterfaceName(SafeHandle socket, ref IfReq request);

    [IoctlRequest(0x8912, Name = "SIOCGIFCONF")]
    public static partial void GetInterfaceList(SafeHandle socket, ref Ifconf request);

    [IoctlRequest(0x8913, Name = "SIOCGIFFLAGS")]
    public static partial void GetInterfaceFlags(SafeHandle socket, ref IfReq request);

    [IoctlRequest(0x8933, Name = "SIOCGIFINDEX")]
    public static partial void GetInterfaceIndex(SafeHandle socket, ref IfReq request);

    [IoctlRequest(0x8914, Name = "SIOCSIFFLAGS")]
    public static partial void SetInterfaceFlags(SafeHandle socket, ref IfReq request);

    [IoctlRequest(0x8915, Name = "SIOCGIFADDR")]
    public static partial void GetInterfaceAddress(SafeHandle socket, ref IfReq request);

    [IoctlRequest(0x8921, Name = "SIOCGIFMTU")]
    public static partial void GetInterfaceMtu(SafeHandle socket, ref IfReq request);

    [IoctlRequest(0x8927, Name = "SIOCGIFHWADDR")]
    public static partial void GetInterfaceHardwareAddress(SafeHandle socket, ref IfReq request);

    [IoctlRequest(0x8970, Name = "SIOCGIFMAP")]
    public static partial void GetInterfaceMap(SafeHandle socket, ref IfReq request);
}
