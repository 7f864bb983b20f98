using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using IoctlSharp;
using Sample.Driver.Fuzz;
using Sample.Driver.Hypercalls;
using Sample.Driver.Vmm;
using Xunit;

namespace Sample.Driver.Tests;

/// <summary>
/// The request parser driven directly on guest memory with a fixed-seed stream of malformed requests. Guest RAM
/// sits between inaccessible guard pages, so a single host access outside it would kill the test run; after
/// each request every byte of guest RAM but the header's rc must be as it was.
/// </summary>
public class MalformedRequestTests
{
    private const ulong RamSize = 64 * 1024;
    private const int Seed = 6;
    private const int Count = 12_000;
    private static readonly int RcOffset = AbiLayout.Of<VmmDevRequestHeader>(AbiTarget.X86_64)["Rc"].Offset;

    private enum Kind
    {
        HeaderOutsideRam, SizeBelowHeader, SizeOverrunsRam, SizeAboveMaximum, WrongVersion, UnknownType,
        TooSmallForType, HugeParmCount, ParmArrayOverrunsRequest, BufferOutsideRam, BufferOverrunsRam, BufferTooLarge,
        UnknownParameterType, UnknownClient, UnterminatedServiceName, BadLocationType, DisconnectUnknownClient, RandomBytes,
    }

    private static readonly VmmDevRequestType[] s_types =
    [
        VmmDevRequestType.GetHostVersion, VmmDevRequestType.GetHostTime, VmmDevRequestType.HgcmConnect,
        VmmDevRequestType.HgcmDisconnect, VmmDevRequestType.HgcmCall32, VmmDevRequestType.HgcmCall64,
    ];

    [Fact]
    public void TwelveThousandMalformedRequestsGetErrorsAndTouchNothingButTheirRc()
    {
        using var ram = new GuestMemory(RamSize);
        var device = new VmmDevice(ram, "fuzz");
        var rng = new Random(Seed);
        uint client = Connect(ram, device);
        var before = new byte[RamSize];
        var seen = new Dictionary<Kind, int>();

        for (int n = 0; n < Count; n++)
        {
            var kind = (Kind)rng.Next(Enum.GetValues<Kind>().Length);
            ram.All.Clear();
            ulong gpa = (ulong)rng.Next(0, (int)RamSize - 4096) & ~3UL;
            var (expected, address) = Build(kind, ram, gpa, rng, client);
            ram.All.CopyTo(before);

            int rc = device.Handle(address);

            seen[kind] = seen.GetValueOrDefault(kind) + 1;
            if (kind == Kind.RandomBytes)
                Assert.True(rc < 0 && rc != int.MinValue, $"request {n} ({kind}) was accepted: {rc}");
            else
                Assert.True(expected == rc, $"request {n} ({kind}) at 0x{gpa:x}: expected {VBoxStatus.Name(expected)}, got {VBoxStatus.Name(rc)}");

            // Nothing but the header's rc field may have changed.
            if (rc != int.MinValue)
                ram.All.Slice((int)gpa + RcOffset, 4).CopyTo(before.AsSpan((int)gpa + RcOffset));
            Assert.True(ram.All.SequenceEqual(before), $"request {n} ({kind}) at 0x{gpa:x} changed guest memory besides its rc");
        }

        Assert.Equal(Enum.GetValues<Kind>().Length, seen.Count);
        Assert.Equal(Count + 1, device.Stats.Total); // all of them, plus the one connect
        Assert.Equal(seen[Kind.HeaderOutsideRam], device.Stats.Unreachable);
        Assert.Equal(Count - seen[Kind.HeaderOutsideRam], device.Stats.Refused);
    }

    [Fact]
    public void AnUnknownFunctionIsTheServicesErrorNotTheRequests()
    {
        using var ram = new GuestMemory(RamSize);
        var device = new VmmDevice(ram, "fuzz");
        uint client = Connect(ram, device);
        WriteCall(ram, 0x100, VmmDevRequestType.HgcmCall64, client, function: 99, parmCount: 0, size: 44);
        Assert.Equal(VBoxStatus.Success, device.Handle(0x100));
        Assert.True(ram.TryRead(0x100, out HgcmRequestHeader h));
        Assert.Equal(VBoxStatus.NotSupported, h.Result);
    }

    private static uint Connect(GuestMemory ram, VmmDevice device) => GuestRequests.Connect(ram, device, "Sample.Echo");

    private static VmmDevRequestHeader Header(VmmDevRequestType type, uint size) => GuestRequests.Header(type, size);

    private static void WriteCall(GuestMemory ram, ulong gpa, VmmDevRequestType type, uint client, uint function, uint parmCount, uint size)
    {
        var call = new HgcmCall { ClientId = client, Function = function, ParmCount = parmCount };
        call.Header.Header = Header(type, size);
        Assert.True(ram.TryWrite(gpa, call));
    }

