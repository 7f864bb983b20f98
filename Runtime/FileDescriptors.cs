using System;
using System.IO.Pipes;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace IoctlSharp;

/// <summary>
/// A handle given where an fd is required was not one: a <see cref="SafeHandle"/> of a kind that does not hold a
/// file descriptor (a <see cref="MemoryMapping"/>, whose value is an address), or an fd handle whose value does not
/// fit the <c>int</c> the kernel takes. Thrown before any system call is made.
/// </summary>
public sealed class NotAFileDescriptorException : ArgumentException
{
    internal NotAFileDescriptorException(SafeHandle handle, string message, string? paramName)
        : base(message, paramName)
    {
        HandleType = handle.GetType();
    }

    /// <summary>The type of the handle that was refused.</summary>
    public Type HandleType { get; }
}

/// <summary>The one check between a <see cref="SafeHandle"/> and the fd number a system call receives.</summary>
internal static class FileDescriptors
{
    /// <summary>
    /// The fd number of <paramref name="handle"/>, on which the caller holds a reference. The handle must be a
    /// <see cref="FileDescriptorHandle"/> (or a type derived from it), a <see cref="SafeFileHandle"/>, a
    /// <see cref="SafePipeHandle"/> or a <see cref="SafeSocketHandle"/>: the kinds whose value is an fd on Linux.
    /// A value outside <c>int</c>'s range is refused rather than truncated; -1 (an invalid handle) is passed on, so
    /// the kernel answers EBADF as for any closed fd number.
    /// </summary>
    public static int Of(SafeHandle handle, string paramName)
    {
        if (handle is not (FileDescriptorHandle or SafeFileHandle or SafePipeHandle or SafeSocketHandle))
            throw new NotAFileDescriptorException(handle,
                $"A {handle.GetType().Name} is not a file descriptor: pass a FileDescriptorHandle (or a type derived from it), a SafeFileHandle, a SafePipeHandle or a SafeSocketHandle.",
                paramName);
        nint value = handle.DangerousGetHandle();
        if (value < -1 || value > int.MaxValue)
            throw new NotAFileDescriptorException(handle,
                $"The {handle.GetType().Name}'s value 0x{(long)value:X} does not fit an fd number (an int).", paramName);
        return (int)value;
    }
}
