namespace IoctlSharp.Generators.Abi;

/// <summary>Linux's <c>_IOC(dir, type, nr, size)</c> for each encoding family.</summary>
internal static class RequestEncoding
{
    /// <summary>The largest size the family's size field holds (14 bits generic, 13 on powerpc and mips).</summary>
    public static int MaxSize(EncodingFamily family) => family == EncodingFamily.Generic ? 0x3FFF : 0x1FFF;

    /// <summary>
    /// Encodes a request; <paramref name="direction"/> is the logical IoctlDirection (bit 0 write, bit 1 read).
    /// Returns null when the size does not fit the size field.
    /// </summary>
    public static uint? Encode(EncodingFamily family, int direction, int type, int number, int size)
    {
        if (size < 0 || size > MaxSize(family) || type is < 0 or > 255 || number is < 0 or > 255)
            return null;
        bool write = (direction & 1) != 0, read = (direction & 2) != 0;
        uint dir;
        int shift;
        if (family == EncodingFamily.Generic)
        {
            dir = (write ? 1u : 0u) | (read ? 2u : 0u);
            shift = 30;
        }
        else
        {
            dir = !write && !read ? 1u : (read ? 2u : 0u) | (write ? 4u : 0u);
            shift = 29;
        }

        return (dir << shift) | ((uint)size << 16) | ((uint)type << 8) | (uint)number;
    }
}