    private static int ParmSize(VmmDevRequestType type) => AbiLayout.Of<HgcmFunctionParameter>(type == VmmDevRequestType.HgcmCall32 ? AbiTarget.I386 : AbiTarget.X86_64).Size;

    /// <summary>Writes one parameter in the caller's ABI, through the layout IoctlSharp computed for it.</summary>
    private static void WriteParm(GuestMemory ram, ulong at, VmmDevRequestType type, HgcmParameterType parmType, uint size, ulong address)
    {
        var layout = AbiLayout.Of<HgcmFunctionParameter>(type == VmmDevRequestType.HgcmCall32 ? AbiTarget.I386 : AbiTarget.X86_64);
        var u = layout["U"];
        var pointer = u.Nested!["Pointer"];
        var linear = pointer.Nested!["U"].Nested!["LinearAddr"];
        Assert.True(ram.TrySlice(at, (ulong)layout.Size, out var p));
        BinaryPrimitives.WriteUInt32LittleEndian(p[layout["Type"].Offset..], (uint)parmType);
        BinaryPrimitives.WriteUInt32LittleEndian(p[(u.Offset + pointer.Offset + pointer.Nested!["Size"].Offset)..], size);
        int addressAt = u.Offset + pointer.Offset + pointer.Nested!["U"].Offset + linear.Offset;
        if (linear.Size == 4) BinaryPrimitives.WriteUInt32LittleEndian(p[addressAt..], (uint)address);
        else BinaryPrimitives.WriteUInt64LittleEndian(p[addressAt..], address);
    }

    /// <summary>Writes a malformed request of <paramref name="kind"/> at <paramref name="gpa"/>; returns the status it must get.</summary>
    private static (int Expected, ulong Address) Build(Kind kind, GuestMemory ram, ulong gpa, Random rng, uint client)
    {
        if (kind == Kind.HeaderOutsideRam)
        {
            // A header that starts inside RAM but ends past it, starts anywhere beyond it, or whose end wraps around.
            ulong outside = rng.Next(3) switch
            {
                0 => RamSize - (ulong)rng.Next(1, 24),
                1 => RamSize + (ulong)rng.NextInt64(0, uint.MaxValue),
                _ => ulong.MaxValue - (ulong)rng.Next(0, 64),
            };
            return (int.MinValue, outside);
        }
        return (BuildAt(kind, ram, gpa, rng, client), gpa);
    }

