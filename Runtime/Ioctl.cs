using System;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace IoctlSharp;

/// <summary>
/// Issues ioctls. Generated wrappers call these; user code can too, with a request number from a generated
/// <c>Requests</c> class. Every call holds a reference on the handle for its duration (a handle closed by another
/// thread is never reused by mistake; a handle already closed throws <see cref="ObjectDisposedException"/>), reads
/// errno right after the call, and allocates nothing. The handle must hold an fd — a <see cref="FileDescriptorHandle"/>
/// (or a type derived from it), a <see cref="Microsoft.Win32.SafeHandles.SafeFileHandle"/>, a
/// <see cref="Microsoft.Win32.SafeHandles.SafePipeHandle"/> or a <see cref="System.Net.Sockets.SafeSocketHandle"/> —
/// whose value fits an <c>int</c>; any other handle (a <see cref="MemoryMapping"/> passed by mistake) throws
/// <see cref="NotAFileDescriptorException"/> before the system call, never issuing it on a truncated number.
/// </summary>
/// <remarks>
/// <para>The <c>Invoke*</c> methods throw <see cref="IoctlException"/> when the kernel returns an error; the
/// <c>TryInvoke*</c> methods return the errno in an <see cref="IoctlResult"/> instead, for loops that expect errors
/// (KVM_RUN and EINTR, a non-blocking read and EAGAIN).</para>
/// <para>EINTR: IoctlSharp never retries a request. A signal that interrupts a request surfaces as errno 4
/// (<c>EINTR</c>) — an <see cref="IoctlException"/> from <c>Invoke*</c>, an <see cref="IoctlResult"/> from
/// <c>TryInvoke*</c> — because whether a request may be repeated is the driver's business (KVM_RUN returns EINTR
/// precisely so that the caller sees the signal or <c>immediate_exit</c>).</para>
/// <para><see cref="WithoutGCTransition"/> issues the same calls without the GC transition, for requests that never
/// block.</para>
/// <para>Tracing: every call is reported to the <c>IoctlSharp</c> event source (dotnet-trace, dotnet-counters, an
/// <see cref="System.Diagnostics.Tracing.EventListener"/>) while a listener has it enabled, with the name given here,
/// the number, the fd, the result, the errno and the duration; when no listener has it enabled, a call pays one flag
/// test. The <c>TryInvoke*</c> overloads without a name report an empty name.</para>
/// </remarks>
public static unsafe partial class Ioctl
{
    /// <summary>Issues <paramref name="request"/> with no argument (0); returns the non-negative result.</summary>
    public static int Invoke(SafeHandle fd, uint request, string name) => Call<WithTransition>(fd, request, null, name).ValueOrThrow(name, request);

    /// <summary>Issues <paramref name="request"/> with an integer argument passed by value (KVM_CHECK_EXTENSION, KVM_CREATE_VCPU).</summary>
    public static int InvokeValue(SafeHandle fd, uint request, nuint argument, string name)
        => Call<WithTransition>(fd, request, (void*)argument, name).ValueOrThrow(name, request);

    /// <summary>Issues <paramref name="request"/> with a pointer to <paramref name="argument"/>.</summary>
    public static int InvokeRef<T>(SafeHandle fd, uint request, ref T argument, string name) where T : unmanaged
    {
        fixed (T* p = &argument)
            return Call<WithTransition>(fd, request, p, name).ValueOrThrow(name, request);
    }

    /// <summary>Issues <paramref name="request"/> with a pointer to the first byte of <paramref name="buffer"/>.</summary>
    public static int InvokeSpan(SafeHandle fd, uint request, Span<byte> buffer, string name)
    {
        fixed (byte* p = buffer)
            return Call<WithTransition>(fd, request, p, name).ValueOrThrow(name, request);
    }

    /// <summary>Issues <paramref name="request"/> with a raw pointer argument.</summary>
    public static int InvokePointer(SafeHandle fd, uint request, void* argument, string name)
        => Call<WithTransition>(fd, request, argument, name).ValueOrThrow(name, request);

    /// <summary>
    /// Issues <paramref name="request"/> with the fd of <paramref name="argument"/> passed by value (LOOP_SET_FD,
    /// LOOP_CHANGE_FD). A reference is held on <paramref name="argument"/> for the call, as on <paramref name="fd"/>,
    /// and a handle that holds no fd throws <see cref="NotAFileDescriptorException"/> before the system call.
    /// </summary>
    public static int InvokeHandle(SafeHandle fd, uint request, SafeHandle argument, string name)
        => CallWithHandle<WithTransition>(fd, request, argument, name).ValueOrThrow(name, request);

    /// <summary>Like <see cref="InvokeHandle"/>, but returns the errno instead of throwing.</summary>
    public static IoctlResult TryInvokeHandle(SafeHandle fd, uint request, SafeHandle argument, string name)
        => CallWithHandle<WithTransition>(fd, request, argument, name);

