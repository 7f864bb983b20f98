using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace IoctlSharp;

/// <summary>
/// Implemented by the generator on every 32-bit twin (<c>T.I386</c>, <c>T.Arm32</c>): a blittable struct with the
/// C layout of <typeparamref name="TNative"/> on a 32-bit ABI, and the conversions between the two.
/// </summary>
/// <typeparam name="TSelf">The twin.</typeparam>
/// <typeparam name="TNative">The declared (native, LP64) type.</typeparam>
public interface IAbiTwin<TSelf, TNative>
    where TSelf : unmanaged, IAbiTwin<TSelf, TNative>
    where TNative : unmanaged
{
    /// <summary>The ABI whose layout the twin has.</summary>
    static abstract AbiTarget Target { get; }

    /// <summary>Widens <paramref name="source"/> to the native layout: pointers and unsigned longs zero-extend,
    /// signed longs sign-extend. Fails only on a union discriminator no member claims.</summary>
    /// <returns>Default on success, else what failed.</returns>
    static abstract AbiConversionFault Widen(in TSelf source, out TNative destination);

    /// <summary>Narrows <paramref name="source"/> to the twin's layout; fails on a value that does not fit 32 bits
    /// or on a union discriminator no member claims. Never truncates.</summary>
    /// <returns>Default on success, else what failed.</returns>
    static abstract AbiConversionFault Narrow(in TNative source, out TSelf destination);
}

/// <summary>Why a conversion between a native struct and its 32-bit twin failed.</summary>
public enum AbiConversionFaultKind
{
    /// <summary>It did not fail.</summary>
    None,
    /// <summary>A pointer, <c>long</c>, <c>size_t</c> or <c>ssize_t</c> does not fit the 32-bit member.</summary>
    OutOfRange,
    /// <summary>A union's discriminator holds a value no union member claims with <see cref="AbiCaseAttribute"/>.</summary>
    UnknownDiscriminator,
}

/// <summary>The outcome of one generated conversion: default (<see cref="IsSuccess"/>) or the member that failed.</summary>
public readonly struct AbiConversionFault
{
    /// <summary>Creates a fault for the member at <paramref name="path"/>; called by generated code.</summary>
    public AbiConversionFault(string path, AbiConversionFaultKind kind)
    {
        Path = path;
        Kind = kind;
    }

    /// <summary>The member, from the converted struct down (<c>U.Pointer.U.LinearAddr</c>); null on success.</summary>
    public string? Path { get; }

    /// <summary>What went wrong.</summary>
    public AbiConversionFaultKind Kind { get; }

    /// <summary>True when the conversion succeeded.</summary>
    public bool IsSuccess => Path is null;

    /// <summary>This fault, seen from the struct that holds the failed one in <paramref name="member"/>; called by generated code.</summary>
    public AbiConversionFault Within(string member) => new(member + "." + Path, Kind);

    /// <summary>This fault, seen from element <paramref name="index"/> of a span; called by generated code.</summary>
    public AbiConversionFault At(int index) => new("[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]" + (Path!.StartsWith('[') ? "" : ".") + Path, Kind);
}

/// <summary>A value cannot be converted between its native and its 32-bit layout: it does not fit, or a union's
/// discriminator is unknown. <see cref="ArgumentException.ParamName"/> is the member's path.</summary>
public sealed class AbiConversionException : ArgumentException
{
    /// <summary>Creates the exception for <paramref name="fault"/> in a <paramref name="typeName"/> converted for <paramref name="target"/>.</summary>
    public AbiConversionException(AbiConversionFault fault, string typeName, AbiTarget target)
        : base(Describe(fault, typeName, target), fault.Path)
    {
        Fault = fault;
        TypeName = typeName;
        Target = target;
    }

    /// <summary>The member and the reason.</summary>
    public AbiConversionFault Fault { get; }

    /// <summary>The converted type.</summary>
    public string TypeName { get; }

    /// <summary>The 32-bit ABI of the twin.</summary>
    public AbiTarget Target { get; }

