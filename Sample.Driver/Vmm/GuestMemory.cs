using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Sample.Driver.Interop;

namespace Sample.Driver.Vmm;

/// <summary>
/// Guest RAM: an anonymous mapping of <see cref="Size"/> bytes between two inaccessible guard pages, so that a
/// host bug that strays outside guest RAM faults at once instead of reading or corrupting the host's memory.
/// Every access from the host goes through the bounds checks here: addresses come from the guest, and guest
/// memory is untrusted input.
/// </summary>
public sealed unsafe class GuestMemory : IDisposable
{
    public const int PageSize = 4096;

    private byte* _mapping;
    private readonly nuint _mappingSize;

    /// <summary>Maps <paramref name="size"/> bytes (a multiple of the page size) of zeroed guest RAM.</summary>
    public GuestMemory(ulong size)
    {
        if (size == 0 || size % PageSize != 0 || size > (1UL << 40))
            throw new ArgumentOutOfRangeException(nameof(size), size, "guest RAM must be a non-zero multiple of 4 KiB");
        _mappingSize = (nuint)(size + 2 * PageSize);
        _mapping = Libc.Mmap(_mappingSize, Libc.ProtNone, Libc.MapPrivate | Libc.MapAnonymous | Libc.MapNoReserve);
        Base = _mapping + PageSize;
        Size = size;
        Libc.Mprotect(Base, (nuint)size, Libc.ProtRead | Libc.ProtWrite);
    }

    /// <summary>The host address of guest-physical address 0.</summary>
    public byte* Base { get; }

    /// <summary>The size of guest RAM in bytes.</summary>
    public ulong Size { get; }

    /// <summary>True when [<paramref name="gpa"/>, <paramref name="gpa"/> + <paramref name="length"/>) lies inside guest RAM.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Contains(ulong gpa, ulong length) => gpa <= Size && length <= Size - gpa;

    /// <summary>The bytes at [gpa, gpa + length), or false when any of them is outside guest RAM (or length exceeds int).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TrySlice(ulong gpa, ulong length, out Span<byte> bytes)
    {
        if (!Contains(gpa, length) || length > int.MaxValue)
        {
            bytes = default;
            return false;
        }
        bytes = new Span<byte>(Base + gpa, (int)length);
        return true;
    }

    /// <summary>Copies a <typeparamref name="T"/> out of guest RAM (once: later guest writes do not change the copy).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryRead<T>(ulong gpa, out T value) where T : unmanaged
    {
        if (!Contains(gpa, (ulong)sizeof(T)))
        {
            value = default;
            return false;
        }
        value = Unsafe.ReadUnaligned<T>(Base + gpa);
        return true;
    }

    /// <summary>Writes a <typeparamref name="T"/> into guest RAM; false (nothing written) when it does not fit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryWrite<T>(ulong gpa, in T value) where T : unmanaged
    {
        if (!Contains(gpa, (ulong)sizeof(T)))
            return false;
        Unsafe.WriteUnaligned(Base + gpa, value);
        return true;
    }

    /// <summary>The whole of guest RAM (for building the boot image).</summary>
    public Span<byte> All => new(Base, checked((int)Size));

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_mapping != null)
        {
            Libc.Munmap(_mapping, _mappingSize);
            _mapping = null;
        }
    }
}
