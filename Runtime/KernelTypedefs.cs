using System;

namespace IoctlSharp;

// The kernel's __kernel_* typedefs of asm/posix_types.h (and asm-generic/posix_types.h, which most targets
// include), one struct per typedef. Each type on each target is what gcc computes from that target's headers
// (sizeof and signedness, measured with the cross compilers of cross/generate.sh); the conformance suite compares
// every one with gcc on every target (Headers/PosixTypes.cs). Value's type is the typedef's type on x86_64.
// __kernel_caddr_t (char *) and __kernel_fsid_t (a struct) are not integers and are not declared.

/// <summary><c>__kernel_clock_t</c>.</summary>
[AbiTypedef("__kernel_clock_t", typeof(int))]
[AbiTypedefTarget(typeof(long), AbiTarget.X86_64, AbiTarget.Aarch64, AbiTarget.Ppc64le, AbiTarget.Riscv64, AbiTarget.X32, AbiTarget.Ppc64, AbiTarget.S390x, AbiTarget.Mips64, AbiTarget.Mips64el, AbiTarget.Sparc64, AbiTarget.Alpha)]
public struct KernelClockT
{
    /// <summary>Creates the value.</summary>
    public KernelClockT(long value) => Value = value;

    /// <summary>The value (<c>__kernel_clock_t</c> is a <c>long</c> on x86_64).</summary>
    public long Value;
}

/// <summary><c>__kernel_clockid_t</c> (the same on every target).</summary>
[AbiTypedef("__kernel_clockid_t", typeof(int))]
public struct KernelClockidT
{
    /// <summary>Creates the value.</summary>
    public KernelClockidT(int value) => Value = value;

    /// <summary>The value (<c>__kernel_clockid_t</c> is a <c>int</c> on x86_64).</summary>
    public int Value;
}

/// <summary><c>__kernel_daddr_t</c>.</summary>
[AbiTypedef("__kernel_daddr_t", typeof(int))]
[AbiTypedefTarget(typeof(long), AbiTarget.Mips64, AbiTarget.Mips64el)]
public struct KernelDaddrT
{
    /// <summary>Creates the value.</summary>
    public KernelDaddrT(int value) => Value = value;

    /// <summary>The value (<c>__kernel_daddr_t</c> is a <c>int</c> on x86_64).</summary>
    public int Value;
}

/// <summary><c>__kernel_gid16_t</c> (the same on every target).</summary>
[AbiTypedef("__kernel_gid16_t", typeof(ushort))]
public struct KernelGid16T
{
    /// <summary>Creates the value.</summary>
    public KernelGid16T(ushort value) => Value = value;

    /// <summary>The value (<c>__kernel_gid16_t</c> is a <c>ushort</c> on x86_64).</summary>
    public ushort Value;
}

/// <summary><c>__kernel_gid32_t</c> (the same on every target).</summary>
[AbiTypedef("__kernel_gid32_t", typeof(uint))]
public struct KernelGid32T
{
    /// <summary>Creates the value.</summary>
    public KernelGid32T(uint value) => Value = value;

    /// <summary>The value (<c>__kernel_gid32_t</c> is a <c>uint</c> on x86_64).</summary>
    public uint Value;
}

/// <summary><c>__kernel_gid_t</c>.</summary>
[AbiTypedef("__kernel_gid_t", typeof(uint))]
[AbiTypedefTarget(typeof(ushort), AbiTarget.I386, AbiTarget.Arm32, AbiTarget.Armel, AbiTarget.M68k, AbiTarget.Sh4)]
public struct KernelGidT
{
    /// <summary>Creates the value.</summary>
    public KernelGidT(uint value) => Value = value;

    /// <summary>The value (<c>__kernel_gid_t</c> is a <c>uint</c> on x86_64).</summary>
    public uint Value;
}

/// <summary><c>__kernel_ino_t</c>.</summary>
[AbiTypedef("__kernel_ino_t", typeof(uint))]
[AbiTypedefTarget(typeof(ulong), AbiTarget.X86_64, AbiTarget.Aarch64, AbiTarget.Ppc64le, AbiTarget.Riscv64, AbiTarget.X32, AbiTarget.Ppc64, AbiTarget.Mips64, AbiTarget.Mips64el, AbiTarget.Sparc64)]
public struct KernelInoT
{
    /// <summary>Creates the value.</summary>
    public KernelInoT(ulong value) => Value = value;

    /// <summary>The value (<c>__kernel_ino_t</c> is a <c>ulong</c> on x86_64).</summary>
    public ulong Value;
}