    private static string Describe(AbiConversionFault fault, string typeName, AbiTarget target) => fault.Kind switch
    {
        AbiConversionFaultKind.OutOfRange => $"{typeName}.{fault.Path} does not fit its {target} member (32 bits); it is never truncated.",
        AbiConversionFaultKind.UnknownDiscriminator => $"{typeName}.{fault.Path}: the union's discriminator holds a value no member claims.",
        _ => $"{typeName}.{fault.Path}: conversion failed.",
    };
}

/// <summary>A buffer is shorter than the struct (or the number of structs) read from or written to it. Nothing
/// outside the buffer is ever read or written.</summary>
public sealed class AbiBufferException : ArgumentException
{
    /// <summary>Creates the exception: <paramref name="required"/> bytes were needed, <paramref name="actual"/> were there.</summary>
    public AbiBufferException(string typeName, long required, int actual, string? paramName = null)
        : base($"{typeName} needs {required} bytes, but the buffer holds {actual}.", paramName)
    {
        TypeName = typeName;
        Required = required;
        Actual = actual;
    }

    /// <summary>The type read or written.</summary>
    public string TypeName { get; }

    /// <summary>The bytes needed.</summary>
    public long Required { get; }

    /// <summary>The bytes the buffer has.</summary>
    public int Actual { get; }
}

/// <summary>
/// Conversions between native structs and their 32-bit twins, one at a time, in spans, and from and to raw bytes
/// (a 32-bit peer's memory, a socket): every read and write is bounds-checked and allocation-free.
/// </summary>
public static class AbiCompat
{
    /// <summary>Widens one twin to the native layout; throws <see cref="AbiConversionException"/> on an unknown union discriminator.</summary>
    public static TNative ToNative<TTwin, TNative>(in TTwin twin)
        where TTwin : unmanaged, IAbiTwin<TTwin, TNative> where TNative : unmanaged
    {
        var fault = TTwin.Widen(in twin, out var native);
        if (!fault.IsSuccess) Throw<TNative>(fault, TTwin.Target);
        return native;
    }

    /// <summary>Narrows one native value to the twin; throws <see cref="AbiConversionException"/> on a value that does not fit.</summary>
    public static TTwin FromNative<TTwin, TNative>(in TNative native)
        where TTwin : unmanaged, IAbiTwin<TTwin, TNative> where TNative : unmanaged
    {
        var fault = TTwin.Narrow(in native, out var twin);
        if (!fault.IsSuccess) Throw<TNative>(fault, TTwin.Target);
        return twin;
    }

    /// <summary>Widens every element of <paramref name="source"/> into <paramref name="destination"/> (at least as long).</summary>
    /// <returns>Default, or the first element's fault (its path starts with <c>[index]</c>).</returns>
    public static AbiConversionFault TryToNative<TTwin, TNative>(ReadOnlySpan<TTwin> source, Span<TNative> destination)
        where TTwin : unmanaged, IAbiTwin<TTwin, TNative> where TNative : unmanaged
    {
        if (destination.Length < source.Length) ThrowShort<TNative>((long)source.Length * Unsafe.SizeOf<TNative>(), destination.Length * Unsafe.SizeOf<TNative>(), nameof(destination));
        destination = destination.Slice(0, source.Length);
        for (int i = 0; i < source.Length; i++)
        {
            var fault = TTwin.Widen(in source[i], out destination[i]);
            if (!fault.IsSuccess) return fault.At(i);
        }

        return default;
    }

    /// <summary>Narrows every element of <paramref name="source"/> into <paramref name="destination"/> (at least as long).</summary>
    /// <returns>Default, or the first element's fault (its path starts with <c>[index]</c>).</returns>
    public static AbiConversionFault TryFromNative<TTwin, TNative>(ReadOnlySpan<TNative> source, Span<TTwin> destination)
        where TTwin : unmanaged, IAbiTwin<TTwin, TNative> where TNative : unmanaged
    {
        if (destination.Length < source.Length) ThrowShort<TTwin>((long)source.Length * Unsafe.SizeOf<TTwin>(), destination.Length * Unsafe.SizeOf<TTwin>(), nameof(destination));
        destination = destination.Slice(0, source.Length);
        for (int i = 0; i < source.Length; i++)
        {
            var fault = TTwin.Narrow(in source[i], out destination[i]);
            if (!fault.IsSuccess) return fault.At(i);
        }

        return default;
    }

