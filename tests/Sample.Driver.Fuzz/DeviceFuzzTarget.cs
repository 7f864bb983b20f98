using System;
using System.Buffers.Binary;
using Sample.Driver.Hypercalls;
using Sample.Driver.Vmm;

namespace Sample.Driver.Fuzz;

/// <summary>What the device answered to one hypercall of a fuzz input.</summary>
public readonly record struct HypercallAnswer(uint Gpa, int Rc, int? ServiceResult);

/// <summary>A property of the device that a fuzz input broke: reported to afl-fuzz as a crash, like any exception.</summary>
public sealed class FuzzInvariantException(string message) : Exception(message);

/// <summary>
/// Feeds arbitrary bytes to the hypercall device as a guest would. An input is both the guest's RAM image and the
/// list of its hypercalls:
/// <code>
/// byte 0        the number of hypercalls, less one, modulo <see cref="MaxHypercalls"/>
/// bytes 1..4n   each hypercall's 32-bit guest-physical address (little-endian; missing bytes read as 0)
/// all of it     guest RAM from address 0 (<see cref="RamSize"/> bytes, zero past the input)
/// </code>
/// Before the input runs, a fresh device has connected client 1 to "Sample.Echo" and client 2 to
/// "VBoxGuestPropSvc", so calls can reach the services. An exception out of <see cref="VmmDevice.Handle"/> is a
/// crash; so is an access outside guest RAM (it sits between guard pages) and a broken invariant: the rc is
/// written back exactly when the header is inside RAM, and every status is one the device knows.
/// </summary>
public sealed class DeviceFuzzTarget : IDisposable
{
    public const int RamSize = 64 * 1024;
    public const int MaxHypercalls = 8;
    public const uint EchoClient = 1, PropertyClient = 2;

    private readonly GuestMemory _ram = new(RamSize);

    /// <summary>Runs one input; returns the device's answers in order.</summary>
    public HypercallAnswer[] Run(ReadOnlySpan<byte> input)
    {
        _ram.All.Clear();
        var device = new VmmDevice(_ram, "fuzz");
        if (GuestRequests.Connect(_ram, device, "Sample.Echo") != EchoClient
            || GuestRequests.Connect(_ram, device, "VBoxGuestPropSvc") != PropertyClient)
            throw new InvalidOperationException("the device did not hand out clients 1 and 2");
        _ram.All.Clear();
        input[..Math.Min(input.Length, RamSize)].CopyTo(_ram.All);

        int count = input.IsEmpty ? 1 : 1 + input[0] % MaxHypercalls;
        var answers = new HypercallAnswer[count];
        Span<byte> address = stackalloc byte[4];
        for (int i = 0; i < count; i++)
        {
            address.Clear();
            var from = input.Length > 1 + 4 * i ? input[(1 + 4 * i)..] : default;
            from[..Math.Min(from.Length, 4)].CopyTo(address);
            uint gpa = BinaryPrimitives.ReadUInt32LittleEndian(address);
            var type = _ram.TryRead(gpa + 8UL, out VmmDevRequestType t) ? t : 0; // the type as it stood when sent

            int rc = device.Handle(gpa);

            answers[i] = new HypercallAnswer(gpa, rc, Check(gpa, type, rc));
        }
        if (device.Stats.Total != count + 2)
            throw new FuzzInvariantException($"the device counted {device.Stats.Total} hypercalls, not {count + 2}");
        return answers;
    }

    private int? Check(uint gpa, VmmDevRequestType type, int rc)
    {
        bool headerInRam = _ram.Contains(gpa, 24);
        if (rc == int.MinValue)
        {
            if (headerInRam)
                throw new FuzzInvariantException($"request at 0x{gpa:x}: header inside RAM, but no rc written");
            return null;
        }
        if (!headerInRam)
            throw new FuzzInvariantException($"request at 0x{gpa:x}: header outside RAM, but rc {rc}");
        if (!_ram.TryRead(gpa + 12UL, out int written) || written != rc)
            throw new FuzzInvariantException($"request at 0x{gpa:x}: returned {VBoxStatus.Name(rc)}, wrote {VBoxStatus.Name(written)}");
        KnownStatus(gpa, rc);
        if (rc != VBoxStatus.Success || type is not (VmmDevRequestType.HgcmConnect or VmmDevRequestType.HgcmCall32 or VmmDevRequestType.HgcmCall64 or VmmDevRequestType.HgcmDisconnect))
            return null;
        // The service's result sits in the HGCM header, which may overlap what the service wrote; it must still be a status.
        _ram.TryRead(gpa + 28UL, out int result);
        if (type is VmmDevRequestType.HgcmCall32 or VmmDevRequestType.HgcmCall64)
            KnownStatus(gpa, result);
        return result;
    }

    private static void KnownStatus(uint gpa, int status)
    {
        if (VBoxStatus.Name(status).StartsWith("VERR(", StringComparison.Ordinal) && status != VmmDevice.HgcmServiceNotFound)
            throw new FuzzInvariantException($"request at 0x{gpa:x}: status {status} is none the device answers with");
    }

    public void Dispose() => _ram.Dispose();
}
