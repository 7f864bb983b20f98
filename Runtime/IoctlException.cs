using System;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;

namespace IoctlSharp;

/// <summary>An ioctl returned an error: carries the errno, its symbolic name (from <see cref="ErrnoException"/>) and the request.</summary>
public class IoctlException : ErrnoException
{
    /// <summary>Creates the exception for <paramref name="errno"/> returned by <paramref name="requestName"/>.</summary>
    public IoctlException(int errno, string requestName, uint request)
        : base(errno, $"{requestName} (0x{request:X8}) failed: {IoctlSharp.Errno.Name(errno)} ({errno}): {IoctlSharp.Errno.GetMessage(errno)}")
    {
        RequestName = requestName;
        Request = request;
    }

    /// <summary>The request's name.</summary>
    public string RequestName { get; }

    /// <summary>The request number that was issued.</summary>
    public uint Request { get; }
}

/// <summary>
/// Linux errno values, their symbolic names and their messages. The constants (<see cref="EPERM"/> …
/// <see cref="EHWPOISON"/>, with the aliases <see cref="EWOULDBLOCK"/>, <see cref="EDEADLOCK"/> and
/// <see cref="ENOTSUP"/>) are the generic numbers of the kernel's <c>asm-generic/errno-base.h</c> and
/// <c>asm-generic/errno.h</c>, which x86, x86_64, arm, aarch64 and riscv64 use; alpha, mips, parisc, powerpc and
/// sparc number some of them differently: <see cref="Number(string, AbiTarget)"/> and
/// <see cref="Name(int, AbiTarget)"/> give every target's numbers (<see cref="Table"/>, from each target's
/// <c>&lt;asm/errno.h&gt;</c>), and the overloads without a target use the running process's.
/// </summary>
public static partial class Errno
{
    /// <summary>Every target's errno names and numbers, as its <c>&lt;asm/errno.h&gt;</c> defines them (glibc's <c>ENOTSUP</c>, another name for <c>EOPNOTSUPP</c>, is not in it: <see cref="TryGetNumber"/> knows it).</summary>
    public static AbiConstantTable Table => TargetConstants.Errno;

    // On an architecture without a row (loongarch64), asm-generic's numbers, which x86_64's table has.
    private static AbiTarget Running => AbiTargets.Current ?? AbiTarget.X86_64;

    /// <summary>The symbolic name of <paramref name="errno"/> (<c>ENOENT</c>) in the running process, or <c>E{number}</c> for a number without one.</summary>
    /// <remarks>Where two names share a number, the name is the one the header defines with the number: <c>EAGAIN</c>, not <c>EWOULDBLOCK</c>.</remarks>
    public static string Name(int errno) => Name(errno, Running);

    /// <summary>The symbolic name of <paramref name="errno"/> on <paramref name="target"/>, or <c>E{number}</c> for a number without one there.</summary>
    public static string Name(int errno, AbiTarget target)
        => TryGetName(errno, target, out string? name) ? name : "E" + errno.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The symbolic name of <paramref name="errno"/> in the running process; false for a number that has none.</summary>
    public static bool TryGetName(int errno, [NotNullWhen(true)] out string? name) => TryGetName(errno, Running, out name);

    /// <summary>The symbolic name of <paramref name="errno"/> on <paramref name="target"/>; false for a number that has none there.</summary>
    public static bool TryGetName(int errno, AbiTarget target, [NotNullWhen(true)] out string? name) => Table.TryGetName(errno, target, out name);

    /// <summary>The number of the errno called <paramref name="name"/> in the running process (<c>"EAGAIN"</c> or its alias <c>"EWOULDBLOCK"</c>, case-sensitive); false for a name that is not one.</summary>
    public static bool TryGetValue(string name, out int errno) => TryGetNumber(name, Running, out errno);

    /// <summary>The number of the errno called <paramref name="name"/> on <paramref name="target"/> (<c>"EAGAIN"</c> is 11 on x86_64, 35 on mips32 and alpha); false for a name the target does not define.</summary>
    public static bool TryGetNumber(string name, AbiTarget target, out int errno)
    {
        bool known = Table.TryGetNumber(name == "ENOTSUP" ? "EOPNOTSUPP" : name, target, out long number); // glibc: #define ENOTSUP EOPNOTSUPP
        errno = (int)number; // errno numbers are small
        return known;
    }

    /// <summary>The number of the errno called <paramref name="name"/> on <paramref name="target"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="target"/>'s header defines no <paramref name="name"/>.</exception>
    public static int Number(string name, AbiTarget target)
        => TryGetNumber(name, target, out int errno) ? errno
            : throw new ArgumentException($"{Table.Header} defines no {name} on {target.CName()}.", nameof(name));

    /// <summary>The C library's message for <paramref name="errno"/> (<c>strerror</c>: "No such file or directory").</summary>
    public static string GetMessage(int errno) => Marshal.GetPInvokeErrorMessage(errno);
}
