namespace IoctlSharp.Generators.Abi;

/// <summary>Linux's <c>_IOC(dir, type, nr, size)</c>, for any <see cref="EncodingFamily"/> row.</summary>
internal static class RequestEncoding
{
    /// <summary>
    /// Encodes a request; <paramref name="direction"/> is the logical IoctlDirection (bit 0 write, bit 1 read).
    /// Returns null when the size does not fit the size field.
    /// </summary>
    public static uint? Encode(EncodingFamily family, int direction, int type, int number, int size)
    {
        if (size < 0 || size > family.MaxSize || type is < 0 or > 255 || number is < 0 or > 255)
            return null;
        bool write = (direction & 1) != 0, read = (direction & 2) != 0;
        uint dir = !write && !read ? family.None : (write ? family.Write : 0u) | (read ? family.Read : 0u);
        return (dir << family.DirectionShift) | ((uint)size << 16) | ((uint)type << 8) | (uint)number;
    }
}
