using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;

namespace IoctlSharp;

/// <summary>
/// An owned (or borrowed) Linux file descriptor: a device opened with <c>O_CLOEXEC</c>, an fd from a system call
/// (userfaultfd), or the new fd an ioctl returns (KVM_CREATE_VM). Closing it closes the fd once, after the last
/// call that holds a reference on it has returned.
/// </summary>
/// <remarks>
/// <para>Derive a type per kind of fd (<c>sealed class KvmVmHandle : FileDescriptorHandle</c>) and declare it as the
/// return type of the ioctl that creates it: the generated wrapper wraps the returned fd in a new instance, created
/// with the public parameterless constructor.</para>
/// <para>Blocking: a thread blocked in a read(2) or a blocking ioctl on the fd stays blocked when the handle is
/// disposed (the kernel call holds the file). Wait for readiness first instead —
/// <see cref="WaitForReady(PollEvents, CancellationToken)"/> or <see cref="WaitForReadyAsync"/>, on a handle opened
/// with <see cref="FileDescriptorOpenOptions.NonBlocking"/> — and a cancellation or <see cref="SafeHandle.Dispose()"/>
/// releases the waiter at once. KVM_RUN has its own mechanism: <see cref="KvmRunInterrupter"/>.</para>
/// </remarks>
public class FileDescriptorHandle : SafeHandle
{
    private readonly bool _ownsFd;
    private int _closeEventFd = -1; // written once, on Dispose: wakes every synchronous waiter
    private int _closing;
    private AsyncWait? _asyncWait;

    /// <summary>An invalid handle that owns the fd it will be given (how generated wrappers create one).</summary>
    public FileDescriptorHandle() : this(-1, ownsHandle: true)
    {
    }

    /// <summary>Wraps <paramref name="fd"/>; when <paramref name="ownsHandle"/>, disposing the handle closes it.</summary>
    // The SafeHandle always owns (so that ReleaseHandle runs and frees what a wait created); the fd is closed only if ours.
    public FileDescriptorHandle(int fd, bool ownsHandle) : base(-1, ownsHandle: true)
    {
        _ownsFd = ownsHandle;
        SetHandle(fd);
    }

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

    /// <summary>True once <see cref="SafeHandle.Dispose()"/> has been called, even while calls that hold a reference still run.</summary>
    internal bool IsClosing => Volatile.Read(ref _closing) != 0;

    /// <summary>Opens <paramref name="path"/> (a device such as <c>/dev/kvm</c>) read-write with <c>O_CLOEXEC</c>.</summary>
    /// <exception cref="ErrnoException">open(2) failed.</exception>
    public static FileDescriptorHandle Open(string path) => Open<FileDescriptorHandle>(path, FileDescriptorOpenOptions.None);

    /// <summary>Opens <paramref name="path"/> read-write with <c>O_CLOEXEC</c>, and <c>O_NONBLOCK</c> if <paramref name="options"/> say so.</summary>
    /// <exception cref="ErrnoException">open(2) failed.</exception>
    public static FileDescriptorHandle Open(string path, FileDescriptorOpenOptions options) => Open<FileDescriptorHandle>(path, options);

    /// <summary>Opens <paramref name="path"/> read-write with <c>O_CLOEXEC</c> into a handle of type <typeparamref name="THandle"/>.</summary>
    /// <exception cref="ErrnoException">open(2) failed.</exception>
    public static THandle Open<THandle>(string path) where THandle : FileDescriptorHandle, new() => Open<THandle>(path, FileDescriptorOpenOptions.None);

    /// <summary>Opens <paramref name="path"/> as <see cref="Open(string, FileDescriptorOpenOptions)"/> does, into a handle of type <typeparamref name="THandle"/>.</summary>
    /// <exception cref="ErrnoException">open(2) failed.</exception>
    public static THandle Open<THandle>(string path, FileDescriptorOpenOptions options) where THandle : FileDescriptorHandle, new()
    {
        ArgumentNullException.ThrowIfNull(path);
        if ((options & ~FileDescriptorOpenOptions.NonBlocking) != 0)
            throw new ArgumentOutOfRangeException(nameof(options), options, "Unknown open options.");
        var flags = OpenFlags.ReadWrite | OpenFlags.CloseOnExec | ((options & FileDescriptorOpenOptions.NonBlocking) != 0 ? OpenFlags.NonBlocking : 0);
        return OpenNative<THandle>(path, flags.ToNative(AbiTargets.RequireCurrent()), 0);
    }

