using System;
using System.Buffers.Binary;
using IoctlSharp;

namespace Sample.Driver.Hypercalls.Compat;

/// <summary>
/// Reads and writes a 32-bit guest's <c>vmmdev_hgcm_function_parameter32</c> (12 bytes) in place in guest
/// memory. This 64-bit host cannot lay <see cref="HgcmFunctionParameter"/> out the i386 way, so every offset and
/// size here comes from the layout IoctlSharp computed for i386 — <c>AbiLayout.Of&lt;HgcmFunctionParameter&gt;(AbiTarget.I386)</c>
/// — never from a hand-typed number. It is kept apart so it can be replaced by the generated 32-bit twin and its
/// translation thunk (issue 4) without touching the dispatcher.
/// </summary>
public static class HgcmParameter32
{
    private static readonly AbiStructLayout s_layout = AbiLayout.Of<HgcmFunctionParameter>(AbiTarget.I386);

    /// <summary>sizeof(vmmdev_hgcm_function_parameter32).</summary>
    public static readonly int Size = s_layout.Size;

    private static readonly AbiFieldLayout s_type = s_layout[nameof(HgcmFunctionParameter.Type)];
    private static readonly AbiFieldLayout s_u = s_layout[nameof(HgcmFunctionParameter.U)];
    private static readonly AbiStructLayout s_value = s_u.Nested!;
    private static readonly int s_value32 = s_u.Offset + s_value[nameof(HgcmParameterValue.Value32)].Offset;
    private static readonly int s_value64 = s_u.Offset + s_value[nameof(HgcmParameterValue.Value64)].Offset;
    private static readonly AbiFieldLayout s_pointer = s_value[nameof(HgcmParameterValue.Pointer)];
    private static readonly int s_pointerSize = s_u.Offset + s_pointer.Offset + s_pointer.Nested![nameof(HgcmPointerParameter.Size)].Offset;
    private static readonly AbiFieldLayout s_pointerU = s_pointer.Nested![nameof(HgcmPointerParameter.U)];
    private static readonly AbiFieldLayout s_linear = s_pointerU.Nested![nameof(HgcmLinearAddress.LinearAddr)];
    private static readonly int s_linearOffset = s_u.Offset + s_pointer.Offset + s_pointerU.Offset + s_linear.Offset;
    private static readonly int s_linearSize = s_linear.Size;

    /// <summary>Decodes the parameter at the start of <paramref name="p"/> (at least <see cref="Size"/> bytes).</summary>
    public static HgcmArgument Read(ReadOnlySpan<byte> p)
    {
        p = p[..Size];
        var a = new HgcmArgument { Type = (HgcmParameterType)BinaryPrimitives.ReadUInt32LittleEndian(p[s_type.Offset..]) };
        switch (a.Type)
        {
            case HgcmParameterType.Bit32:
                a.Value = BinaryPrimitives.ReadUInt32LittleEndian(p[s_value32..]);
                break;
            case HgcmParameterType.Bit64:
                a.Value = BinaryPrimitives.ReadUInt64LittleEndian(p[s_value64..]);
                break;
            default:
                a.Size = BinaryPrimitives.ReadUInt32LittleEndian(p[s_pointerSize..]);
                a.Address = s_linearSize == 4
                    ? BinaryPrimitives.ReadUInt32LittleEndian(p[s_linearOffset..])
                    : BinaryPrimitives.ReadUInt64LittleEndian(p[s_linearOffset..]);
                break;
        }
        return a;
    }

    /// <summary>Writes a 32- or 64-bit parameter's value back (the only thing the host changes in a parameter).</summary>
    public static void WriteValue(Span<byte> p, in HgcmArgument a)
    {
        p = p[..Size];
        if (a.Type == HgcmParameterType.Bit32)
            BinaryPrimitives.WriteUInt32LittleEndian(p[s_value32..], (uint)a.Value);
        else if (a.Type == HgcmParameterType.Bit64)
            BinaryPrimitives.WriteUInt64LittleEndian(p[s_value64..], a.Value);
    }
}
