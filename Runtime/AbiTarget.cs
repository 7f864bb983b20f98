using System;
using System.Runtime.InteropServices;

namespace IoctlSharp;

/// <summary>The target ABIs IoctlSharp lays structs out for and encodes request numbers for.</summary>
public enum AbiTarget
{
    /// <summary>x86_64 (LP64, generic ioctl encoding).</summary>
    X86_64,
    /// <summary>i386 (ILP32; 64-bit integers and double are 4-byte aligned inside structs).</summary>
    I386,
    /// <summary>aarch64 (LP64, generic ioctl encoding).</summary>
    Aarch64,
    /// <summary>32-bit arm, EABI (ILP32; 64-bit integers 8-byte aligned).</summary>
    Arm32,
    /// <summary>64-bit little-endian powerpc (LP64; 13 size bits, 3 direction bits).</summary>
    Ppc64le,
    /// <summary>64-bit RISC-V (LP64, generic ioctl encoding).</summary>
    Riscv64,
    /// <summary>32-bit MIPS, o32 (ILP32, big-endian; 13 size bits, 3 direction bits).</summary>
    Mips32,
}

/// <summary>Facts about <see cref="AbiTarget"/> values.</summary>
public static class AbiTargets
{
    /// <summary>Every target, in declaration order.</summary>
    public static ReadOnlySpan<AbiTarget> All => new[]
    {
        AbiTarget.X86_64, AbiTarget.I386, AbiTarget.Aarch64, AbiTarget.Arm32,
        AbiTarget.Ppc64le, AbiTarget.Riscv64, AbiTarget.Mips32,
    };

    /// <summary>The running process's target, or null when .NET runs on an architecture IoctlSharp has no ABI for.</summary>
    public static AbiTarget? Current { get; } = RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.X64 => AbiTarget.X86_64,
        Architecture.X86 => AbiTarget.I386,
        Architecture.Arm64 => AbiTarget.Aarch64,
        Architecture.Arm => AbiTarget.Arm32,
        Architecture.Ppc64le => AbiTarget.Ppc64le,
        (Architecture)9 => AbiTarget.Riscv64, // Architecture.RiscV64, named from .NET 9 on
        _ => null,
    };

    /// <summary>The running process's target; throws <see cref="PlatformNotSupportedException"/> where there is none.</summary>
    public static AbiTarget RequireCurrent() => Current ?? throw new PlatformNotSupportedException(
        $"IoctlSharp has no ABI for process architecture {RuntimeInformation.ProcessArchitecture}.");

    /// <summary>True for the ILP32 targets, whose pointers and C long are 4 bytes.</summary>
    public static bool IsIlp32(this AbiTarget target) => target is AbiTarget.I386 or AbiTarget.Arm32 or AbiTarget.Mips32;

    /// <summary>The C name of the target, as in the generated comments.</summary>
    public static string CName(this AbiTarget target) => target switch
    {
        AbiTarget.X86_64 => "x86_64",
        AbiTarget.I386 => "i386",
        AbiTarget.Aarch64 => "aarch64",
        AbiTarget.Arm32 => "arm32",
        AbiTarget.Ppc64le => "ppc64le",
        AbiTarget.Riscv64 => "riscv64",
        AbiTarget.Mips32 => "mips32",
        _ => throw new ArgumentOutOfRangeException(nameof(target)),
    };
}