    /// <summary>Widens <paramref name="source"/>, throwing <see cref="AbiConversionException"/> on the first element that fails.</summary>
    public static void ToNative<TTwin, TNative>(ReadOnlySpan<TTwin> source, Span<TNative> destination)
        where TTwin : unmanaged, IAbiTwin<TTwin, TNative> where TNative : unmanaged
    {
        var fault = TryToNative(source, destination);
        if (!fault.IsSuccess) Throw<TNative>(fault, TTwin.Target);
    }

    /// <summary>Narrows <paramref name="source"/>, throwing <see cref="AbiConversionException"/> on the first element that fails.</summary>
    public static void FromNative<TTwin, TNative>(ReadOnlySpan<TNative> source, Span<TTwin> destination)
        where TTwin : unmanaged, IAbiTwin<TTwin, TNative> where TNative : unmanaged
    {
        var fault = TryFromNative(source, destination);
        if (!fault.IsSuccess) Throw<TNative>(fault, TTwin.Target);
    }

    /// <summary>
    /// Widens <paramref name="destination"/>.Length twins laid out back to back in <paramref name="source"/> (a
    /// 32-bit peer's array). Throws <see cref="AbiBufferException"/> when <paramref name="source"/> is shorter than
    /// that, and <see cref="AbiConversionException"/> on an element that cannot be converted.
    /// </summary>
    public static void ToNative<TTwin, TNative>(ReadOnlySpan<byte> source, Span<TNative> destination)
        where TTwin : unmanaged, IAbiTwin<TTwin, TNative> where TNative : unmanaged, IAbiStruct<TNative>
    {
        long needed = (long)destination.Length * Unsafe.SizeOf<TTwin>();
        if (source.Length < needed) ThrowShort<TTwin>(needed, source.Length, nameof(source));
        ref byte from = ref MemoryMarshal.GetReference(source);
        var peerOrder = PeerByteOrder.Differs(TTwin.Target) ? AbiLayout.Of<TNative>(TTwin.Target) : null;
        for (int i = 0; i < destination.Length; i++)
        {
            TTwin twin = Unsafe.ReadUnaligned<TTwin>(ref Unsafe.Add(ref from, i * Unsafe.SizeOf<TTwin>()));
            if (peerOrder is not null) PeerByteOrder.Reverse(AsBytes(ref twin), peerOrder);
            var fault = TTwin.Widen(in twin, out destination[i]);
            if (!fault.IsSuccess) Throw<TNative>(fault.At(i), TTwin.Target);
        }
    }

