using System;
using System.Runtime.InteropServices;

namespace Sample.Driver.Interop;

/// <summary>Owns a raw file descriptor (a VM, a vCPU, a userfaultfd, an eventfd) and closes it once.</summary>
public sealed class FileDescriptor : SafeHandle
{
    /// <summary>Takes ownership of <paramref name="fd"/>.</summary>
    public FileDescriptor(int fd) : base(new IntPtr(-1), ownsHandle: true) => SetHandle(new IntPtr(fd));

    /// <inheritdoc/>
    public override bool IsInvalid => handle.ToInt64() < 0;

    /// <summary>The descriptor number (for logging and poll).</summary>
    public int Number => (int)handle.ToInt64();

    /// <inheritdoc/>
    protected override bool ReleaseHandle() => Libc.Close((int)handle.ToInt64()) == 0;
}
