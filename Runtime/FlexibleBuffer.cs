using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace IoctlSharp;

/// <summary>
/// A struct that ends in a flexible array member whose length one of its fields counts
/// (<c>[FlexibleArray(typeof(KvmMsrEntry), CountField = nameof(Nmsrs))]</c>). The generator implements it.
/// </summary>
public interface IFlexibleArray<TSelf, TEntry> : IAbiStruct<TSelf>
    where TSelf : unmanaged, IFlexibleArray<TSelf, TEntry>
    where TEntry : unmanaged
{
    /// <summary>The count field's value, never throwing: a 64-bit count above <see cref="long.MaxValue"/> reads as <see cref="long.MaxValue"/>.</summary>
    static abstract long GetCount(in TSelf self);

    /// <summary>Sets the count field; throws <see cref="OverflowException"/> if the field cannot hold <paramref name="count"/>.</summary>
    static abstract void SetCount(ref TSelf self, int count);
}

/// <summary>
/// A <see cref="FlexibleBuffer{T, TEntry}"/>'s count field says more entries than the buffer holds (or is negative):
/// thrown before any ioctl is issued with the buffer, so the kernel is never told to read or write past it.
/// </summary>
public sealed class FlexibleArrayCountException : InvalidOperationException
{
    internal FlexibleArrayCountException(Type header, long count, int capacity)
        : base($"{header.Name}'s count is {count}, but the buffer holds {capacity} entries.")
    {
        Count = count;
        Capacity = capacity;
    }

    /// <summary>The count field's value (a 64-bit count above <see cref="long.MaxValue"/> reads as <see cref="long.MaxValue"/>).</summary>
    public long Count { get; }

    /// <summary>How many entries the buffer holds.</summary>
    public int Capacity { get; }
}

/// <summary>
/// A header <typeparamref name="T"/> and its flexible array of <typeparamref name="TEntry"/> in one buffer, laid out
/// as C lays them out (<c>struct kvm_msrs</c> and its <c>entries[]</c>). Creating it sets the count field to the
/// number of entries the buffer holds, and <see cref="Count"/>, <see cref="Entries"/> and <see cref="Bytes"/> check
/// it against the buffer's <see cref="Capacity"/>: a count raised after the buffer was made (by the caller, or by a
/// kernel that reports how many entries it needs) throws <see cref="FlexibleArrayCountException"/>, so the count and
/// the span can never disagree, and an ioctl is never issued with a count the buffer cannot hold. Pass it to an
/// ioctl declared with a <c>FlexibleBuffer</c> parameter; the request's size is the header's, as the kernel headers
/// spell it.
/// </summary>
public readonly ref struct FlexibleBuffer<T, TEntry>
    where T : unmanaged, IFlexibleArray<T, TEntry>
    where TEntry : unmanaged
{
    private readonly Span<byte> _bytes;

    /// <summary>
    /// Lays a header and <paramref name="count"/> entries over the start of <paramref name="storage"/> (stack or heap,
    /// <see cref="SizeOf"/> bytes or more), zeroes them and sets the count field.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="storage"/> is shorter than <see cref="SizeOf"/>(<paramref name="count"/>).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative or its size does not fit an <see cref="int"/>.</exception>
    /// <exception cref="OverflowException">The count field's type cannot hold <paramref name="count"/>.</exception>
    public FlexibleBuffer(Span<byte> storage, int count)
    {
        int size = SizeOf(count);
        if (storage.Length < size)
            throw new ArgumentException($"A {typeof(T).Name} with {count} entries needs {size} bytes; the storage has {storage.Length}.", nameof(storage));
        _bytes = storage.Slice(0, size);
        _bytes.Clear();
        T.SetCount(ref Header, count);
    }

    /// <summary>A buffer for <paramref name="count"/> entries on the heap (one allocation; for stack storage use the other constructor).</summary>
    public FlexibleBuffer(int count) : this(new byte[SizeOf(count)], count)
    {
    }

    /// <summary>
    /// Bytes for a header and <paramref name="count"/> entries, in this process's C layout: the entries start at the
    /// flexible member's offset, and the buffer is never shorter than the header (<c>sizeof(T)</c>, which the kernel
    /// reads), even where the entries start inside the header's tail padding.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative or the size does not fit an <see cref="int"/>.</exception>
    public static int SizeOf(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        long size = Layout.EntriesOffset + (long)count * Unsafe.SizeOf<TEntry>();
        if (size > Array.MaxLength)
            throw new ArgumentOutOfRangeException(nameof(count), count, $"A {typeof(T).Name} with {count} entries would need {size} bytes, more than a buffer can hold.");
        return Math.Max((int)size, Unsafe.SizeOf<T>());
    }

    /// <summary>How many entries the buffer holds.</summary>
    public int Capacity => (_bytes.Length - Layout.EntriesOffset) / Unsafe.SizeOf<TEntry>();

    /// <summary>The header.</summary>
    public ref T Header => ref MemoryMarshal.AsRef<T>(_bytes);

    /// <summary>The count field (which the kernel may have lowered), checked against <see cref="Capacity"/>.</summary>
    /// <exception cref="FlexibleArrayCountException">The count field is negative or above <see cref="Capacity"/>.</exception>
    public int Count
    {
        get
        {
            long count = T.GetCount(in Header);
            int capacity = Capacity;
            if ((ulong)count > (ulong)capacity)
                throw new FlexibleArrayCountException(typeof(T), count, capacity);
            return (int)count;
        }
    }

    /// <summary>The first <see cref="Count"/> entries.</summary>
    /// <exception cref="FlexibleArrayCountException">The count field is negative or above <see cref="Capacity"/>.</exception>
    public Span<TEntry> Entries => MemoryMarshal.Cast<byte, TEntry>(_bytes.Slice(Layout.EntriesOffset)).Slice(0, Count);

    /// <summary>
    /// The whole buffer, header first: what the ioctl receives. Every way of handing the buffer to the kernel goes
    /// through here (the generated wrappers, <c>Ioctl.InvokeSpan(fd, request, buffer.Bytes, name)</c>), so the count
    /// field is checked here, before the call.
    /// </summary>
    /// <exception cref="FlexibleArrayCountException">The count field is negative or above <see cref="Capacity"/>.</exception>
    public Span<byte> Bytes
    {
        get
        {
            _ = Count;
            return _bytes;
        }
    }

    private static class Layout
    {
        // The flexible member's offset in this process's C layout (which also checks .NET's layout of the header).
        public static readonly int EntriesOffset = AbiLayout.Native<T>().FlexibleArray?.Offset
            ?? throw new InvalidOperationException($"{typeof(T).Name} declares no flexible array.");
    }
}
