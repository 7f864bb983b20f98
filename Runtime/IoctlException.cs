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
/// <c>asm-generic/errno.h</c>, which x86, x86_64, arm, aarch64 and riscv64 use; a few architectures (alpha, mips,
/// parisc and sparc among them) number many of them differently.
/// </summary>
public static partial class Errno
{
    /// <summary>The symbolic name of <paramref name="errno"/> (<c>ENOENT</c>), or <c>E{number}</c> for a number without one.</summary>
    /// <remarks>Where two names share a number, the name is the one the header defines with the number: <c>EAGAIN</c>, not <c>EWOULDBLOCK</c>.</remarks>
    public static string Name(int errno) => KnownName(errno) ?? "E" + errno.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The symbolic name of <paramref name="errno"/>; false for a number that has none.</summary>
    public static bool TryGetName(int errno, [NotNullWhen(true)] out string? name)
    {
        name = KnownName(errno);
        return name is not null;
    }

    /// <summary>The number of the errno called <paramref name="name"/> (<c>"EAGAIN"</c> or its alias <c>"EWOULDBLOCK"</c>, case-sensitive); false for a name that is not one.</summary>
    public static bool TryGetValue(string name, out int errno)
    {
        ArgumentNullException.ThrowIfNull(name);
        errno = KnownValue(name);
        return errno != 0;
    }

    /// <summary>The C library's message for <paramref name="errno"/> (<c>strerror</c>: "No such file or directory").</summary>
    public static string GetMessage(int errno) => Marshal.GetPInvokeErrorMessage(errno);
}
