using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using Sample.Driver.Hypercalls.Compat;
using Sample.Driver.Vmm;

namespace Sample.Driver.Hypercalls;

/// <summary>
/// The VMMDev-style hypercall device. A guest writes the guest-physical address of a request to
/// <see cref="Port"/>; <see cref="Handle"/> reads the request from guest RAM, checks it, serves it and writes
/// the answer back. Guest memory is untrusted: every field is read once into a host copy and checked before
/// use, every address and length is checked against guest RAM, and a bad request gets an error status, never
/// an exception or an access outside guest RAM.
/// </summary>
public sealed class VmmDevice
{
    /// <summary>The I/O port a guest writes a request's guest-physical address to (32-bit OUT).</summary>
    public const ushort Port = 0xD020;
    /// <summary>Largest request accepted, header included.</summary>
    public const uint MaxRequestSize = 64 * 1024;
    /// <summary>Largest parameter count of an HGCM call.</summary>
    public const uint MaxParms = 16;
    /// <summary>Largest buffer a parameter may describe.</summary>
    public const uint MaxBuffer = 64 * 1024;
    /// <summary>Most HGCM clients connected at once.</summary>
    public const int MaxClients = 64;
    /// <summary>The host version reported.</summary>
    public const ushort VersionMajor = 7, VersionMinor = 1;
    public const uint VersionBuild = 0, VersionRevision = 6;
    /// <summary>VERR_HGCM_SERVICE_NOT_FOUND.</summary>
    public const int HgcmServiceNotFound = -2900;

    // Where the parameter array starts in each caller's ABI: the offset of HgcmCall's flexible array member.
    private static readonly int s_parms32Offset = IoctlSharp.AbiLayout.Of<HgcmCall>(IoctlSharp.AbiTarget.I386).FlexibleArray!.Offset;
    private static readonly int s_parms64Offset = IoctlSharp.AbiLayout.Native<HgcmCall>().FlexibleArray!.Offset;
    private static readonly ulong s_rcOffset = (ulong)IoctlSharp.AbiLayout.Native<VmmDevRequestHeader>()[nameof(VmmDevRequestHeader.Rc)].Offset;
    private static readonly int s_resultOffset = IoctlSharp.AbiLayout.Native<HgcmRequestHeader>()[nameof(HgcmRequestHeader.Result)].Offset;

    private readonly GuestMemory _memory;
    private readonly TextWriter? _transcript;
    private readonly string _guestName;
    private readonly Dictionary<string, IHgcmService> _services = new(StringComparer.Ordinal);
    private readonly Dictionary<uint, IHgcmService> _clients = new();
    private uint _nextClientId = 1;
    private readonly Func<ulong> _clockMs;
    private string? _detail, _result; // what the transcript line of the request being served adds (only with a transcript)