    /// <summary>
    /// Opens <paramref name="path"/> with exactly <paramref name="flags"/> (give <see cref="OpenFlags.CloseOnExec"/>
    /// unless a child process should inherit the descriptor), as the running target numbers them, and
    /// <paramref name="mode"/> for a file <see cref="OpenFlags.Create"/> or <see cref="OpenFlags.TemporaryFile"/> makes
    /// (0666 by default, less the process's umask, as open(2) does).
    /// </summary>
    /// <exception cref="ErrnoException">open(2) failed (<c>EEXIST</c> for <see cref="OpenFlags.Create"/> | <see cref="OpenFlags.Exclusive"/> on a file that exists).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="flags"/> is not a valid combination (<see cref="OpenFlagsExtensions.ToNative"/>).</exception>
    public static FileDescriptorHandle Open(string path, OpenFlags flags, UnixFileMode mode = DefaultCreateMode) => Open<FileDescriptorHandle>(path, flags, mode);

    /// <summary>Opens <paramref name="path"/> as <see cref="Open(string, OpenFlags, UnixFileMode)"/> does, into a handle of type <typeparamref name="THandle"/>.</summary>
    /// <exception cref="ErrnoException">open(2) failed.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="flags"/> is not a valid combination.</exception>
    public static THandle Open<THandle>(string path, OpenFlags flags, UnixFileMode mode = DefaultCreateMode) where THandle : FileDescriptorHandle, new()
    {
        ArgumentNullException.ThrowIfNull(path);
        return OpenNative<THandle>(path, flags.ToNative(AbiTargets.RequireCurrent()), (uint)mode);
    }

    private const UnixFileMode DefaultCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead
        | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite;