    /// <summary>Like <see cref="Invoke"/>, but returns the errno instead of throwing.</summary>
    public static IoctlResult TryInvoke(SafeHandle fd, uint request) => Call<WithTransition>(fd, request, null, null);

    /// <summary>Like <see cref="Invoke"/>, but returns the errno instead of throwing; <paramref name="name"/> names the request in traces (<see cref="Ioctl"/>).</summary>
    public static IoctlResult TryInvoke(SafeHandle fd, uint request, string name) => Call<WithTransition>(fd, request, null, name);

    /// <summary>Like <see cref="InvokeValue"/>, but returns the errno instead of throwing.</summary>
    public static IoctlResult TryInvokeValue(SafeHandle fd, uint request, nuint argument) => Call<WithTransition>(fd, request, (void*)argument, null);

    /// <summary>Like <see cref="InvokeValue"/>, but returns the errno instead of throwing; <paramref name="name"/> names the request in traces (<see cref="Ioctl"/>).</summary>
    public static IoctlResult TryInvokeValue(SafeHandle fd, uint request, nuint argument, string name) => Call<WithTransition>(fd, request, (void*)argument, name);

    /// <summary>Like <see cref="InvokeRef{T}"/>, but returns the errno instead of throwing.</summary>
    public static IoctlResult TryInvokeRef<T>(SafeHandle fd, uint request, ref T argument) where T : unmanaged
    {
        fixed (T* p = &argument)
            return Call<WithTransition>(fd, request, p, null);
    }

    /// <summary>Like <see cref="InvokeRef{T}"/>, but returns the errno instead of throwing; <paramref name="name"/> names the request in traces (<see cref="Ioctl"/>).</summary>
    public static IoctlResult TryInvokeRef<T>(SafeHandle fd, uint request, ref T argument, string name) where T : unmanaged
    {
        fixed (T* p = &argument)
            return Call<WithTransition>(fd, request, p, name);
    }

    /// <summary>Like <see cref="InvokeSpan"/>, but returns the errno instead of throwing.</summary>
    public static IoctlResult TryInvokeSpan(SafeHandle fd, uint request, Span<byte> buffer)
    {
        fixed (byte* p = buffer)
            return Call<WithTransition>(fd, request, p, null);
    }

    /// <summary>Like <see cref="InvokeSpan"/>, but returns the errno instead of throwing; <paramref name="name"/> names the request in traces (<see cref="Ioctl"/>).</summary>
    public static IoctlResult TryInvokeSpan(SafeHandle fd, uint request, Span<byte> buffer, string name)
    {
        fixed (byte* p = buffer)
            return Call<WithTransition>(fd, request, p, name);
    }

    /// <summary>Like <see cref="InvokePointer"/>, but returns the errno instead of throwing.</summary>
    public static IoctlResult TryInvokePointer(SafeHandle fd, uint request, void* argument) => Call<WithTransition>(fd, request, argument, null);

    /// <summary>Like <see cref="InvokePointer"/>, but returns the errno instead of throwing; <paramref name="name"/> names the request in traces (<see cref="Ioctl"/>).</summary>
    public static IoctlResult TryInvokePointer(SafeHandle fd, uint request, void* argument, string name) => Call<WithTransition>(fd, request, argument, name);

    /// <summary>
    /// The same calls without the GC transition (<see cref="SuppressGCTransitionAttribute"/>): a few nanoseconds less
    /// per call, for requests that return at once (KVM_CHECK_EXTENSION, a register read). Never use it for a request
    /// that can block or run long (KVM_RUN, a userfaultfd read, anything that waits): while it runs, the garbage
    /// collector cannot suspend the thread, so every other thread waits for it at the next collection.
    /// </summary>
    public static class WithoutGCTransition
    {
        /// <inheritdoc cref="Ioctl.Invoke"/>
        public static int Invoke(SafeHandle fd, uint request, string name) => Call<NoTransition>(fd, request, null, name).ValueOrThrow(name, request);

        /// <inheritdoc cref="Ioctl.InvokeValue"/>
        public static int InvokeValue(SafeHandle fd, uint request, nuint argument, string name)
            => Call<NoTransition>(fd, request, (void*)argument, name).ValueOrThrow(name, request);

        /// <inheritdoc cref="Ioctl.InvokeRef{T}"/>
        public static int InvokeRef<T>(SafeHandle fd, uint request, ref T argument, string name) where T : unmanaged
        {
            fixed (T* p = &argument)
                return Call<NoTransition>(fd, request, p, name).ValueOrThrow(name, request);
        }

        /// <inheritdoc cref="Ioctl.InvokeSpan"/>
        public static int InvokeSpan(SafeHandle fd, uint request, Span<byte> buffer, string name)
        {
            fixed (byte* p = buffer)
                return Call<NoTransition>(fd, request, p, name).ValueOrThrow(name, request);
        }