    /// <summary>
    /// A device for one VM. <paramref name="transcript"/>, when given, gets one line per console write and per
    /// other request (with its status); <paramref name="clockMs"/> is the host clock (Unix milliseconds).
    /// </summary>
    public VmmDevice(GuestMemory memory, string guestName, TextWriter? transcript = null, Func<ulong>? clockMs = null)
    {
        _memory = memory;
        _guestName = guestName;
        _transcript = transcript;
        _clockMs = clockMs ?? (() => (ulong)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        AddService(new EchoService());
        AddService(new GuestPropertyService());
    }

    /// <summary>Counts of what was served.</summary>
    public HypercallStats Stats { get; } = new();

    /// <summary>The services, by name.</summary>
    public IReadOnlyDictionary<string, IHgcmService> Services => _services;

    public void AddService(IHgcmService service) => _services.Add(service.Name, service);

    /// <summary>
    /// Serves the request at guest-physical <paramref name="gpa"/>; returns the status written to its header,
    /// or <see cref="int.MinValue"/> when the header itself is not inside guest RAM (nothing can be written).
    /// </summary>
    public int Handle(ulong gpa)
    {
        if (!_memory.TryRead(gpa, out VmmDevRequestHeader header))
        {
            Stats.CountUnreachable();
            if (_transcript is not null)
                Trace($"request at 0x{gpa:x}: outside guest RAM, ignored");
            return int.MinValue;
        }

        int rc = Serve(gpa, header);
        // The handlers wrote their answers; the status goes into the rc field alone, whatever the outcome.
        _memory.TryWrite(gpa + s_rcOffset, rc);
        Stats.Count(header.RequestType, rc);
        if (_transcript is not null && (header.RequestType != VmmDevRequestType.LogString || rc < 0))
            Trace($"{HypercallStats.Name(header.RequestType)}{_detail} -> {VBoxStatus.Name(rc)}{_result}");
        _detail = _result = null;
        return rc;
    }

    private int Serve(ulong gpa, in VmmDevRequestHeader header)
    {
        if (header.Size < (uint)System.Runtime.CompilerServices.Unsafe.SizeOf<VmmDevRequestHeader>() || header.Size > MaxRequestSize)
            return VBoxStatus.InvalidParameter;
        if (!_memory.TrySlice(gpa, header.Size, out Span<byte> request))
            return VBoxStatus.InvalidParameter; // the request runs past the end of guest RAM
        if (header.Version != VmmDevRequestHeader.CurrentVersion)
            return VBoxStatus.VersionMismatch;

        return header.RequestType switch
        {
            VmmDevRequestType.LogString => LogString(request),
            VmmDevRequestType.GetHostVersion => HostVersion(request),
            VmmDevRequestType.GetHostTime => HostTime(request),
            VmmDevRequestType.HgcmConnect => Connect(request),
            VmmDevRequestType.HgcmDisconnect => Disconnect(request),
            VmmDevRequestType.HgcmCall32 => Call(request, is32: true),
            VmmDevRequestType.HgcmCall64 => Call(request, is32: false),
            _ => VBoxStatus.NotImplemented,
        };
    }

    private static bool TryRead<T>(Span<byte> request, out T value) where T : unmanaged
    {
        if (request.Length < System.Runtime.CompilerServices.Unsafe.SizeOf<T>())
        {
            value = default;
            return false;
        }
        value = MemoryMarshal.Read<T>(request);
        return true;
    }

    private int LogString(Span<byte> request)
    {
        var text = request[System.Runtime.CompilerServices.Unsafe.SizeOf<VmmDevLogString>()..];
        int nul = text.IndexOf((byte)0);
        if (nul >= 0)
            text = text[..nul];
        if (_transcript is not null)
        {
            // Untrusted bytes on the host's terminal: anything but printable ASCII becomes '?'.
            var line = new StringBuilder(_guestName.Length + 2 + text.Length).Append(_guestName).Append("> ");
            foreach (byte b in text)
                line.Append(b is >= 0x20 and < 0x7F ? (char)b : '?');
            _transcript.WriteLine(line.ToString());
        }
        return VBoxStatus.Success;
    }

    private static int HostVersion(Span<byte> request)
    {
        if (!TryRead(request, out VmmDevHostVersion v))
            return VBoxStatus.InvalidParameter;
        v.Major = VersionMajor;
        v.Minor = VersionMinor;
        v.Build = VersionBuild;
        v.Revision = VersionRevision;
        v.Features = 0;
        v.Header.Rc = VBoxStatus.Success;
        MemoryMarshal.Write(request, in v);
        return VBoxStatus.Success;
    }

    private int HostTime(Span<byte> request)
    {
        if (!TryRead(request, out VmmDevHostTime t))
            return VBoxStatus.InvalidParameter;
        t.TimeMs = _clockMs();
        MemoryMarshal.Write(request, in t);
        return VBoxStatus.Success;
    }

    private unsafe int Connect(Span<byte> request)
    {
        if (!TryRead(request, out HgcmConnect c))
            return VBoxStatus.InvalidParameter;
        if (c.Location.Type is not (HgcmServiceLocationType.Localhost or HgcmServiceLocationType.LocalhostExisting))
            return VBoxStatus.InvalidParameter;
        var nameBytes = new ReadOnlySpan<byte>(c.Location.ServiceName, 128);
        int nul = nameBytes.IndexOf((byte)0);
        if (nul <= 0)
            return VBoxStatus.InvalidParameter;
        string name = Encoding.ASCII.GetString(nameBytes[..nul]);
        if (!_services.TryGetValue(name, out var service))
        {
            c.Header.Result = HgcmServiceNotFound;
        }
        else if (_clients.Count >= MaxClients)
        {
            c.Header.Result = VBoxStatus.OutOfRange;
        }
        else
        {
            while (_nextClientId == 0 || _clients.ContainsKey(_nextClientId))
                _nextClientId++;
            c.ClientId = _nextClientId++;
            _clients.Add(c.ClientId, service);
            c.Header.Result = VBoxStatus.Success;
            if (_transcript is not null)
                _detail = $" \"{name}\": client {c.ClientId}";
        }
        MemoryMarshal.Write(request, in c);
        return VBoxStatus.Success;
    }

    private int Disconnect(Span<byte> request)
    {
        if (!TryRead(request, out HgcmDisconnect d))
            return VBoxStatus.InvalidParameter;
        if (!_clients.Remove(d.ClientId))
            return VBoxStatus.InvalidHandle;
        if (_transcript is not null)
            _detail = $" client {d.ClientId}";
        d.Header.Result = VBoxStatus.Success;
        MemoryMarshal.Write(request, in d);
        return VBoxStatus.Success;
    }

    private int Call(Span<byte> request, bool is32)
    {
        if (!TryRead(request, out HgcmCall call))
            return VBoxStatus.InvalidParameter;
        if (call.ParmCount > MaxParms)
            return VBoxStatus.InvalidParameter;
        int parmSize = is32 ? HgcmParameter32.Size : HgcmParameter64.Size;
        int parmsOffset = is32 ? s_parms32Offset : s_parms64Offset;
        int count = (int)call.ParmCount;
        if ((uint)request.Length < (uint)(parmsOffset + count * parmSize))
            return VBoxStatus.InvalidParameter;
        if (!_clients.TryGetValue(call.ClientId, out var service))
            return VBoxStatus.InvalidHandle;

        // Copy, then check, then use: the parameters are copied out of guest memory once, and everything after
        // this line (the checks, the conversions, the service and the write-back) works on the host's copy. Guest
        // memory is never read again for this call, so nothing the guest or the service writes there (a buffer may
        // overlap the parameter array) can change what was checked.
        Span<byte> parms = request.Slice(parmsOffset, count * parmSize);
        Span<byte> copy = stackalloc byte[(int)MaxParms * HgcmParameter64.Size];
        copy = copy[..parms.Length];
        parms.CopyTo(copy);

        Span<HgcmArgument> args = stackalloc HgcmArgument[(int)MaxParms];
        Span<HgcmParameterType> types = stackalloc HgcmParameterType[(int)MaxParms];
        args = args[..count];
        for (int i = 0; i < count; i++)
        {
            var p = copy.Slice(i * parmSize, parmSize);
            HgcmArgument a;
            if (!is32)
                a = HgcmParameter64.Read(p);
            else if (!HgcmParameter32.TryRead(p, out a))
                return VBoxStatus.InvalidParameter; // a type the 32-bit twin's conversion does not know
            switch (a.Type)
            {
                case HgcmParameterType.Bit32:
                case HgcmParameterType.Bit64:
                    break;
                case HgcmParameterType.LinAddr:
                case HgcmParameterType.LinAddrIn:
                case HgcmParameterType.LinAddrOut:
                    if (a.Size > MaxBuffer)
                        return VBoxStatus.TooMuchData;
                    if (!_memory.Contains(a.Address, a.Size))
                        return VBoxStatus.InvalidPointer;
                    break;
                default:
                    return VBoxStatus.InvalidParameter; // page lists, physical addresses and unknown types
            }
            args[i] = a;
            types[i] = a.Type; // the checked type, whatever the service does to its argument
        }

        int result = service.Call(call.ClientId, call.Function, args, _memory);

        // Only the bytes the host owns go back: the value member of each parameter that was checked as a 32- or
        // 64-bit value, in that width, and then the service's result. Nothing is read back first.
        for (int i = 0; i < count; i++)
            HgcmParameterValues.Write(parms.Slice(i * parmSize, parmSize), is32, types[i], args[i].Value);
        if (_transcript is not null)
        {
            _detail = $" {service.Name} function {call.Function} ({count} parameters of {parmSize} bytes)";
            _result = $", service result {VBoxStatus.Name(result)}";
        }
        BinaryPrimitives.WriteInt32LittleEndian(request[s_resultOffset..], result);
        return VBoxStatus.Success;
    }

    private void Trace(string line) => _transcript?.WriteLine("  vmm: " + line);
}
