using System;
using System.Buffers.Binary;
using IoctlSharp;

namespace Sample.Driver.Hypercalls;

/// <summary>
/// Writes a call's results into the guest's parameters: the value member of a 32- or 64-bit parameter, in the
/// width of the type the host checked before the call, at the offset IoctlSharp computed for the caller's ABI.
/// Only those bytes are written, and nothing is read from guest memory first: the parameter may have been
/// rewritten since it was checked (by the guest, or by the service through an overlapping buffer).
/// </summary>
public static class HgcmParameterValues
{
    private static readonly int s_value32 = ValueOffset(AbiTarget.I386);
    private static readonly int s_value64 = ValueOffset(AbiTarget.X86_64);

    private static int ValueOffset(AbiTarget target) =>
        AbiLayout.Of<HgcmFunctionParameter>(target)[nameof(HgcmFunctionParameter.U)].Offset; // Value32/Value64 sit at the union's start

    /// <summary>
    /// Writes <paramref name="value"/> into <paramref name="parameter"/> (one parameter in the caller's layout) when
    /// <paramref name="checkedType"/> is a 32- or 64-bit value; a buffer parameter is left alone.
    /// </summary>
    public static void Write(Span<byte> parameter, bool is32, HgcmParameterType checkedType, ulong value)
    {
        var at = parameter[(is32 ? s_value32 : s_value64)..];
        if (checkedType == HgcmParameterType.Bit32)
            BinaryPrimitives.WriteUInt32LittleEndian(at, (uint)value);
        else if (checkedType == HgcmParameterType.Bit64)
            BinaryPrimitives.WriteUInt64LittleEndian(at, value);
    }
}
