using System;
using System.IO;
using System.Runtime.InteropServices;

namespace IoctlSharp;

/// <summary>
/// An owned (or borrowed) Linux file descriptor: a device opened with <c>O_CLOEXEC</c>, an fd from a system call
/// (userfaultfd), or the new fd an ioctl returns (KVM_CREATE_VM). Closing it closes the fd once, after the last
/// call that holds a reference on it has returned.
/// </summary>
/// <remarks>
/// Derive a type per kind of fd (<c>sealed class KvmVmHandle : FileDescriptorHandle</c>) and declare it as the
/// return type of the ioctl that creates it: the generated wrapper wraps the returned fd in a new instance, created
/// with the public parameterless constructor.
/// </remarks>
public class FileDescriptorHandle : SafeHandle
{
    /// <summary>An invalid handle that owns the fd it will be given (how generated wrappers create one).</summary>
    public FileDescriptorHandle() : base(-1, ownsHandle: true)
    {
    }

    /// <summary>Wraps <paramref name="fd"/>; when <paramref name="ownsHandle"/>, disposing the handle closes it.</summary>
    public FileDescriptorHandle(int fd, bool ownsHandle) : base(-1, ownsHandle) => SetHandle(fd);

    /// <inheritdoc/>
    public override bool IsInvalid => (long)handle < 0;

    /// <summary>The fd number; throws <see cref="ObjectDisposedException"/> once the handle is closed.</summary>
    public int Fd
    {
        get
        {
            ObjectDisposedException.ThrowIf(IsClosed, this);
            return (int)handle;
        }
    }

    /// <summary>Opens <paramref name="path"/> (a device such as <c>/dev/kvm</c>) read-write with <c>O_CLOEXEC</c>.</summary>
    /// <exception cref="ErrnoException">open(2) failed.</exception>
    public static FileDescriptorHandle Open(string path) => Open<FileDescriptorHandle>(path);

    /// <summary>Opens <paramref name="path"/> read-write with <c>O_CLOEXEC</c> into a handle of type <typeparamref name="THandle"/>.</summary>
    /// <exception cref="ErrnoException">open(2) failed.</exception>
    public static THandle Open<THandle>(string path) where THandle : FileDescriptorHandle, new()
    {
        ArgumentNullException.ThrowIfNull(path);
        var result = new THandle();
        int fd = Native.Open(path, Native.O_RDWR | Native.O_CLOEXEC);
        if (fd < 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            result.Dispose();
            throw new ErrnoException(errno, "open", path);
        }

        Marshal.InitHandle(result, fd);
        return result;
    }

    /// <summary>
    /// Reads whole <typeparamref name="T"/> records (a userfaultfd's <c>struct uffd_msg</c>s) into
    /// <paramref name="records"/>; returns how many were read. Like every call here it holds a reference on the handle,
    /// never retries (a signal gives errno EINTR) and allocates nothing unless it throws.
    /// </summary>
    /// <exception cref="ErrnoException">read(2) failed (EAGAIN on a non-blocking fd with nothing to read).</exception>
    public unsafe int Read<T>(Span<T> records) where T : unmanaged
    {
        bool added = false;
        try
        {
            DangerousAddRef(ref added);
            nint bytes;
            fixed (T* p = records)
                bytes = Native.Read((int)handle, p, (nuint)records.Length * (nuint)sizeof(T));
            if (bytes < 0)
                throw new ErrnoException(Marshal.GetLastPInvokeError(), "read", $"of fd {(int)handle}");
            return (int)(bytes / sizeof(T));
        }
        finally
        {
            if (added)
                DangerousRelease();
        }
    }

    /// <inheritdoc/>
    protected override bool ReleaseHandle() => Native.Close((int)handle) == 0;
}

/// <summary>A system call other than ioctl (open, mmap) failed: carries the errno and its symbolic name.</summary>
public class ErrnoException : IOException
{
    /// <summary>Creates the exception for <paramref name="errno"/> returned by <paramref name="operation"/> on <paramref name="subject"/>.</summary>
    public ErrnoException(int errno, string operation, string subject)
        : this(errno, $"{operation} {subject} failed: {IoctlSharp.Errno.Name(errno)} ({errno}): {IoctlSharp.Errno.GetMessage(errno)}")
    {
    }

    /// <summary>Creates the exception for <paramref name="errno"/> from a system call of your own: the message is the errno's name, number and text.</summary>
    public ErrnoException(int errno)
        : this(errno, $"{IoctlSharp.Errno.Name(errno)} ({errno}): {IoctlSharp.Errno.GetMessage(errno)}")
    {
    }

    /// <summary>Creates the exception with its message.</summary>
    protected ErrnoException(int errno, string message) : base(message)
    {
        Errno = errno;
        HResult = errno;
    }

    /// <summary>The errno value.</summary>
    public int Errno { get; }

    /// <summary>The errno's symbolic name (<c>ENOENT</c>).</summary>
    public string ErrnoName => IoctlSharp.Errno.Name(Errno);
}

/// <summary>The libc calls of the runtime besides ioctl.</summary>
internal static unsafe partial class Native
{
    // Generic Linux values; x86, x86_64, arm, aarch64, riscv64 and powerpc agree on these.
    public const int O_RDWR = 2;
    public const int O_CLOEXEC = 0x80000;
    public const int MAP_SHARED = 0x01;
    public const int MAP_PRIVATE = 0x02;
    public const int MAP_ANONYMOUS = 0x20;

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    public static partial nint Read(int fd, void* buffer, nuint count);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    // off_t is a C long without _FILE_OFFSET_BITS: pointer-sized.
    [LibraryImport("libc", EntryPoint = "mmap", SetLastError = true)]
    public static partial nint Mmap(nint address, nuint length, int protection, int flags, int fd, nint offset);

    [LibraryImport("libc", EntryPoint = "munmap", SetLastError = true)]
    public static partial int Munmap(nint address, nuint length);
}