    private static THandle OpenNative<THandle>(string path, int flags, uint mode) where THandle : FileDescriptorHandle, new()
    {
        var result = new THandle();
        int fd = Native.Open(path, flags, mode);
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

    /// <summary>
    /// Writes whole <typeparamref name="T"/> records (an eventfd's 8-byte count, a tun packet's bytes) from
    /// <paramref name="records"/>; returns how many were written. Holds a reference, never retries, allocates nothing
    /// unless it throws.
    /// </summary>
    /// <exception cref="ErrnoException">write(2) failed (EAGAIN on a non-blocking fd that cannot take more).</exception>
    public unsafe int Write<T>(ReadOnlySpan<T> records) where T : unmanaged
    {
        bool added = false;
        try
        {
            DangerousAddRef(ref added);
            nint bytes;
            fixed (T* p = records)
                bytes = Native.Write((int)handle, p, (nuint)records.Length * (nuint)sizeof(T));
            if (bytes < 0)
                throw new ErrnoException(Marshal.GetLastPInvokeError(), "write", $"to fd {(int)handle}");
            return (int)(bytes / sizeof(T));
        }
        finally
        {
            if (added)
                DangerousRelease();
        }
    }

    /// <summary>
    /// Blocks until the fd is ready for one of <paramref name="events"/> (poll(2)) and returns what it is ready for
    /// (which may include <see cref="PollEvents.Error"/> or <see cref="PollEvents.HangUp"/>).
    /// </summary>
    /// <remarks>
    /// A cancellation of <paramref name="cancellationToken"/> or a <see cref="SafeHandle.Dispose()"/> of the handle
    /// from another thread wakes the waiter at once (through an eventfd; nothing polls on a timer). A signal that
    /// interrupts poll(2) does not end the wait. After the first wait on a thread, a wait allocates nothing.
    /// </remarks>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">The handle is, or was while waiting, disposed.</exception>
    /// <exception cref="ErrnoException">poll(2) failed.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters",
        Justification = "The BCL's shape (Task.WaitAsync): the required timeout tells the overloads apart.")]
    public PollEvents WaitForReady(PollEvents events, CancellationToken cancellationToken = default)
        => WaitCore(events, -1, cancellationToken);

    /// <summary>
    /// Like <see cref="WaitForReady(PollEvents, CancellationToken)"/>, for at most <paramref name="timeout"/>
    /// (<see cref="Timeout.InfiniteTimeSpan"/> for no limit, <see cref="TimeSpan.Zero"/> to only look); returns
    /// <see cref="PollEvents.None"/> when the time is up.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative (other than infinite) or longer than <see cref="int.MaxValue"/> milliseconds.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters",
        Justification = "The BCL's shape (Task.WaitAsync): the required timeout tells the overloads apart.")]
    public PollEvents WaitForReady(PollEvents events, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        long ms = (long)timeout.TotalMilliseconds;
        if (timeout != Timeout.InfiniteTimeSpan && (ms < 0 || ms > int.MaxValue))
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "The timeout must be infinite or from 0 to int.MaxValue milliseconds.");
        return WaitCore(events, timeout == Timeout.InfiniteTimeSpan ? -1 : (int)ms, cancellationToken);
    }

    /// <summary>
    /// Waits without blocking a thread until the fd is ready for one of <paramref name="events"/>, and returns what it
    /// is ready for. One asynchronous wait per handle at a time: await it before starting the next.
    /// </summary>
    /// <remarks>
    /// An fd already ready completes at once, synchronously. Otherwise one thread of the process waits in epoll(7) for
    /// every pending asynchronous wait, and the continuation runs on the thread pool. The handle keeps one reusable
    /// wait object: after the first, a wait allocates nothing (beyond what the awaiting code itself allocates).
    /// Readiness is a hint, as with epoll: read or issue the request non-blocking and expect an occasional EAGAIN.
    /// </remarks>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled (thrown when awaited).</exception>
    /// <exception cref="ObjectDisposedException">The handle is, or was while waiting, disposed.</exception>
    /// <exception cref="InvalidOperationException">Another asynchronous wait on this handle is pending.</exception>
    /// <exception cref="ErrnoException">epoll_ctl(2) refused the fd (thrown when awaited): <c>EPERM</c> for a file
    /// whose driver has no poll support (<c>/dev/kvm</c> itself; poll(2) reports such an fd always readable and writable).</exception>
    public ValueTask<PollEvents> WaitForReadyAsync(PollEvents events, CancellationToken cancellationToken = default)
    {
        if (cancellationToken.IsCancellationRequested)
            return ValueTask.FromCanceled<PollEvents>(cancellationToken);
        ThrowIfUnusable();
        var now = WaitCore(events, 0, default);
        if (now != PollEvents.None)
            return new ValueTask<PollEvents>(now);
        var wait = Volatile.Read(ref _asyncWait);
        if (wait is null)
        {
            var created = new AsyncWait();
            wait = Interlocked.CompareExchange(ref _asyncWait, created, null) ?? created;
            if (wait != created)
                created.FreeUnused();
        }

        return wait.Start(this, events, cancellationToken);
    }

    private unsafe PollEvents WaitCore(PollEvents events, int timeoutMs, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ThrowIfUnusable();
        bool added = false;
        try
        {
            DangerousAddRef(ref added);
            Native.PollFd* fds = stackalloc Native.PollFd[3];
            fds[0] = new Native.PollFd { Fd = (int)handle, Events = (short)events };
            int count = 1;
            if (timeoutMs != 0)
            {
                fds[1] = new Native.PollFd { Fd = CloseEventFd(), Events = (short)PollEvents.Readable };
                count = 2;
                if (IsClosing)
                    throw Disposed(this);
            }

            ThreadWaker? waker = null;
            var registration = default(CancellationTokenRegistration);
            if (timeoutMs != 0 && cancellationToken.CanBeCanceled)
            {
                waker = ThreadWaker.Current;
                fds[2] = new Native.PollFd { Fd = waker.Fd, Events = (short)PollEvents.Readable };
                count = 3;
                registration = cancellationToken.UnsafeRegister(ThreadWaker.Wake, waker);
            }

            int ready;
            try
            {
                long deadline = timeoutMs > 0 ? Environment.TickCount64 + timeoutMs : 0;
                while (true)
                {
                    ready = Native.Poll(fds, (nuint)count, timeoutMs);
                    if (ready >= 0)
                        break;
                    int errno = Marshal.GetLastPInvokeError();
                    if (errno != Errno.EINTR)
                        throw new ErrnoException(errno, "poll", $"of fd {(int)handle}");
                    if (timeoutMs > 0)
                        timeoutMs = (int)Math.Max(0, deadline - Environment.TickCount64);
                }
            }
            finally
            {
                if (waker is not null)
                {
                    registration.Dispose(); // waits for a callback in progress: after it, no write is on its way
                    if (cancellationToken.IsCancellationRequested)
                        waker.Drain();
                }
            }

            if (count > 1 && fds[1].Revents != 0)
                throw Disposed(this);
            if (count > 2 && fds[2].Revents != 0)
                throw new OperationCanceledException(cancellationToken);
            return ready == 0 ? PollEvents.None : (PollEvents)fds[0].Revents;
        }
        finally
        {
            if (added)
                DangerousRelease();
        }
    }

    private void ThrowIfUnusable()
    {
        ObjectDisposedException.ThrowIf(IsClosed || IsClosing, this);
        if (IsInvalid)
            throw new InvalidOperationException("The handle holds no fd.");
    }

    internal static ObjectDisposedException Disposed(FileDescriptorHandle handle)
        => new(handle.GetType().FullName, "The handle was disposed while a wait on it was pending.");

    private int CloseEventFd()
    {
        int fd = Volatile.Read(ref _closeEventFd);
        if (fd >= 0)
            return fd;
        int created = Native.CreateEventFd("a handle's close eventfd");
        fd = Interlocked.CompareExchange(ref _closeEventFd, created, -1);
        if (fd >= 0)
        {
            Native.Close(created);
            return fd;
        }

        return created;
    }

    /// <summary>Wakes every wait on the handle (they throw <see cref="ObjectDisposedException"/>), then disposes it.</summary>
    protected override unsafe void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _closing, 1) == 0)
        {
            int fd = Volatile.Read(ref _closeEventFd);
            if (fd >= 0)
            {
                ulong one = 1;
                Native.Write(fd, &one, sizeof(ulong)); // never read: it stays readable for every waiter
            }

            var wait = Volatile.Read(ref _asyncWait);
            if (wait is not null && wait.IsPending)
                wait.Abort(Disposed(this));
        }

        base.Dispose(disposing);
    }

    /// <inheritdoc/>
    protected override bool ReleaseHandle()
    {
        if (_closeEventFd >= 0)
            Native.Close(_closeEventFd);
        _asyncWait?.Free((int)handle);
        return !_ownsFd || Native.Close((int)handle) == 0;
    }
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
    // O_* (and EFD_*/EPOLL_CLOEXEC, which are the same numbers) as the running target has them.
    public static readonly int O_CLOEXEC = OpenFlags.CloseOnExec.ToNative(AbiTargets.RequireCurrent());
    public static readonly int O_NONBLOCK = OpenFlags.NonBlocking.ToNative(AbiTargets.RequireCurrent());

    // Generic Linux values; x86, x86_64, arm, aarch64, riscv64 and powerpc agree on these.
    public const int MAP_SHARED = 0x01;
    public const int MAP_PRIVATE = 0x02;
    public const int MAP_ANONYMOUS = 0x20;
    public const int EPOLL_CTL_ADD = 1, EPOLL_CTL_DEL = 2, EPOLL_CTL_MOD = 3;
    public const uint EPOLLONESHOT = 1u << 30;

    // struct epoll_event is __attribute__((packed)) on x86_64 only (__EPOLL_PACKED in glibc's sys/epoll.h).
    public static readonly int EpollEventSize = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 12 : 16;
    public static readonly int EpollEventDataOffset = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 4 : 8;

    [StructLayout(LayoutKind.Sequential)]
    public struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    public static partial nint Write(int fd, void* buffer, nuint count);

    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    public static partial int Poll(PollFd* fds, nuint count, int timeoutMs);

    [LibraryImport("libc", EntryPoint = "eventfd", SetLastError = true)]
    private static partial int EventFd(uint initial, int flags);

    [LibraryImport("libc", EntryPoint = "epoll_create1", SetLastError = true)]
    public static partial int EpollCreate1(int flags);

    [LibraryImport("libc", EntryPoint = "epoll_ctl", SetLastError = true)]
    private static partial int EpollCtl(int epoll, int operation, int fd, void* epollEvent);

    [LibraryImport("libc", EntryPoint = "epoll_wait", SetLastError = true)]
    public static partial int EpollWait(int epoll, void* events, int maxEvents, int timeoutMs);

    /// <summary>epoll_ctl with one event; returns 0 or the errno.</summary>
    public static int EpollArm(int epoll, int operation, int fd, uint events, ulong cookie)
    {
        byte* e = stackalloc byte[16];
        *(uint*)e = events;
        System.Runtime.CompilerServices.Unsafe.WriteUnaligned(e + EpollEventDataOffset, cookie);
        return EpollCtl(epoll, operation, fd, e) == 0 ? 0 : Marshal.GetLastPInvokeError();
    }

    public const int SA_RESTART = 0x10000000;

    /// <summary>glibc's <c>struct sigaction</c> on x86_64 and aarch64: handler, 1024-bit mask, flags, restorer.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct SigAction
    {
        public nint Handler;
        public fixed ulong Mask[16];
        public int Flags;
        public nint Restorer;
    }

    [LibraryImport("libc", EntryPoint = "sigaction", SetLastError = true)]
    public static partial int Sigaction(int signal, SigAction* action, SigAction* old);

    [LibraryImport("libc", EntryPoint = "__libc_current_sigrtmax")]
    public static partial int SigRtMax();

    [LibraryImport("libc", EntryPoint = "mprotect", SetLastError = true)]
    public static partial int Mprotect(nint address, nuint length, int protection);

    [LibraryImport("libc", EntryPoint = "gettid")]
    public static partial int GetTid();

    [LibraryImport("libc", EntryPoint = "getpid")]
    public static partial int GetPid();

    [LibraryImport("libc", EntryPoint = "tgkill", SetLastError = true)]
    public static partial int Tgkill(int processId, int threadId, int signal);

    /// <summary>A non-blocking, close-on-exec eventfd at 0.</summary>
    public static int CreateEventFd(string what)
    {
        int fd = EventFd(0, O_CLOEXEC | O_NONBLOCK);
        if (fd < 0)
            throw new ErrnoException(Marshal.GetLastPInvokeError(), "eventfd", $"for {what}");
        return fd;
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Open(string path, int flags, uint mode);

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
