using System;

namespace Sample.Driver.Hypercalls.Compat;

/// <summary>
/// A 32-bit guest's <c>vmmdev_hgcm_function_parameter32</c> (12 bytes), read and written in place in guest
/// memory through the twin IoctlSharp generates from the one declaration of <see cref="HgcmFunctionParameter"/>:
/// <c>HgcmFunctionParameter.I386</c> has i386's layout, and its conversions translate the member the parameter's
/// type selects — a type that selects none is refused, never guessed at.
/// </summary>
public static class HgcmParameter32
{
    /// <summary>sizeof(vmmdev_hgcm_function_parameter32).</summary>
    public const int Size = HgcmFunctionParameter.I386.SizeOf;

    /// <summary>Decodes the parameter at the start of <paramref name="p"/>; false for a type no union member claims.</summary>
    public static bool TryRead(ReadOnlySpan<byte> p, out HgcmArgument argument)
    {
        argument = default;
        if (!HgcmFunctionParameter.I386.TryRead(p, out var twin) || !twin.TryToNative(out var native))
            return false;
        argument = HgcmParameter64.ToArgument(native);
        return true;
    }

    /// <summary>Writes a 32- or 64-bit parameter's value back (the only thing the host changes in a parameter).</summary>
    public static void WriteValue(Span<byte> p, in HgcmArgument a)
    {
        // Read succeeded for this parameter before the call, so its type converts; the value written back is the
        // guest's own width, so narrowing cannot fail either.
        var native = HgcmFunctionParameter.I386.Read(p).ToNative();
        if (HgcmParameter64.SetValue(ref native, a))
            HgcmFunctionParameter.I386.FromNative(native).Write(p);
    }
}
