using System;
using System.Runtime.InteropServices;

namespace Sample.Driver.Hypercalls;

/// <summary>
/// Reads a 64-bit guest's <c>vmmdev_hgcm_function_parameter64</c> (16 bytes): the C# declaration's
/// own layout in this x86_64 process, so the struct is read as it is (results go back through
/// <see cref="HgcmParameterValues"/>).
/// </summary>
public static class HgcmParameter64
{
    /// <summary>sizeof(vmmdev_hgcm_function_parameter64).</summary>
    public static readonly int Size = System.Runtime.CompilerServices.Unsafe.SizeOf<HgcmFunctionParameter>();

    public static HgcmArgument Read(ReadOnlySpan<byte> p) => ToArgument(MemoryMarshal.Read<HgcmFunctionParameter>(p));

    /// <summary>The parameter as the dispatcher sees it, whichever ABI it came in.</summary>
    internal static HgcmArgument ToArgument(in HgcmFunctionParameter raw)
    {
        var a = new HgcmArgument { Type = raw.Type };
        switch (raw.Type)
        {
            case HgcmParameterType.Bit32:
                a.Value = raw.U.Value32;
                break;
            case HgcmParameterType.Bit64:
                a.Value = raw.U.Value64;
                break;
            default:
                a.Size = raw.U.Pointer.Size;
                a.Address = raw.U.Pointer.U.LinearAddr;
                break;
        }
        return a;
    }
}