/// <summary><c>__kernel_ipc_pid_t</c>.</summary>
[AbiTypedef("__kernel_ipc_pid_t", typeof(int))]
[AbiTypedefTarget(typeof(ushort), AbiTarget.I386, AbiTarget.Arm32, AbiTarget.Armel, AbiTarget.Hppa, AbiTarget.M68k, AbiTarget.Sh4)]
[AbiTypedefTarget(typeof(short), AbiTarget.Powerpc)]
public struct KernelIpcPidT
{
    /// <summary>Creates the value.</summary>
    public KernelIpcPidT(int value) => Value = value;

    /// <summary>The value (<c>__kernel_ipc_pid_t</c> is a <c>int</c> on x86_64).</summary>
    public int Value;
}

/// <summary><c>__kernel_key_t</c> (the same on every target).</summary>
[AbiTypedef("__kernel_key_t", typeof(int))]
public struct KernelKeyT
{
    /// <summary>Creates the value.</summary>
    public KernelKeyT(int value) => Value = value;

    /// <summary>The value (<c>__kernel_key_t</c> is a <c>int</c> on x86_64).</summary>
    public int Value;
}

/// <summary><c>__kernel_loff_t</c> (the same on every target).</summary>
[AbiTypedef("__kernel_loff_t", typeof(long))]
public struct KernelLoffT
{
    /// <summary>Creates the value.</summary>
    public KernelLoffT(long value) => Value = value;

    /// <summary>The value (<c>__kernel_loff_t</c> is a <c>long</c> on x86_64).</summary>
    public long Value;
}

/// <summary><c>__kernel_long_t</c>.</summary>
[AbiTypedef("__kernel_long_t", typeof(int))]
[AbiTypedefTarget(typeof(long), AbiTarget.X86_64, AbiTarget.Aarch64, AbiTarget.Ppc64le, AbiTarget.Riscv64, AbiTarget.X32, AbiTarget.Ppc64, AbiTarget.S390x, AbiTarget.Mips64, AbiTarget.Mips64el, AbiTarget.Sparc64, AbiTarget.Alpha)]
public struct KernelLongT
{
    /// <summary>Creates the value.</summary>
    public KernelLongT(long value) => Value = value;

    /// <summary>The value (<c>__kernel_long_t</c> is a <c>long</c> on x86_64).</summary>
    public long Value;
}

/// <summary><c>__kernel_mode_t</c>.</summary>
[AbiTypedef("__kernel_mode_t", typeof(uint))]
[AbiTypedefTarget(typeof(ushort), AbiTarget.I386, AbiTarget.Arm32, AbiTarget.Armel, AbiTarget.Hppa, AbiTarget.M68k, AbiTarget.Sh4)]
public struct KernelModeT
{
    /// <summary>Creates the value.</summary>
    public KernelModeT(uint value) => Value = value;

    /// <summary>The value (<c>__kernel_mode_t</c> is a <c>uint</c> on x86_64).</summary>
    public uint Value;
}

/// <summary><c>__kernel_mqd_t</c> (the same on every target).</summary>
[AbiTypedef("__kernel_mqd_t", typeof(int))]
public struct KernelMqdT
{
    /// <summary>Creates the value.</summary>
    public KernelMqdT(int value) => Value = value;

    /// <summary>The value (<c>__kernel_mqd_t</c> is a <c>int</c> on x86_64).</summary>
    public int Value;
}

/// <summary><c>__kernel_off_t</c>.</summary>
[AbiTypedef("__kernel_off_t", typeof(int))]
[AbiTypedefTarget(typeof(long), AbiTarget.X86_64, AbiTarget.Aarch64, AbiTarget.Ppc64le, AbiTarget.Riscv64, AbiTarget.X32, AbiTarget.Ppc64, AbiTarget.S390x, AbiTarget.Mips64, AbiTarget.Mips64el, AbiTarget.Sparc64, AbiTarget.Alpha)]
public struct KernelOffT
{
    /// <summary>Creates the value.</summary>
    public KernelOffT(long value) => Value = value;

    /// <summary>The value (<c>__kernel_off_t</c> is a <c>long</c> on x86_64).</summary>
    public long Value;
}

/// <summary><c>__kernel_old_dev_t</c>.</summary>
[AbiTypedef("__kernel_old_dev_t", typeof(uint))]
[AbiTypedefTarget(typeof(ulong), AbiTarget.X86_64, AbiTarget.Ppc64le, AbiTarget.Ppc64)]
[AbiTypedefTarget(typeof(ushort), AbiTarget.I386, AbiTarget.Arm32, AbiTarget.Armel, AbiTarget.S390x, AbiTarget.M68k, AbiTarget.Sh4)]
public struct KernelOldDevT
{
    /// <summary>Creates the value.</summary>
    public KernelOldDevT(ulong value) => Value = value;

    /// <summary>The value (<c>__kernel_old_dev_t</c> is a <c>ulong</c> on x86_64).</summary>
    public ulong Value;
}

