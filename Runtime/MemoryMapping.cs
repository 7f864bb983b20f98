using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace IoctlSharp;

/// <summary>The access a mapping allows (<c>PROT_*</c>).</summary>
[Flags]
public enum MemoryProtection
{
    /// <summary><c>PROT_NONE</c>.</summary>
    None = 0,
    /// <summary><c>PROT_READ</c>.</summary>
    Read = 1,
    /// <summary><c>PROT_WRITE</c>.</summary>
    Write = 2,
    /// <summary><c>PROT_EXEC</c>.</summary>
    Execute = 4,
    /// <summary><c>PROT_READ | PROT_WRITE</c>.</summary>
    ReadWrite = Read | Write,
}

/// <summary>
/// A region mapped with mmap(2): a driver's shared structure (the vCPU's <c>kvm_run</c>), guest RAM, or anonymous
/// memory. Every accessor checks its range against the mapping's length; disposing unmaps at once.
/// </summary>
/// <remarks>
/// The spans and references the accessors return point into the mapping: like any span over native memory they
/// must not be used after the mapping is disposed. Access after disposal throws <see cref="ObjectDisposedException"/>.
/// </remarks>
public unsafe class MemoryMapping : SafeHandle
{
    private protected MemoryMapping(nint address, nuint length) : base(-1, ownsHandle: true)
    {
        SetHandle(address);
        Length = length;
    }

    /// <summary>The mapping's length in bytes.</summary>
    public nuint Length { get; }

    /// <summary>The mapping's address (for a kernel structure that takes one: <c>userspace_addr</c>, a UFFDIO range).</summary>
    public nint Address
    {
        get
        {
            ObjectDisposedException.ThrowIf(IsClosed, this);
            return handle;
        }
    }

    /// <inheritdoc/>
    public override bool IsInvalid => handle == 0 || handle == -1;

    /// <summary>Maps <paramref name="length"/> bytes of <paramref name="fd"/> at <paramref name="offset"/>, shared (<c>MAP_SHARED</c>).</summary>
    /// <exception cref="ErrnoException">mmap(2) failed.</exception>
    /// <exception cref="NotAFileDescriptorException"><paramref name="fd"/> does not hold an fd (<see cref="Ioctl"/> says which handles do).</exception>
    public static MemoryMapping Map(SafeHandle fd, nuint length, MemoryProtection protection = MemoryProtection.ReadWrite, long offset = 0)
        => new(MapShared(fd, length, protection, offset), length);

    /// <summary>
    /// Maps a driver's shared structure <typeparamref name="T"/> (the vCPU's <c>struct kvm_run</c>), with
    /// <paramref name="length"/> bytes in all (KVM_GET_VCPU_MMAP_SIZE): at least <c>sizeof(T)</c>.
    /// </summary>
    /// <exception cref="ErrnoException">mmap(2) failed.</exception>
    /// <exception cref="NotAFileDescriptorException"><paramref name="fd"/> does not hold an fd (<see cref="Ioctl"/> says which handles do).</exception>
    public static MemoryMapping<T> Map<T>(SafeHandle fd, nuint length, MemoryProtection protection = MemoryProtection.ReadWrite, long offset = 0)
        where T : unmanaged
    {
        if (length < (nuint)sizeof(T))
            throw new ArgumentOutOfRangeException(nameof(length), length, $"A mapping of {typeof(T).Name} needs at least {sizeof(T)} bytes.");
        return new MemoryMapping<T>(MapShared(fd, length, protection, offset), length);
    }

    /// <summary>Maps <paramref name="length"/> bytes of private zero-filled memory (<c>MAP_PRIVATE | MAP_ANONYMOUS</c>): guest RAM, a userfaultfd range.</summary>
    /// <exception cref="ErrnoException">mmap(2) failed.</exception>
    public static MemoryMapping Anonymous(nuint length, MemoryProtection protection = MemoryProtection.ReadWrite)
    {
        CheckLength(length);
        nint address = Native.Mmap(0, length, (int)protection, Native.MAP_PRIVATE | Native.MAP_ANONYMOUS, -1, 0);
        if (address == -1)
            throw new ErrnoException(Marshal.GetLastPInvokeError(), "mmap", $"of {length} anonymous bytes");
        return new MemoryMapping(address, length);
    }

    /// <summary>The whole mapping as bytes; its length must fit an <see cref="int"/>.</summary>
    public Span<byte> AsSpan() => AsSpan<byte>(0, checked((int)Length));

    /// <summary><paramref name="count"/> values of <typeparamref name="T"/> from <paramref name="offset"/>, bounds-checked.</summary>
    public Span<T> AsSpan<T>(nuint offset, int count) where T : unmanaged
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return new Span<T>(Pointer(offset, (nuint)count * (nuint)sizeof(T)), count);
    }

    /// <summary>A reference to the <typeparamref name="T"/> at <paramref name="offset"/>, bounds-checked.</summary>
    public ref T Ref<T>(nuint offset) where T : unmanaged => ref *(T*)Pointer(offset, (nuint)sizeof(T));

    /// <summary>The address of <paramref name="size"/> bytes at <paramref name="offset"/>, after checking both against the mapping.</summary>
    private void* Pointer(nuint offset, nuint size)
    {
        ObjectDisposedException.ThrowIf(IsClosed, this);
        if (offset > Length || size > Length - offset)
            ThrowOutOfRange(offset, size);
        return (byte*)handle + offset;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ThrowOutOfRange(nuint offset, nuint size)
        => throw new ArgumentOutOfRangeException(nameof(offset), $"{size} bytes at offset {offset} are outside a mapping of {Length} bytes.");

    /// <inheritdoc/>
    protected override bool ReleaseHandle() => Native.Munmap(handle, Length) == 0;

    private static nint MapShared(SafeHandle fd, nuint length, MemoryProtection protection, long offset)
    {
        ArgumentNullException.ThrowIfNull(fd);
        CheckLength(length);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        bool added = false;
        try
        {
            fd.DangerousAddRef(ref added);
            nint address = Native.Mmap(0, length, (int)protection, Native.MAP_SHARED, FileDescriptors.Of(fd, nameof(fd)), checked((nint)offset));
            if (address == -1)
                throw new ErrnoException(Marshal.GetLastPInvokeError(), "mmap", $"of {length} bytes at offset {offset}");
            return address;
        }
        finally
        {
            if (added)
                fd.DangerousRelease();
        }
    }

    private static void CheckLength(nuint length)
    {
        if (length == 0)
            throw new ArgumentOutOfRangeException(nameof(length), "A mapping cannot be empty.");
    }
}

/// <summary>A mapping whose first bytes are a <typeparamref name="T"/>: <see cref="Value"/> is a typed view of it.</summary>
public sealed class MemoryMapping<T> : MemoryMapping where T : unmanaged
{
    internal MemoryMapping(nint address, nuint length) : base(address, length)
    {
    }

    /// <summary>The structure at the start of the mapping.</summary>
    public ref T Value => ref Ref<T>(0);
}