    private static int BuildAt(Kind kind, GuestMemory ram, ulong gpa, Random rng, uint client)
    {
        var type = s_types[rng.Next(s_types.Length)];
        var callType = rng.Next(2) == 0 ? VmmDevRequestType.HgcmCall32 : VmmDevRequestType.HgcmCall64;
        int parmSize = ParmSize(callType);
        switch (kind)
        {
            case Kind.SizeBelowHeader:
                ram.TryWrite(gpa, Header(type, (uint)rng.Next(0, 24)));
                return VBoxStatus.InvalidParameter;
            case Kind.SizeOverrunsRam:
                ram.TryWrite(gpa, Header(type, (uint)(RamSize - gpa) + (uint)rng.Next(1, 4096)));
                return VBoxStatus.InvalidParameter;
            case Kind.SizeAboveMaximum:
                ram.TryWrite(gpa, Header(type, VmmDevice.MaxRequestSize + 1 + (uint)rng.Next(0, int.MaxValue)));
                return VBoxStatus.InvalidParameter;
            case Kind.WrongVersion:
            {
                var h = Header(type, 200);
                h.Version = (uint)rng.Next() is var v && v != VmmDevRequestHeader.CurrentVersion ? (uint)v : 0;
                ram.TryWrite(gpa, h);
                return VBoxStatus.VersionMismatch;
            }
            case Kind.UnknownType:
            {
                uint t;
                do t = (uint)rng.NextInt64(0, uint.MaxValue + 1L);
                while (Enum.IsDefined((VmmDevRequestType)t));
                ram.TryWrite(gpa, Header((VmmDevRequestType)t, 200));
                return VBoxStatus.NotImplemented;
            }
            case Kind.TooSmallForType:
            {
                int needed = type switch
                {
                    VmmDevRequestType.GetHostVersion => Marshal.SizeOf<VmmDevHostVersion>(),
                    VmmDevRequestType.GetHostTime => Marshal.SizeOf<VmmDevHostTime>(),
                    VmmDevRequestType.HgcmConnect => Marshal.SizeOf<HgcmConnect>(),
                    VmmDevRequestType.HgcmDisconnect => Marshal.SizeOf<HgcmDisconnect>(),
                    _ => Marshal.SizeOf<HgcmCall>(),
                };
                ram.TryWrite(gpa, Header(type, (uint)rng.Next(24, needed)));
                return VBoxStatus.InvalidParameter;
            }
            case Kind.HugeParmCount:
                WriteCall(ram, gpa, callType, client, 1, (uint)rng.NextInt64(VmmDevice.MaxParms + 1, uint.MaxValue + 1L), 44 + 16 * 16);
                return VBoxStatus.InvalidParameter;
            case Kind.ParmArrayOverrunsRequest:
            {
                uint count = (uint)rng.Next(1, (int)VmmDevice.MaxParms + 1);
                WriteCall(ram, gpa, callType, client, 1, count, 44 + (uint)rng.Next(0, (int)count * parmSize));
                return VBoxStatus.InvalidParameter;
            }
            case Kind.BufferOutsideRam:
            case Kind.BufferOverrunsRam:
            case Kind.BufferTooLarge:
            case Kind.UnknownParameterType:
            {
                uint count = (uint)rng.Next(1, 4);
                WriteCall(ram, gpa, callType, client, 1, count, 44 + count * (uint)parmSize);
                int bad = rng.Next((int)count);
                for (int i = 0; i < count; i++)
                {
                    ulong at = gpa + 44 + (ulong)(i * parmSize);
                    if (i != bad)
                    {
                        WriteParm(ram, at, callType, HgcmParameterType.LinAddrIn, 16, 0x100);
                        continue;
                    }
                    var pt = (HgcmParameterType)rng.Next(4, 7);
                    bool addressFits = callType == VmmDevRequestType.HgcmCall64;
                    switch (kind)
                    {
                        case Kind.BufferOutsideRam:
                            // Beyond RAM; from a 64-bit guest also so high that address + size wraps around.
                            WriteParm(ram, at, callType, pt, (uint)rng.Next(0, 8192), addressFits && rng.Next(2) == 0
                                ? ulong.MaxValue - (ulong)rng.Next(0, 4096)
                                : RamSize + (ulong)(addressFits ? rng.NextInt64(0, long.MaxValue) : rng.NextInt64(0, uint.MaxValue - (long)RamSize)));
                            return VBoxStatus.InvalidPointer;
                        case Kind.BufferOverrunsRam:
                        {
                            ulong start = RamSize - (ulong)rng.Next(1, 4096);
                            WriteParm(ram, at, callType, pt, (uint)(RamSize - start) + (uint)rng.Next(1, 4096), start);
                            return VBoxStatus.InvalidPointer;
                        }
                        case Kind.BufferTooLarge:
                            WriteParm(ram, at, callType, pt, VmmDevice.MaxBuffer + 1 + (uint)rng.Next(), 0);
                            return VBoxStatus.TooMuchData;
                        default:
                        {
                            uint t;
                            do t = (uint)rng.NextInt64(0, uint.MaxValue + 1L);
                            while (t is 1 or 2 or 4 or 5 or 6);
                            WriteParm(ram, at, callType, (HgcmParameterType)t, 16, 0x100);
                            return VBoxStatus.InvalidParameter;
                        }
                    }
                }
                throw new InvalidOperationException();
            }
            case Kind.UnknownClient:
            {
                uint other;
                do other = (uint)rng.NextInt64(0, uint.MaxValue + 1L);
                while (other == client);
                WriteCall(ram, gpa, callType, other, 1, 0, 44);
                return VBoxStatus.InvalidHandle;
            }
            case Kind.UnterminatedServiceName:
            case Kind.BadLocationType:
            {
                var c = new HgcmConnect();
                c.Header.Header = Header(VmmDevRequestType.HgcmConnect, (uint)Marshal.SizeOf<HgcmConnect>());
                unsafe
                {
                    var name = new Span<byte>(c.Location.ServiceName, 128);
                    if (kind == Kind.UnterminatedServiceName)
                    {
                        rng.NextBytes(name);
                        name.Replace((byte)0, (byte)'x');
                        if (rng.Next(2) == 0) name[0] = 0; // an empty name is no name either
                        c.Location.Type = HgcmServiceLocationType.LocalhostExisting;
                    }
                    else
                    {
                        "Sample.Echo"u8.CopyTo(name);
                        c.Location.Type = (HgcmServiceLocationType)(rng.Next(2) == 0 ? 0u : (uint)rng.NextInt64(3, uint.MaxValue + 1L));
                    }
                }
                ram.TryWrite(gpa, c);
                return VBoxStatus.InvalidParameter;
            }
            case Kind.DisconnectUnknownClient:
            {
                var d = new HgcmDisconnect { ClientId = client + 1 + (uint)rng.Next(1000) };
                d.Header.Header = Header(VmmDevRequestType.HgcmDisconnect, (uint)Marshal.SizeOf<HgcmDisconnect>());
                ram.TryWrite(gpa, d);
                return VBoxStatus.InvalidHandle;
            }
            default:
            {
                // Garbage, with a version that is never the right one.
                Assert.True(ram.TrySlice(gpa, 4096, out var bytes));
                rng.NextBytes(bytes);
                if (BinaryPrimitives.ReadUInt32LittleEndian(bytes[4..]) == VmmDevRequestHeader.CurrentVersion)
                    bytes[4] ^= 1;
                return int.MinValue;
            }
        }
    }
}
