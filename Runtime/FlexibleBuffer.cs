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
    /// <summary>The count field's value.</summary>
    static abstract int GetCount(in TSelf self);

    /// <summary>Sets the count field; throws <see cref="OverflowException"/> if the field cannot hold <paramref name="count"/>.</summary>
    static abstract void SetCount(ref TSelf self, int count);
}

/// <summary>
/// A header <typeparamref name="T"/> and its flexible array of <typeparamref name="TEntry"/> in one buffer, laid out
/// as C lays them out (<c>struct kvm_msrs</c> and its <c>entries[]</c>). Creating it sets the count field to the
/// number of entries the buffer holds, and <see cref="Entries"/> reads it back, checked against the buffer: the
/// count and the span's length cannot disagree. Pass it to an ioctl declared with a <c>FlexibleBuffer</c>
/// parameter; the request's size is the header's, as the kernel headers spell it.
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

    /// <summary>Bytes for a header and <paramref name="count"/> entries, in this process's C layout.</summary>
    public static int SizeOf(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return checked(Layout.EntriesOffset + count * Unsafe.SizeOf<TEntry>());
    }

    /// <summary>How many entries the buffer holds.</summary>
    public int Capacity => (_bytes.Length - Layout.EntriesOffset) / Unsafe.SizeOf<TEntry>();

    /// <summary>The header.</summary>
    public ref T Header => ref MemoryMarshal.AsRef<T>(_bytes);

    /// <summary>The count field (which the kernel may have lowered), checked against <see cref="Capacity"/>.</summary>
    public int Count
    {
        get
        {
            int count = T.GetCount(in Header);
            if ((uint)count > (uint)Capacity)
                throw new InvalidOperationException($"{typeof(T).Name}'s count is {count}, but the buffer holds {Capacity} entries.");
            return count;
        }
    }

    /// <summary>The first <see cref="Count"/> entries.</summary>
    public Span<TEntry> Entries => MemoryMarshal.Cast<byte, TEntry>(_bytes.Slice(Layout.EntriesOffset)).Slice(0, Count);

    /// <summary>The whole buffer, header first: what the ioctl receives.</summary>
    public Span<byte> Bytes => _bytes;

    private static class Layout
    {
        // The flexible member's offset in this process's C layout (which also checks .NET's layout of the header).
        public static readonly int EntriesOffset = AbiLayout.Native<T>().FlexibleArray?.Offset
            ?? throw new InvalidOperationException($"{typeof(T).Name} declares no flexible array.");
    }
}