        /// <inheritdoc cref="Ioctl.InvokePointer"/>
        public static int InvokePointer(SafeHandle fd, uint request, void* argument, string name)
            => Call<NoTransition>(fd, request, argument, name).ValueOrThrow(name, request);

        /// <inheritdoc cref="Ioctl.InvokeHandle"/>
        public static int InvokeHandle(SafeHandle fd, uint request, SafeHandle argument, string name)
            => CallWithHandle<NoTransition>(fd, request, argument, name).ValueOrThrow(name, request);

        /// <inheritdoc cref="Ioctl.TryInvokeHandle"/>
        public static IoctlResult TryInvokeHandle(SafeHandle fd, uint request, SafeHandle argument, string name)
            => CallWithHandle<NoTransition>(fd, request, argument, name);

        /// <inheritdoc cref="Ioctl.TryInvoke(SafeHandle, uint)"/>
        public static IoctlResult TryInvoke(SafeHandle fd, uint request) => Call<NoTransition>(fd, request, null, null);

        /// <inheritdoc cref="Ioctl.TryInvoke(SafeHandle, uint, string)"/>
        public static IoctlResult TryInvoke(SafeHandle fd, uint request, string name) => Call<NoTransition>(fd, request, null, name);

        /// <inheritdoc cref="Ioctl.TryInvokeValue(SafeHandle, uint, nuint)"/>
        public static IoctlResult TryInvokeValue(SafeHandle fd, uint request, nuint argument) => Call<NoTransition>(fd, request, (void*)argument, null);

        /// <inheritdoc cref="Ioctl.TryInvokeValue(SafeHandle, uint, nuint, string)"/>
        public static IoctlResult TryInvokeValue(SafeHandle fd, uint request, nuint argument, string name) => Call<NoTransition>(fd, request, (void*)argument, name);

        /// <inheritdoc cref="Ioctl.TryInvokeRef{T}(SafeHandle, uint, ref T)"/>
        public static IoctlResult TryInvokeRef<T>(SafeHandle fd, uint request, ref T argument) where T : unmanaged
        {
            fixed (T* p = &argument)
                return Call<NoTransition>(fd, request, p, null);
        }

        /// <inheritdoc cref="Ioctl.TryInvokeRef{T}(SafeHandle, uint, ref T, string)"/>
        public static IoctlResult TryInvokeRef<T>(SafeHandle fd, uint request, ref T argument, string name) where T : unmanaged
        {
            fixed (T* p = &argument)
                return Call<NoTransition>(fd, request, p, name);
        }

        /// <inheritdoc cref="Ioctl.TryInvokeSpan(SafeHandle, uint, Span{byte})"/>
        public static IoctlResult TryInvokeSpan(SafeHandle fd, uint request, Span<byte> buffer)
        {
            fixed (byte* p = buffer)
                return Call<NoTransition>(fd, request, p, null);
        }

        /// <inheritdoc cref="Ioctl.TryInvokeSpan(SafeHandle, uint, Span{byte}, string)"/>
        public static IoctlResult TryInvokeSpan(SafeHandle fd, uint request, Span<byte> buffer, string name)
        {
            fixed (byte* p = buffer)
                return Call<NoTransition>(fd, request, p, name);
        }

        /// <inheritdoc cref="Ioctl.TryInvokePointer(SafeHandle, uint, void*)"/>
        public static IoctlResult TryInvokePointer(SafeHandle fd, uint request, void* argument) => Call<NoTransition>(fd, request, argument, null);

        /// <inheritdoc cref="Ioctl.TryInvokePointer(SafeHandle, uint, void*, string)"/>
        public static IoctlResult TryInvokePointer(SafeHandle fd, uint request, void* argument, string name) => Call<NoTransition>(fd, request, argument, name);
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

    /// <summary>
    /// The fd number of <paramref name="handle"/>, for a struct member that holds an fd (<c>loop_config.fd</c>,
    /// <c>kvm_irqfd.fd</c>): the same check as for the handle an ioctl is issued on. A closed handle throws
    /// <see cref="ObjectDisposedException"/>; a handle that holds no fd, <see cref="NotAFileDescriptorException"/>.
    /// </summary>
    public static int FileDescriptorOf(SafeHandle handle)
    {
        ArgumentNullException.ThrowIfNull(handle);
        ObjectDisposedException.ThrowIf(handle.IsClosed, handle);
        return FileDescriptors.Of(handle, nameof(handle));
    }