    /// <summary>
    /// Narrows <paramref name="source"/> into twins laid out back to back in <paramref name="destination"/>.
    /// Throws <see cref="AbiBufferException"/> when it is too short (before writing anything) and
    /// <see cref="AbiConversionException"/> on an element that does not fit.
    /// </summary>
    public static void FromNative<TTwin, TNative>(ReadOnlySpan<TNative> source, Span<byte> destination)
        where TTwin : unmanaged, IAbiTwin<TTwin, TNative> where TNative : unmanaged, IAbiStruct<TNative>
    {
        long needed = (long)source.Length * Unsafe.SizeOf<TTwin>();
        if (destination.Length < needed) ThrowShort<TTwin>(needed, destination.Length, nameof(destination));
        ref byte to = ref MemoryMarshal.GetReference(destination);
        var peerOrder = PeerByteOrder.Differs(TTwin.Target) ? AbiLayout.Of<TNative>(TTwin.Target) : null;
        for (int i = 0; i < source.Length; i++)
        {
            var fault = TTwin.Narrow(in source[i], out var twin);
            if (!fault.IsSuccess) Throw<TNative>(fault.At(i), TTwin.Target);
            if (peerOrder is not null) PeerByteOrder.Reverse(AsBytes(ref twin), peerOrder);
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref to, i * Unsafe.SizeOf<TTwin>()), twin);
        }
    }

    /// <summary>Reads a <typeparamref name="T"/> (a twin, or any ABI struct) from the start of untrusted bytes;
    /// throws <see cref="AbiBufferException"/> when there are too few.</summary>
    public static T Read<T>(ReadOnlySpan<byte> source) where T : unmanaged
    {
        if (source.Length < Unsafe.SizeOf<T>()) ThrowShort<T>(Unsafe.SizeOf<T>(), source.Length, nameof(source));
        return Unsafe.ReadUnaligned<T>(ref MemoryMarshal.GetReference(source));
    }

    /// <summary>Reads a <typeparamref name="T"/> from the start of <paramref name="source"/>; false when there are too few bytes.</summary>
    public static bool TryRead<T>(ReadOnlySpan<byte> source, out T value) where T : unmanaged
    {
        if (source.Length < Unsafe.SizeOf<T>())
        {
            value = default;
            return false;
        }

        value = Unsafe.ReadUnaligned<T>(ref MemoryMarshal.GetReference(source));
        return true;
    }

    /// <summary>Writes <paramref name="value"/>'s bytes to the start of <paramref name="destination"/>; throws
    /// <see cref="AbiBufferException"/> when it is too short.</summary>
    public static void Write<T>(Span<byte> destination, in T value) where T : unmanaged
    {
        if (destination.Length < Unsafe.SizeOf<T>()) ThrowShort<T>(Unsafe.SizeOf<T>(), destination.Length, nameof(destination));
        Unsafe.WriteUnaligned(ref MemoryMarshal.GetReference(destination), value);
    }

    /// <summary>Writes <paramref name="value"/>'s bytes to the start of <paramref name="destination"/>; false when it is too short.</summary>
    public static bool TryWrite<T>(Span<byte> destination, in T value) where T : unmanaged
    {
        if (destination.Length < Unsafe.SizeOf<T>()) return false;
        Unsafe.WriteUnaligned(ref MemoryMarshal.GetReference(destination), value);
        return true;
    }

    /// <summary>
    /// Reads a twin from a peer's bytes: the first <c>sizeof</c> bytes of <paramref name="source"/>, in the byte
    /// order of <paramref name="layout"/>'s target, put in this process's order member by member. Throws
    /// <see cref="AbiBufferException"/> when there are too few bytes, and <see cref="NotSupportedException"/> when the
    /// orders differ and the struct holds a union whose members are not the same scalars. Used by generated twins.
    /// </summary>
    public static T ReadPeer<T>(ReadOnlySpan<byte> source, AbiStructLayout layout) where T : unmanaged
    {
        var value = Read<T>(source);
        if (PeerByteOrder.Differs(layout.Target)) PeerByteOrder.Reverse(AsBytes(ref value), layout);
        return value;
    }

    /// <summary>As <see cref="ReadPeer{T}"/>; false when there are too few bytes.</summary>
    public static bool TryReadPeer<T>(ReadOnlySpan<byte> source, AbiStructLayout layout, out T value) where T : unmanaged
    {
        if (!TryRead(source, out value)) return false;
        if (PeerByteOrder.Differs(layout.Target)) PeerByteOrder.Reverse(AsBytes(ref value), layout);
        return true;
    }

    /// <summary>Writes a twin as a peer of <paramref name="layout"/>'s target stores it: its bytes, in that target's byte order.</summary>
    public static void WritePeer<T>(Span<byte> destination, in T value, AbiStructLayout layout) where T : unmanaged
    {
        if (!PeerByteOrder.Differs(layout.Target))
        {
            Write(destination, in value);
            return;
        }

        T copy = value;
        PeerByteOrder.Reverse(AsBytes(ref copy), layout);
        Write(destination, in copy);
    }

    private static Span<byte> AsBytes<T>(ref T value) where T : unmanaged
        => MemoryMarshal.AsBytes(MemoryMarshal.CreateSpan(ref value, 1));

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void Throw<TNative>(AbiConversionFault fault, AbiTarget target)
        => throw new AbiConversionException(fault, typeof(TNative).Name, target);

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void ThrowShort<T>(long needed, int actual, string paramName)
        => throw new AbiBufferException(typeof(T).FullName ?? typeof(T).Name, needed, actual, paramName);
}
