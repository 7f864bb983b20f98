using System;
using System.Collections.Generic;
using System.Text;
using Sample.Driver.Vmm;

namespace Sample.Driver.Hypercalls;

/// <summary>A host service guests reach through HGCM connect, call and disconnect.</summary>
public interface IHgcmService
{
    /// <summary>The name a guest connects to.</summary>
    string Name { get; }

    /// <summary>
    /// Runs <paramref name="function"/> with checked arguments (every buffer lies inside guest RAM, but types and
    /// counts are the guest's: check them). Writes results into 32/64-bit arguments; returns a VBox status.
    /// </summary>
    int Call(uint clientId, uint function, Span<HgcmArgument> args, GuestMemory memory);
}

/// <summary>"Sample.Echo": echo a buffer, upper-case one in place, add a 32-bit and a 64-bit value.</summary>
public sealed class EchoService : IHgcmService
{
    public const uint FnEcho = 1, FnUpper = 2, FnAdd = 3;

    public string Name => "Sample.Echo";

    public int Call(uint clientId, uint function, Span<HgcmArgument> args, GuestMemory memory)
    {
        switch (function)
        {
            case FnEcho:
                // (in buffer, out buffer, out u32 bytes copied)
                if (args.Length != 3 || !args[0].TryInput(memory, out var input) || !args[1].TryOutput(memory, out var output)
                    || args[2].Type != HgcmParameterType.Bit32)
                    return VBoxStatus.InvalidParameter;
                args[2].Value = (uint)input.Length;
                if (input.Length > output.Length)
                    return VBoxStatus.BufferOverflow;
                input.CopyTo(output); // Span.CopyTo is overlap-safe
                return VBoxStatus.Success;

            case FnUpper:
                // (in/out buffer)
                if (args.Length != 1 || !args[0].TryInOut(memory, out var text))
                    return VBoxStatus.InvalidParameter;
                foreach (ref byte b in text)
                    if (b is >= (byte)'a' and <= (byte)'z')
                        b -= 'a' - 'A';
                return VBoxStatus.Success;

            case FnAdd:
                // (u32 a, u64 b, out u64 a + b)
                if (args.Length != 3 || args[0].Type != HgcmParameterType.Bit32 || args[1].Type != HgcmParameterType.Bit64
                    || args[2].Type != HgcmParameterType.Bit64)
                    return VBoxStatus.InvalidParameter;
                args[2].Value = unchecked(args[0].Value + args[1].Value);
                return VBoxStatus.Success;

            default:
                return VBoxStatus.NotSupported;
        }
    }
}

/// <summary>
/// "VBoxGuestPropSvc": a key-value store of guest properties (names and values are NUL-terminated strings in
/// guest buffers). Timestamps come from a logical clock, so a run's transcript is the same every time.
/// </summary>
public sealed class GuestPropertyService : IHgcmService
{
    public const uint FnGetProp = 1, FnSetPropValue = 3, FnDelProp = 4;
    public const int MaxName = 256, MaxValue = 1024, MaxProperties = 256;

    private readonly Dictionary<string, (string Value, ulong Timestamp)> _properties = new(StringComparer.Ordinal);
    private ulong _clock;

    public string Name => "VBoxGuestPropSvc";

    /// <summary>The properties now set (for tests and the summary).</summary>
    public IReadOnlyDictionary<string, (string Value, ulong Timestamp)> Properties => _properties;

    public int Call(uint clientId, uint function, Span<HgcmArgument> args, GuestMemory memory)
    {
        switch (function)
        {
            case FnGetProp:
            {
                // (in name, out value, out u64 timestamp, out u32 bytes needed)
                if (args.Length != 4 || !TryString(args[0], memory, MaxName, out string name) || !args[1].TryOutput(memory, out var value)
                    || args[2].Type != HgcmParameterType.Bit64 || args[3].Type != HgcmParameterType.Bit32)
                    return VBoxStatus.InvalidParameter;
                if (!_properties.TryGetValue(name, out var p))
                    return VBoxStatus.NotFound;
                int needed = Encoding.ASCII.GetByteCount(p.Value) + 1;
                args[2].Value = p.Timestamp;
                args[3].Value = (uint)needed;
                if (needed > value.Length)
                    return VBoxStatus.BufferOverflow;
                int n = Encoding.ASCII.GetBytes(p.Value, value);
                value[n] = 0;
                return VBoxStatus.Success;
            }

            case FnSetPropValue:
            {
                // (in name, in value)
                if (args.Length != 2 || !TryString(args[0], memory, MaxName, out string name) || !TryString(args[1], memory, MaxValue, out string value))
                    return VBoxStatus.InvalidParameter;
                if (!_properties.ContainsKey(name) && _properties.Count >= MaxProperties)
                    return VBoxStatus.TooMuchData;
                _properties[name] = (value, ++_clock);
                return VBoxStatus.Success;
            }

            case FnDelProp:
            {
                if (args.Length != 1 || !TryString(args[0], memory, MaxName, out string name))
                    return VBoxStatus.InvalidParameter;
                _properties.Remove(name);
                return VBoxStatus.Success;
            }

            default:
                return VBoxStatus.NotSupported;
        }
    }

    /// <summary>
    /// A NUL-terminated printable-ASCII string of at most <paramref name="max"/> bytes from an input buffer, copied
    /// out of guest memory before it is checked, so the string checked is the string stored.
    /// </summary>
    private static bool TryString(in HgcmArgument arg, GuestMemory memory, int max, out string value)
    {
        value = "";
        if (!arg.TryInput(memory, out var guestBytes))
            return false;
        Span<byte> bytes = stackalloc byte[MaxValue + 1];
        bytes = bytes[..Math.Min(guestBytes.Length, max + 1)];
        guestBytes[..bytes.Length].CopyTo(bytes);
        int nul = bytes.IndexOf((byte)0);
        if (nul <= 0 || nul > max)
            return false;
        foreach (byte b in bytes[..nul])
            if (b is < 0x20 or > 0x7E)
                return false;
        value = Encoding.ASCII.GetString(bytes[..nul]);
        return true;
    }
}
