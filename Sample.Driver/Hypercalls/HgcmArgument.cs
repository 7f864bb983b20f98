using System;
using Sample.Driver.Vmm;

namespace Sample.Driver.Hypercalls;

/// <summary>
/// One HGCM call parameter as the host services see it, whatever the caller's ABI: decoded from the guest's
/// vmmdev_hgcm_function_parameter32 or ..64 by <see cref="Compat.HgcmParameter32"/> or
/// <see cref="HgcmParameter64"/>, and already checked: a buffer lies inside guest RAM.
/// </summary>
public struct HgcmArgument
{
    public HgcmParameterType Type;
    /// <summary>The value of a 32- or 64-bit parameter; services write results here.</summary>
    public ulong Value;
    /// <summary>A buffer's size in bytes.</summary>
    public uint Size;
    /// <summary>A buffer's guest address (linear = guest-physical in this VMM's guests).</summary>
    public ulong Address;

    public readonly bool IsBuffer => Type is HgcmParameterType.LinAddr or HgcmParameterType.LinAddrIn or HgcmParameterType.LinAddrOut;

    /// <summary>A buffer the host may read (LINADDR or LINADDR_IN).</summary>
    public readonly bool TryInput(GuestMemory memory, out ReadOnlySpan<byte> bytes)
    {
        bytes = default;
        if (Type is not (HgcmParameterType.LinAddr or HgcmParameterType.LinAddrIn) || !memory.TrySlice(Address, Size, out var span))
            return false;
        bytes = span;
        return true;
    }

    /// <summary>A buffer the host may write (LINADDR or LINADDR_OUT).</summary>
    public readonly bool TryOutput(GuestMemory memory, out Span<byte> bytes)
    {
        bytes = default;
        return Type is HgcmParameterType.LinAddr or HgcmParameterType.LinAddrOut && memory.TrySlice(Address, Size, out bytes);
    }

    /// <summary>A buffer the host reads and writes in place (LINADDR).</summary>
    public readonly bool TryInOut(GuestMemory memory, out Span<byte> bytes)
    {
        bytes = default;
        return Type == HgcmParameterType.LinAddr && memory.TrySlice(Address, Size, out bytes);
    }
}
