using System;

namespace Sample.Driver.Hypercalls.Compat;

/// <summary>
/// A 32-bit guest's <c>vmmdev_hgcm_function_parameter32</c> (12 bytes), decoded (from the host's copy of the
/// guest's parameters) through the twin IoctlSharp generates from the one declaration of <see cref="HgcmFunctionParameter"/>:
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
}
