using System;

namespace IoctlSharp;

/// <summary>One C bit-field of a laid-out struct (<see cref="AbiFieldLayout.BitFields"/>).</summary>
public sealed class AbiBitFieldLayout
{
    /// <summary>Creates a bit-field layout; called by generated code.</summary>
    public AbiBitFieldLayout(string? name, int bitOffset, int width, bool isSigned)
    {
        Name = name;
        BitOffset = bitOffset;
        Width = width;
        IsSigned = isSigned;
    }

    /// <summary>The C name; null for an unnamed bit-field.</summary>
    public string? Name { get; }

    /// <summary>
    /// Its first bit, counted from the start of the struct as gcc counts: on a little-endian target bit <c>n</c> is
    /// bit <c>n % 8</c> (from the least significant) of byte <c>n / 8</c>; on a big-endian target bit 0 is the most
    /// significant bit of byte 0. <c>offsetof</c> has no answer for a bit-field; this is its position.
    /// </summary>
    public int BitOffset { get; }

    /// <summary>The width in bits (0 for <c>:0</c>).</summary>
    public int Width { get; }

    /// <summary>The declared type is signed: reading it sign-extends.</summary>
    public bool IsSigned { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Name ?? "(unnamed)"}:{Width} @bit {BitOffset}";
}

/// <summary>A value does not fit the bit-field it is stored in (the throwing setter; <c>TrySet…</c> returns false instead).</summary>
public sealed class AbiBitFieldOverflowException : ArgumentOutOfRangeException
{
    /// <summary>Creates the exception for <paramref name="bitField"/> and <paramref name="value"/>.</summary>
    public AbiBitFieldOverflowException(string bitField, int width, bool isSigned, long value)
        : base(bitField, value, $"{value} does not fit the {width}-bit {(isSigned ? "signed" : "unsigned")} bit-field {bitField} "
                                + $"({(isSigned ? $"{-(1L << (width - 1))} to {(1L << (width - 1)) - 1}" : $"0 to {(width == 64 ? ulong.MaxValue : (1UL << width) - 1)}")}).")
    {
        BitField = bitField;
        Width = width;
    }

    /// <summary>The C name of the bit-field.</summary>
    public string BitField { get; }

    /// <summary>Its width in bits.</summary>
    public int Width { get; }
}

/// <summary>Reads and writes bit-fields in a struct's bytes; used by generated accessors.</summary>
public static class AbiBitFields
{
    /// <summary>The bits of the bit-field at <paramref name="bitOffset"/> (gcc's numbering for the byte order), zero-extended.</summary>
    public static ulong Read(ReadOnlySpan<byte> bytes, int bitOffset, int width, bool bigEndian)
    {
        ulong value = 0;
        for (int i = 0; i < width; i++)
        {
            int q = bitOffset + (bigEndian ? i : width - 1 - i); // most significant bit of the value first
            int bit = bigEndian ? 7 - (q & 7) : q & 7;
            value = (value << 1) | (uint)((bytes[q >> 3] >> bit) & 1);
        }

        return value;
    }

    /// <summary>Reads a signed bit-field: <see cref="Read"/>, sign-extended from its width.</summary>
    public static long ReadSigned(ReadOnlySpan<byte> bytes, int bitOffset, int width, bool bigEndian)
        => width == 0 ? 0 : (long)(Read(bytes, bitOffset, width, bigEndian) << (64 - width)) >> (64 - width);

    /// <summary>Stores the low <paramref name="width"/> bits of <paramref name="value"/>; the struct's other bits keep their values.</summary>
    public static void Write(Span<byte> bytes, int bitOffset, int width, bool bigEndian, ulong value)
    {
        for (int i = 0; i < width; i++)
        {
            int q = bitOffset + (bigEndian ? width - 1 - i : i); // bit i of the value, from the least significant
            int bit = bigEndian ? 7 - (q & 7) : q & 7;
            if (((value >> i) & 1) != 0)
                bytes[q >> 3] |= (byte)(1 << bit);
            else
                bytes[q >> 3] &= (byte)~(1 << bit);
        }
    }

    /// <summary>True when <paramref name="value"/> fits an unsigned bit-field of <paramref name="width"/> bits.</summary>
    public static bool Fits(ulong value, int width) => width >= 64 || value >> width == 0;

    /// <summary>True when <paramref name="value"/> fits a signed bit-field of <paramref name="width"/> bits.</summary>
    public static bool Fits(long value, int width) => width >= 64 || (value >= -(1L << (width - 1)) && value < 1L << (width - 1));
}