    /// <summary>
    /// A request number whose nr is the declared nr plus a macro argument (<c>EVIOCGABS(abs)</c> is
    /// <c>_IOR('E', 0x40 + (abs), ...)</c>): an argument that takes the nr outside 0 to 255 is an
    /// <see cref="ArgumentOutOfRangeException"/>, never a carry into the type byte.
    /// </summary>
    public static uint WithNumberOffset(uint number, int argument, string name)
    {
        uint nr = number & 0xFF;
        if (argument < 0 || nr + (uint)argument > 0xFF)
            throw new ArgumentOutOfRangeException(nameof(argument), argument,
                $"{name}: the macro argument {argument} takes the nr 0x{nr:X2} outside 0 to 255.");
        return number + (uint)argument;
    }

    /// <summary>
    /// A request number whose size is a macro argument times an element size (<c>SPI_IOC_MESSAGE(n)</c> is
    /// <c>n * sizeof(struct spi_ioc_transfer)</c>): a negative count, or a product the size field cannot hold, is an
    /// <see cref="ArgumentOutOfRangeException"/> (where C's <c>SPI_MSGSIZE</c> silently gives 0).
    /// </summary>
    public static uint WithCount(uint numberWithoutSize, int count, int elementSize, int maxSize, string name)
    {
        long size = (long)count * elementSize;
        if (count < 0 || size > maxSize)
            throw new ArgumentOutOfRangeException(nameof(count), count,
                $"{name}: {count} elements of {elementSize} bytes do not fit the request number's size field (at most {maxSize} bytes).");
        return numberWithoutSize | ((uint)size << 16);
    }

    /// <summary>The call path for an fd passed by value: a reference on both handles for the call.</summary>
    private static IoctlResult CallWithHandle<TSys>(SafeHandle fd, uint request, SafeHandle argument, string? name) where TSys : struct, ISystemCall
    {
        ArgumentNullException.ThrowIfNull(argument);
        bool added = false;
        try
        {
            argument.DangerousAddRef(ref added);
            return Call<TSys>(fd, request, (void*)(nint)FileDescriptors.Of(argument, nameof(argument)), name);
        }
        finally
        {
            if (added)
                argument.DangerousRelease();
        }
    }

    /// <summary>
    /// The one call path: hold a reference on the handle, issue the request, read errno at once. The system call is a
    /// type argument so that the JIT compiles one specialised copy per kind of call, with no branch between them.
    /// Tracing costs one flag test while the <c>IoctlSharp</c> event source is off; when it is on, the traced copy
    /// times the call and reports it.
    /// </summary>
    private static IoctlResult Call<TSys>(SafeHandle fd, uint request, void* argument, string? name) where TSys : struct, ISystemCall
    {
        ArgumentNullException.ThrowIfNull(fd);
        if (IoctlEventSource.Log.IsEnabled())
            return CallTraced<TSys>(fd, request, argument, name);
        bool added = false;
        try
        {
            fd.DangerousAddRef(ref added);
            int result = TSys.Ioctl(FileDescriptors.Of(fd, nameof(fd)), request, argument);
            return result >= 0 ? new IoctlResult(result, 0) : new IoctlResult(-1, Marshal.GetLastPInvokeError());
        }
        finally
        {
            if (added)
                fd.DangerousRelease();
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static IoctlResult CallTraced<TSys>(SafeHandle fd, uint request, void* argument, string? name) where TSys : struct, ISystemCall
    {
        bool added = false;
        int number = -1;
        IoctlResult outcome;
        long started;
        try
        {
            fd.DangerousAddRef(ref added);
            number = FileDescriptors.Of(fd, nameof(fd));
            started = Stopwatch.GetTimestamp();
            int result = TSys.Ioctl(number, request, argument);
            outcome = result >= 0 ? new IoctlResult(result, 0) : new IoctlResult(-1, Marshal.GetLastPInvokeError());
        }
        finally
        {
            if (added)
                fd.DangerousRelease();
        }

        IoctlEventSource.Log.Completed(name, request, number, outcome, Stopwatch.GetTimestamp() - started);
        return outcome;
    }

    private interface ISystemCall
    {
        static abstract int Ioctl(int fd, nuint request, void* argument);
    }

    private readonly struct WithTransition : ISystemCall
    {
        public static int Ioctl(int fd, nuint request, void* argument) => Sys(fd, request, argument);
    }

    private readonly struct NoTransition : ISystemCall
    {
        public static int Ioctl(int fd, nuint request, void* argument) => SysNoTransition(fd, request, argument);
    }

    // glibc declares ioctl(int, unsigned long, ...): the request goes in as a zero-extended unsigned long (a uint
    // widened to nuint). SetLastError makes the generated stub read errno immediately after the call returns.
    [LibraryImport("libc", EntryPoint = "ioctl", SetLastError = true)]
    private static partial int Sys(int fd, nuint request, void* argument);

    [LibraryImport("libc", EntryPoint = "ioctl", SetLastError = true)]
    [SuppressGCTransition]
    private static partial int SysNoTransition(int fd, nuint request, void* argument);
}
