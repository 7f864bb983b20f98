using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace IoctlSharp;

/// <summary>
/// Issues ioctls. Generated wrappers call these; user code can too, with a request number from a generated
/// <c>Requests</c> class. Every call holds a reference on the handle for its duration (a handle closed by another
/// thread is never reused by mistake) and throws <see cref="IoctlException"/> when the kernel returns an error.
/// </summary>
public static unsafe partial class Ioctl
{
    /// <summary>Issues <paramref name="request"/> with no argument (0); returns the non-negative result.</summary>
    public static int Invoke(SafeHandle fd, uint request, string name) => InvokePointer(fd, request, null, name);

    /// <summary>Issues <paramref name="request"/> with an integer argument passed by value (KVM_CHECK_EXTENSION, KVM_CREATE_VCPU).</summary>
    public static int InvokeValue(SafeHandle fd, uint request, nuint argument, string name)
        => InvokePointer(fd, request, (void*)argument, name);

    /// <summary>Issues <paramref name="request"/> with a pointer to <paramref name="argument"/>.</summary>
    public static int InvokeRef<T>(SafeHandle fd, uint request, ref T argument, string name) where T : unmanaged
    {
        fixed (T* p = &argument)
            return InvokePointer(fd, request, p, name);
    }

    /// <summary>Issues <paramref name="request"/> with a pointer to the first byte of <paramref name="buffer"/>.</summary>
    public static int InvokeSpan(SafeHandle fd, uint request, Span<byte> buffer, string name)
    {
        fixed (byte* p = buffer)
            return InvokePointer(fd, request, p, name);
    }

    /// <summary>Issues <paramref name="request"/> with a raw pointer argument.</summary>
    public static int InvokePointer(SafeHandle fd, uint request, void* argument, string name)
    {
        ArgumentNullException.ThrowIfNull(fd);
        bool added = false;
        try
        {
            fd.DangerousAddRef(ref added);
            int result = Sys(fd.DangerousGetHandle().ToInt32(), request, argument);
            if (result < 0)
                throw new IoctlException(Marshal.GetLastPInvokeError(), name, request);
            return result;
        }
        finally
        {
            if (added)
                fd.DangerousRelease();
        }
    }

    /// <summary>
    /// A request number whose size is known only at the call (<c>VBG_IOCTL_HGCM_CALL_64(s)</c>): ORs
    /// <paramref name="size"/> into the size field of <paramref name="numberWithoutSize"/>; a size that does not fit
    /// the target's size field is an <see cref="ArgumentOutOfRangeException"/>, never a truncated number.
    /// </summary>
    public static uint WithSize(uint numberWithoutSize, int size, int maxSize, string name)
    {
        if ((uint)size > (uint)maxSize)
            throw new ArgumentOutOfRangeException(nameof(size), size,
                $"{name}: a size of {size} bytes does not fit the request number's size field (at most {maxSize}).");
        return numberWithoutSize | ((uint)size << 16);
    }

    // glibc declares ioctl(int, unsigned long, ...): the request goes in as a zero-extended unsigned long.
    [LibraryImport("libc", EntryPoint = "ioctl", SetLastError = true)]
    private static partial int Sys(int fd, nuint request, void* argument);
}
