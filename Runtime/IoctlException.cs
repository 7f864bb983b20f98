using System.Runtime.InteropServices;

namespace IoctlSharp;

/// <summary>An ioctl returned an error: carries the errno, its symbolic name (from <see cref="ErrnoException"/>) and the request.</summary>
public class IoctlException : ErrnoException
{
    /// <summary>Creates the exception for <paramref name="errno"/> returned by <paramref name="requestName"/>.</summary>
    public IoctlException(int errno, string requestName, uint request)
        : base(errno, $"{requestName} (0x{request:X8}) failed: {IoctlSharp.Errno.Name(errno)} ({errno}): {Marshal.GetPInvokeErrorMessage(errno)}")
    {
        RequestName = requestName;
        Request = request;
    }

    /// <summary>The request's name.</summary>
    public string RequestName { get; }

    /// <summary>The request number that was issued.</summary>
    public uint Request { get; }
}

/// <summary>Linux errno values (asm-generic/errno-base.h and errno.h, as on x86, arm, aarch64, riscv and powerpc).</summary>
public static class Errno
{
    /// <summary>The symbolic name of <paramref name="errno"/>, or <c>E{number}</c> for one without a name here.</summary>
    public static string Name(int errno) => errno switch
    {
        1 => "EPERM", 2 => "ENOENT", 3 => "ESRCH", 4 => "EINTR", 5 => "EIO", 6 => "ENXIO", 7 => "E2BIG",
        8 => "ENOEXEC", 9 => "EBADF", 10 => "ECHILD", 11 => "EAGAIN", 12 => "ENOMEM", 13 => "EACCES",
        14 => "EFAULT", 15 => "ENOTBLK", 16 => "EBUSY", 17 => "EEXIST", 18 => "EXDEV", 19 => "ENODEV",
        20 => "ENOTDIR", 21 => "EISDIR", 22 => "EINVAL", 23 => "ENFILE", 24 => "EMFILE", 25 => "ENOTTY",
        26 => "ETXTBSY", 27 => "EFBIG", 28 => "ENOSPC", 29 => "ESPIPE", 30 => "EROFS", 31 => "EMLINK",
        32 => "EPIPE", 33 => "EDOM", 34 => "ERANGE", 35 => "EDEADLK", 36 => "ENAMETOOLONG", 38 => "ENOSYS",
        61 => "ENODATA", 62 => "ETIME", 75 => "EOVERFLOW", 95 => "EOPNOTSUPP", 110 => "ETIMEDOUT",
        _ => "E" + errno.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