/// <summary><c>__kernel_old_gid_t</c>.</summary>
[AbiTypedef("__kernel_old_gid_t", typeof(uint))]
[AbiTypedefTarget(typeof(ushort), AbiTarget.X86_64, AbiTarget.I386, AbiTarget.Aarch64, AbiTarget.Arm32, AbiTarget.X32, AbiTarget.Armel, AbiTarget.Sparc64, AbiTarget.M68k, AbiTarget.Sh4)]
public struct KernelOldGidT
{
    /// <summary>Creates the value.</summary>
    public KernelOldGidT(ushort value) => Value = value;

    /// <summary>The value (<c>__kernel_old_gid_t</c> is a <c>ushort</c> on x86_64).</summary>
    public ushort Value;
}

/// <summary><c>__kernel_old_time_t</c>.</summary>
[AbiTypedef("__kernel_old_time_t", typeof(int))]
[AbiTypedefTarget(typeof(long), AbiTarget.X86_64, AbiTarget.Aarch64, AbiTarget.Ppc64le, AbiTarget.Riscv64, AbiTarget.X32, AbiTarget.Ppc64, AbiTarget.S390x, AbiTarget.Mips64, AbiTarget.Mips64el, AbiTarget.Sparc64, AbiTarget.Alpha)]
public struct KernelOldTimeT
{
    /// <summary>Creates the value.</summary>
    public KernelOldTimeT(long value) => Value = value;

    /// <summary>The value (<c>__kernel_old_time_t</c> is a <c>long</c> on x86_64).</summary>
    public long Value;
}

/// <summary><c>__kernel_old_uid_t</c>.</summary>
[AbiTypedef("__kernel_old_uid_t", typeof(uint))]
[AbiTypedefTarget(typeof(ushort), AbiTarget.X86_64, AbiTarget.I386, AbiTarget.Aarch64, AbiTarget.Arm32, AbiTarget.X32, AbiTarget.Armel, AbiTarget.Sparc64, AbiTarget.M68k, AbiTarget.Sh4)]
public struct KernelOldUidT
{
    /// <summary>Creates the value.</summary>
    public KernelOldUidT(ushort value) => Value = value;

    /// <summary>The value (<c>__kernel_old_uid_t</c> is a <c>ushort</c> on x86_64).</summary>
    public ushort Value;
}

/// <summary><c>__kernel_pid_t</c> (the same on every target).</summary>
[AbiTypedef("__kernel_pid_t", typeof(int))]
public struct KernelPidT
{
    /// <summary>Creates the value.</summary>
    public KernelPidT(int value) => Value = value;

    /// <summary>The value (<c>__kernel_pid_t</c> is a <c>int</c> on x86_64).</summary>
    public int Value;
}

/// <summary><c>__kernel_ptrdiff_t</c>.</summary>
[AbiTypedef("__kernel_ptrdiff_t", typeof(int))]
[AbiTypedefTarget(typeof(long), AbiTarget.X86_64, AbiTarget.Aarch64, AbiTarget.Ppc64le, AbiTarget.Riscv64, AbiTarget.Ppc64, AbiTarget.S390x, AbiTarget.Mips64, AbiTarget.Mips64el, AbiTarget.Sparc64, AbiTarget.Alpha)]
public struct KernelPtrdiffT
{
    /// <summary>Creates the value.</summary>
    public KernelPtrdiffT(long value) => Value = value;

    /// <summary>The value (<c>__kernel_ptrdiff_t</c> is a <c>long</c> on x86_64).</summary>
    public long Value;
}

/// <summary><c>__kernel_size_t</c>.</summary>
[AbiTypedef("__kernel_size_t", typeof(uint))]
[AbiTypedefTarget(typeof(ulong), AbiTarget.X86_64, AbiTarget.Aarch64, AbiTarget.Ppc64le, AbiTarget.Riscv64, AbiTarget.Ppc64, AbiTarget.S390x, AbiTarget.Mips64, AbiTarget.Mips64el, AbiTarget.Sparc64, AbiTarget.Alpha)]
public struct KernelSizeT
{
    /// <summary>Creates the value.</summary>
    public KernelSizeT(ulong value) => Value = value;

    /// <summary>The value (<c>__kernel_size_t</c> is a <c>ulong</c> on x86_64).</summary>
    public ulong Value;
}

/// <summary><c>__kernel_ssize_t</c>.</summary>
[AbiTypedef("__kernel_ssize_t", typeof(int))]
[AbiTypedefTarget(typeof(long), AbiTarget.X86_64, AbiTarget.Aarch64, AbiTarget.Ppc64le, AbiTarget.Riscv64, AbiTarget.Ppc64, AbiTarget.S390x, AbiTarget.Mips64, AbiTarget.Mips64el, AbiTarget.Sparc64, AbiTarget.Alpha)]
public struct KernelSsizeT
{
    /// <summary>Creates the value.</summary>
    public KernelSsizeT(long value) => Value = value;

