using System;
using System.Runtime.InteropServices;
using Sample.Driver.Hypercalls;
using Sample.Driver.Vmm;

namespace Sample.Driver.Fuzz;

/// <summary>
/// Writes well-formed VMMDev requests the way a guest lays them out, into any span (guest RAM, a guest image, a
/// fuzz input): HGCM call parameters in the caller's own ABI, the 32-bit ones through the i386 twin IoctlSharp
/// generates from <see cref="HgcmFunctionParameter"/>.
/// </summary>
public static class GuestRequests
{
    public static readonly int CallSize = Marshal.SizeOf<HgcmCall>();
    public static readonly int ConnectSize = Marshal.SizeOf<HgcmConnect>();
    /// <summary>Offset of the header's rc field.</summary>
    public static readonly int RcOffset = (int)Marshal.OffsetOf<VmmDevRequestHeader>(nameof(VmmDevRequestHeader.Rc));
    /// <summary>Offset of an HGCM request's service result.</summary>
    public static readonly int ResultOffset = (int)Marshal.OffsetOf<HgcmRequestHeader>(nameof(HgcmRequestHeader.Result));

    public static int ParmSize(bool is32) => is32 ? HgcmFunctionParameter.I386.SizeOf : Marshal.SizeOf<HgcmFunctionParameter>();

    /// <summary>A request header with the right version and an rc the host must overwrite.</summary>
    public static VmmDevRequestHeader Header(VmmDevRequestType type, uint size) => new()
    {
        Size = size,
        Version = VmmDevRequestHeader.CurrentVersion,
        RequestType = type,
        Rc = 0x5A5A5A5A,
    };

    /// <summary>An HGCM_CONNECT to <paramref name="service"/>; returns its size.</summary>
    public static unsafe int WriteConnect(Span<byte> at, string service)
    {
        var c = new HgcmConnect();
        c.Header.Header = Header(VmmDevRequestType.HgcmConnect, (uint)ConnectSize);
        c.Header.Result = 0x5A5A5A5A;
        c.Location.Type = HgcmServiceLocationType.LocalhostExisting;
        System.Text.Encoding.ASCII.GetBytes(service, new Span<byte>(c.Location.ServiceName, 127));
        MemoryMarshal.Write(at, in c);
        return ConnectSize;
    }

    /// <summary>Connects to <paramref name="service"/> through a request at <paramref name="at"/>; returns the client id.</summary>
    public static uint Connect(GuestMemory ram, VmmDevice device, string service, ulong at = 0)
    {
        if (!ram.TrySlice(at, (ulong)ConnectSize, out var request))
            throw new ArgumentOutOfRangeException(nameof(at));
        WriteConnect(request, service);
        int rc = device.Handle(at);
        var c = MemoryMarshal.Read<HgcmConnect>(request);
        if (rc != VBoxStatus.Success || c.Header.Result != VBoxStatus.Success)
            throw new InvalidOperationException($"connect to {service}: {VBoxStatus.Name(rc)}, {VBoxStatus.Name(c.Header.Result)}");
        return c.ClientId;
    }

    /// <summary>An HGCM_CALL32 or _CALL64 with <paramref name="parms"/> in the caller's layout; returns its size.</summary>
    public static int WriteCall(Span<byte> at, bool is32, uint client, uint function, ReadOnlySpan<HgcmFunctionParameter> parms)
    {
        int size = CallSize + parms.Length * ParmSize(is32);
        var call = new HgcmCall { ClientId = client, Function = function, ParmCount = (uint)parms.Length };
        call.Header.Header = Header(is32 ? VmmDevRequestType.HgcmCall32 : VmmDevRequestType.HgcmCall64, (uint)size);
        call.Header.Result = 0x5A5A5A5A;
        MemoryMarshal.Write(at, in call);
        for (int i = 0; i < parms.Length; i++)
            WriteParm(at[(CallSize + i * ParmSize(is32))..], is32, parms[i]);
        return size;
    }

    public static void WriteParm(Span<byte> at, bool is32, in HgcmFunctionParameter p)
    {
        if (is32) HgcmFunctionParameter.I386.FromNative(p).Write(at);
        else MemoryMarshal.Write(at, in p);
    }

    /// <summary>Parameter <paramref name="index"/> of the call at the start of <paramref name="request"/>.</summary>
    public static HgcmFunctionParameter ReadParm(ReadOnlySpan<byte> request, bool is32, int index)
    {
        var p = request[(CallSize + index * ParmSize(is32))..];
        return is32 ? HgcmFunctionParameter.I386.Read(p).ToNative() : MemoryMarshal.Read<HgcmFunctionParameter>(p);
    }

    public static HgcmFunctionParameter U32(uint value)
    {
        var p = new HgcmFunctionParameter { Type = HgcmParameterType.Bit32 };
        p.U.Value32 = value;
        return p;
    }

    public static HgcmFunctionParameter U64(ulong value)
    {
        var p = new HgcmFunctionParameter { Type = HgcmParameterType.Bit64 };
        p.U.Value64 = value;
        return p;
    }

    public static HgcmFunctionParameter Buffer(HgcmParameterType type, uint size, ulong address)
    {
        var p = new HgcmFunctionParameter { Type = type };
        p.U.Pointer.Size = size;
        p.U.Pointer.U.LinearAddr = (nuint)address;
        return p;
    }
}
