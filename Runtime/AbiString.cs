using System;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace IoctlSharp;

/// <summary>
/// C strings in fixed buffers (<c>char ifr_name[IFNAMSIZ]</c>), with C's NUL-terminated convention and nothing
/// silent: the string is the bytes before the first NUL; a buffer with no NUL holds no C string (Get throws, TryGet
/// returns false: read the span itself if the bytes mean something without one); Set writes the bytes, a NUL and
/// zeroes to the end, and refuses (throws; TrySet returns false and leaves the buffer unchanged) a string whose
/// bytes and NUL do not fit, that holds a NUL, or that the encoding cannot represent. Encodings are strict: no
/// replacement characters either way.
/// </summary>
public static class AbiString
{
    private static readonly Encoding s_utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly Encoding s_ascii = Encoding.GetEncoding("us-ascii", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);

    /// <summary>The C string in <paramref name="buffer"/>.</summary>
    /// <exception cref="AbiStringException">The buffer has no NUL, or its bytes are not valid in <paramref name="encoding"/>.</exception>
    public static string Get(ReadOnlySpan<byte> buffer, AbiStringEncoding encoding = AbiStringEncoding.Utf8)
        => TryDecode(buffer, encoding, out var value, out var why) ? value : throw new AbiStringException(why);

    /// <summary>The C string in <paramref name="buffer"/>, or false (no NUL, or invalid bytes) with <paramref name="value"/> null.</summary>
    public static bool TryGet(ReadOnlySpan<byte> buffer, [NotNullWhen(true)] out string? value, AbiStringEncoding encoding = AbiStringEncoding.Utf8)
    {
        bool ok = TryDecode(buffer, encoding, out var decoded, out _);
        value = ok ? decoded : null;
        return ok;
    }

    /// <summary>Writes <paramref name="value"/>, a NUL and zeroes to the end of <paramref name="buffer"/>.</summary>
    /// <exception cref="AbiStringException">It does not fit with its NUL, holds a NUL, or cannot be encoded; the buffer is unchanged.</exception>
    public static void Set(Span<byte> buffer, string value, AbiStringEncoding encoding = AbiStringEncoding.Utf8)
    {
        if (!TryEncode(buffer, value, encoding, out var why))
            throw new AbiStringException(why);
    }

    /// <summary>As <see cref="Set"/>, returning false (and leaving the buffer unchanged) instead of throwing.</summary>
    public static bool TrySet(Span<byte> buffer, string value, AbiStringEncoding encoding = AbiStringEncoding.Utf8)
        => TryEncode(buffer, value, encoding, out _);

    private static Encoding For(AbiStringEncoding encoding) => encoding switch
    {
        AbiStringEncoding.Utf8 => s_utf8,
        AbiStringEncoding.Ascii => s_ascii,
        _ => throw new ArgumentOutOfRangeException(nameof(encoding)),
    };

    private static bool TryDecode(ReadOnlySpan<byte> buffer, AbiStringEncoding encoding, out string value, out string why)
    {
        var enc = For(encoding);
        value = "";
        int nul = buffer.IndexOf((byte)0);
        if (nul < 0)
        {
            why = $"the {buffer.Length}-byte buffer has no NUL: it holds no C string";
            return false;
        }

        try
        {
            value = enc.GetString(buffer.Slice(0, nul));
        }
        catch (DecoderFallbackException)
        {
            why = $"the bytes before the NUL are not valid {encoding}";
            return false;
        }

        why = "";
        return true;
    }

    private static bool TryEncode(Span<byte> buffer, string value, AbiStringEncoding encoding, out string why)
    {
        ArgumentNullException.ThrowIfNull(value);
        var enc = For(encoding);
        if (value.Contains('\0'))
        {
            why = "the string holds a NUL, which would end the C string early";
            return false;
        }

        int length;
        try
        {
            length = enc.GetByteCount(value);
        }
        catch (EncoderFallbackException)
        {
            why = $"the string has characters {encoding} cannot encode";
            return false;
        }

        if (length >= buffer.Length)
        {
            why = $"the string is {length} bytes in {encoding}; with its NUL the {buffer.Length}-byte buffer holds at most {Math.Max(buffer.Length - 1, 0)}";
            return false;
        }

        enc.GetBytes(value, buffer);
        buffer.Slice(length).Clear();
        why = "";
        return true;
    }
}

/// <summary>A C string could not be read from or written to its buffer (see <see cref="AbiString"/>).</summary>
public sealed class AbiStringException : FormatException
{
    /// <summary>Creates the exception with what is wrong.</summary>
    public AbiStringException(string message) : base(message) { }
}