    /// <summary>The value (<c>__kernel_ssize_t</c> is a <c>long</c> on x86_64).</summary>
    public long Value;
}

/// <summary><c>__kernel_suseconds_t</c>.</summary>
[AbiTypedef("__kernel_suseconds_t", typeof(int))]
[AbiTypedefTarget(typeof(long), AbiTarget.X86_64, AbiTarget.Aarch64, AbiTarget.Ppc64le, AbiTarget.Riscv64, AbiTarget.X32, AbiTarget.Ppc64, AbiTarget.S390x, AbiTarget.Mips64, AbiTarget.Mips64el, AbiTarget.Alpha)]
public struct KernelSusecondsT
{
    /// <summary>Creates the value.</summary>
    public KernelSusecondsT(long value) => Value = value;

    /// <summary>The value (<c>__kernel_suseconds_t</c> is a <c>long</c> on x86_64).</summary>
    public long Value;
}

/// <summary><c>__kernel_time64_t</c> (the same on every target).</summary>
[AbiTypedef("__kernel_time64_t", typeof(long))]
public struct KernelTime64T
{
    /// <summary>Creates the value.</summary>
    public KernelTime64T(long value) => Value = value;

    /// <summary>The value (<c>__kernel_time64_t</c> is a <c>long</c> on x86_64).</summary>
    public long Value;
}

/// <summary><c>__kernel_time_t</c>.</summary>
[AbiTypedef("__kernel_time_t", typeof(int))]
[AbiTypedefTarget(typeof(long), AbiTarget.X86_64, AbiTarget.Aarch64, AbiTarget.Ppc64le, AbiTarget.Riscv64, AbiTarget.X32, AbiTarget.Ppc64, AbiTarget.S390x, AbiTarget.Mips64, AbiTarget.Mips64el, AbiTarget.Sparc64, AbiTarget.Alpha)]
public struct KernelTimeT
{
    /// <summary>Creates the value.</summary>
    public KernelTimeT(long value) => Value = value;

    /// <summary>The value (<c>__kernel_time_t</c> is a <c>long</c> on x86_64).</summary>
    public long Value;
}

/// <summary><c>__kernel_timer_t</c> (the same on every target).</summary>
[AbiTypedef("__kernel_timer_t", typeof(int))]
public struct KernelTimerT
{
    /// <summary>Creates the value.</summary>
    public KernelTimerT(int value) => Value = value;

    /// <summary>The value (<c>__kernel_timer_t</c> is a <c>int</c> on x86_64).</summary>
    public int Value;
}

/// <summary><c>__kernel_uid16_t</c> (the same on every target).</summary>
[AbiTypedef("__kernel_uid16_t", typeof(ushort))]
public struct KernelUid16T
{
    /// <summary>Creates the value.</summary>
    public KernelUid16T(ushort value) => Value = value;

    /// <summary>The value (<c>__kernel_uid16_t</c> is a <c>ushort</c> on x86_64).</summary>
    public ushort Value;
}

/// <summary><c>__kernel_uid32_t</c> (the same on every target).</summary>
[AbiTypedef("__kernel_uid32_t", typeof(uint))]
public struct KernelUid32T
{
    /// <summary>Creates the value.</summary>
    public KernelUid32T(uint value) => Value = value;

    /// <summary>The value (<c>__kernel_uid32_t</c> is a <c>uint</c> on x86_64).</summary>
    public uint Value;
}

/// <summary><c>__kernel_uid_t</c>.</summary>
[AbiTypedef("__kernel_uid_t", typeof(uint))]
[AbiTypedefTarget(typeof(ushort), AbiTarget.I386, AbiTarget.Arm32, AbiTarget.Armel, AbiTarget.M68k, AbiTarget.Sh4)]
public struct KernelUidT
{
    /// <summary>Creates the value.</summary>
    public KernelUidT(uint value) => Value = value;

    /// <summary>The value (<c>__kernel_uid_t</c> is a <c>uint</c> on x86_64).</summary>
    public uint Value;
}

/// <summary><c>__kernel_ulong_t</c>.</summary>
[AbiTypedef("__kernel_ulong_t", typeof(uint))]
[AbiTypedefTarget(typeof(ulong), AbiTarget.X86_64, AbiTarget.Aarch64, AbiTarget.Ppc64le, AbiTarget.Riscv64, AbiTarget.X32, AbiTarget.Ppc64, AbiTarget.S390x, AbiTarget.Mips64, AbiTarget.Mips64el, AbiTarget.Sparc64, AbiTarget.Alpha)]
public struct KernelUlongT
{
    /// <summary>Creates the value.</summary>
    public KernelUlongT(ulong value) => Value = value;

    /// <summary>The value (<c>__kernel_ulong_t</c> is a <c>ulong</c> on x86_64).</summary>
    public ulong Value;
}
