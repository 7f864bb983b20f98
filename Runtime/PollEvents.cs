using System;

namespace IoctlSharp;

/// <summary>
/// What a file descriptor is ready for, as poll(2) reports it (<c>POLLIN</c>, <c>POLLOUT</c>, …; the generic Linux
/// values). Ask for <see cref="Readable"/>, <see cref="Priority"/> or <see cref="Writable"/>; <see cref="Error"/>,
/// <see cref="HangUp"/> and <see cref="Invalid"/> are reported whether asked for or not.
/// </summary>
[Flags]
public enum PollEvents : short
{
    /// <summary>Nothing: what a wait that timed out returns.</summary>
    None = 0,

    /// <summary><c>POLLIN</c>: a read would not block (a tun packet, a pipe's bytes, a userfaultfd message).</summary>
    Readable = 0x1,

    /// <summary><c>POLLPRI</c>: an exceptional condition (out-of-band data, a changed sysfs attribute).</summary>
    Priority = 0x2,

    /// <summary><c>POLLOUT</c>: a write would not block.</summary>
    Writable = 0x4,

    /// <summary><c>POLLERR</c>: an error condition (the read end of a pipe is closed, for its write end).</summary>
    Error = 0x8,

    /// <summary><c>POLLHUP</c>: the peer hung up (every write end of a pipe is closed, for its read end).</summary>
    HangUp = 0x10,

    /// <summary><c>POLLNVAL</c>: the fd is not open.</summary>
    Invalid = 0x20,
}

/// <summary>How <see cref="FileDescriptorHandle.Open(string, FileDescriptorOpenOptions)"/> opens a device.</summary>
[Flags]
public enum FileDescriptorOpenOptions
{
    /// <summary>Read-write, blocking, <c>O_CLOEXEC</c> (what <see cref="FileDescriptorHandle.Open(string)"/> does).</summary>
    None = 0,

    /// <summary>
    /// <c>O_NONBLOCK</c> as well: a read or request that would wait fails with <see cref="Errno.EAGAIN"/> instead;
    /// wait for readiness with <see cref="FileDescriptorHandle.WaitForReady(PollEvents, System.Threading.CancellationToken)"/>
    /// or <see cref="FileDescriptorHandle.WaitForReadyAsync"/> first.
    /// </summary>
    NonBlocking = 1,
}
