using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using System.Threading.Tasks.Sources;

namespace IoctlSharp;

/// <summary>
/// A thread's own eventfd, which a cancellation callback writes to wake that thread from poll(2). One per thread
/// that waits with a cancellable token, created on its first such wait and reused by every later one.
/// </summary>
internal sealed class ThreadWaker
{
    [ThreadStatic]
    private static ThreadWaker? t_current;

    public static readonly Action<object?> Wake = static state => ((ThreadWaker)state!).Signal();

    private ThreadWaker(int fd) => Fd = fd;

    public int Fd { get; }

    public static ThreadWaker Current => t_current ??= new ThreadWaker(Native.CreateEventFd("a cancellation eventfd"));

    /// <summary>A thread that has exited leaves its waker unreachable: its eventfd is closed then.</summary>
    ~ThreadWaker() => Native.Close(Fd);

    public unsafe void Signal()
    {
        ulong one = 1;
        Native.Write(Fd, &one, sizeof(ulong));
    }

    /// <summary>Empties the eventfd (non-blocking: nothing to read is fine).</summary>
    public unsafe void Drain()
    {
        ulong count;
        Native.Read(Fd, &count, sizeof(ulong));
    }
}

/// <summary>
/// The one thread that waits for every asynchronous readiness wait of the process: an epoll instance in which each
/// pending <see cref="AsyncWait"/> is armed once (<c>EPOLLONESHOT</c>). An event's 64-bit cookie names the waiter's
/// slot and the arming it belongs to, so an event that arrives after its wait was cancelled is recognised and dropped.
/// </summary>
internal static unsafe class ReadinessLoop
{
    private const int MaxEvents = 64;
    private static readonly object s_lock = new();
    private static AsyncWait?[] s_slots = new AsyncWait?[16];
    private static int s_nextFree;
    private static int[] s_freeSlots = new int[16];
    private static int s_freeCount;
    private static int s_epoll = -1;
    private static long s_allocatedOnLoop;

    /// <summary>Bytes the loop thread has allocated since it started (for the tests: none per wait after warm-up).</summary>
    internal static long AllocatedOnLoopThread => Interlocked.Read(ref s_allocatedOnLoop);

    /// <summary>The epoll fd, created with the loop thread on first use.</summary>
    public static int Epoll
    {
        get
        {
            int epoll = Volatile.Read(ref s_epoll);
            return epoll >= 0 ? epoll : Start();
        }
    }

    public static int AllocateSlot(AsyncWait wait)
    {
        lock (s_lock)
        {
            int slot;
            if (s_freeCount > 0)
                slot = s_freeSlots[--s_freeCount];
            else
            {
                slot = s_nextFree++;
                if (slot == s_slots.Length)
                {
                    var grown = new AsyncWait?[slot * 2];
                    Array.Copy(s_slots, grown, slot);
                    Volatile.Write(ref s_slots, grown);
                }
            }

            Volatile.Write(ref s_slots[slot], wait);
            return slot;
        }
    }

    public static void FreeSlot(int slot)
    {
        lock (s_lock)
        {
            Volatile.Write(ref s_slots[slot], null);
            if (s_freeCount == s_freeSlots.Length)
                Array.Resize(ref s_freeSlots, s_freeSlots.Length * 2);
            s_freeSlots[s_freeCount++] = slot;
        }
    }

    private static int Start()
    {
        lock (s_lock)
        {
            if (s_epoll >= 0)
                return s_epoll;
            int epoll = Native.EpollCreate1(Native.O_CLOEXEC);
            if (epoll < 0)
                throw new ErrnoException(Marshal.GetLastPInvokeError(), "epoll_create1", "for the readiness loop");
            var thread = new Thread(Run) { IsBackground = true, Name = "IoctlSharp readiness" };
            thread.UnsafeStart(epoll);
            Volatile.Write(ref s_epoll, epoll);
            return epoll;
        }
    }

    private static void Run(object? state)
    {
        int epoll = (int)state!;
        // struct epoll_event is packed on x86_64 (12 bytes, data at 4) and naturally aligned elsewhere (16, data at 8).
        int stride = Native.EpollEventSize, dataOffset = Native.EpollEventDataOffset;
        byte* events = (byte*)NativeMemory.Alloc((nuint)(MaxEvents * stride));
        long baseline = GC.GetAllocatedBytesForCurrentThread();
        while (true)
        {
            int count = Native.EpollWait(epoll, events, MaxEvents, -1);
            if (count < 0)
                continue; // EINTR: a signal landed on this thread
            for (int i = 0; i < count; i++)
            {
                byte* e = events + i * stride;
                uint ready = *(uint*)e;
                ulong cookie = Unsafe.ReadUnaligned<ulong>(e + dataOffset);
                var slots = Volatile.Read(ref s_slots);
                int slot = (int)(cookie & 0xFFFF_FFFF);
                if ((uint)slot < (uint)slots.Length && Volatile.Read(ref slots[slot]) is { } wait)
                    wait.OnReady((uint)(cookie >> 32), (PollEvents)(short)ready);
            }

            Interlocked.Exchange(ref s_allocatedOnLoop, GC.GetAllocatedBytesForCurrentThread() - baseline);
        }
    }
}

/// <summary>
/// A handle's reusable asynchronous wait: the <see cref="IValueTaskSource{TResult}"/> behind
/// <see cref="FileDescriptorHandle.WaitForReadyAsync"/>. One wait at a time; it completes on the thread pool
/// (it is its own work item, so completing allocates nothing), holds a reference on the handle while pending, and
/// is completed by readiness, by cancellation or by the handle's disposal, whichever comes first.
/// </summary>
internal sealed unsafe class AsyncWait : IValueTaskSource<PollEvents>, IThreadPoolWorkItem
{
    private const int Idle = 0, Pending = 1, Completing = 2;
    private static int s_armings;

    private readonly int _slot;
    private readonly object _gate = new();
    private ManualResetValueTaskSourceCore<PollEvents> _core;
    private int _state;
    private uint _arming;
    private bool _added; // to the epoll set (ADD once, then MOD to re-arm)
    private FileDescriptorHandle? _owner;
    private PollEvents _result;
    private Exception? _error;
    private CancellationTokenRegistration _registration;

    public AsyncWait() => _slot = ReadinessLoop.AllocateSlot(this);

    public bool IsPending => Volatile.Read(ref _state) == Pending;

    public ValueTask<PollEvents> Start(FileDescriptorHandle owner, PollEvents events, CancellationToken cancellationToken)
    {
        if (Interlocked.CompareExchange(ref _state, Pending, Idle) != Idle)
            throw new InvalidOperationException("An asynchronous wait on this handle is already pending: await it before starting another.");
        bool refAdded = false;
        try
        {
            owner.DangerousAddRef(ref refAdded);
        }
        finally
        {
            if (!refAdded)
                Volatile.Write(ref _state, Idle);
        }

        _core.Reset();
        _owner = owner;
        _error = null;
        _result = PollEvents.None;
        short token = _core.Version;
        int error;
        lock (_gate) // Execute takes it too: it sees the registration whole, and never runs between the check and the arming
        {
            if (cancellationToken.CanBeCanceled)
                _registration = cancellationToken.UnsafeRegister(static (state, token) => ((AsyncWait)state!).Abort(new OperationCanceledException(token)), this);
            // Cancelled already (the callback ran inside UnsafeRegister) or meanwhile: arm nothing.
            if (Volatile.Read(ref _state) != Pending)
                return new ValueTask<PollEvents>(this, token);
            _arming = (uint)Interlocked.Increment(ref s_armings);
            error = Native.EpollArm(ReadinessLoop.Epoll, _added ? Native.EPOLL_CTL_MOD : Native.EPOLL_CTL_ADD,
                (int)owner.DangerousGetHandle(), (uint)(ushort)events | Native.EPOLLONESHOT, ((ulong)_arming << 32) | (uint)_slot);
            if (error == 0)
                _added = true;
        }

        if (error != 0)
            Abort(new ErrnoException(error, "epoll_ctl", $"of fd {(int)owner.DangerousGetHandle()}"));
        if (owner.IsClosing)
            Abort(FileDescriptorHandle.Disposed(owner)); // disposed between the reference and the arming
        return new ValueTask<PollEvents>(this, token);
    }

    /// <summary>From the loop thread: the fd is ready, if the event belongs to the current arming.</summary>
    public void OnReady(uint arming, PollEvents events)
    {
        if (arming == Volatile.Read(ref _arming))
            TryComplete(events, null);
    }

    /// <summary>Cancellation, disposal or a failed arming.</summary>
    public void Abort(Exception error) => TryComplete(PollEvents.None, error);

    private void TryComplete(PollEvents result, Exception? error)
    {
        if (Interlocked.CompareExchange(ref _state, Completing, Pending) != Pending)
            return;
        _result = result;
        _error = error;
        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
    }

    /// <summary>On the thread pool: disarm if needed, give back the reference, then run the awaiter's continuation.</summary>
    void IThreadPoolWorkItem.Execute()
    {
        var owner = _owner!;
        _owner = null;
        CancellationTokenRegistration registration;
        lock (_gate)
        {
            _arming = 0; // an event still on its way is now stale
            if (_error is not null && _added)
                Native.EpollArm(ReadinessLoop.Epoll, Native.EPOLL_CTL_MOD, (int)owner.DangerousGetHandle(), Native.EPOLLONESHOT, 0);
            registration = _registration;
            _registration = default;
        }

        registration.Dispose(); // waits for a cancellation callback in progress, which takes no lock
        owner.DangerousRelease();
        if (_error is null)
            _core.SetResult(_result);
        else
            _core.SetException(_error);
    }

    public PollEvents GetResult(short token)
    {
        try
        {
            return _core.GetResult(token);
        }
        finally
        {
            Volatile.Write(ref _state, Idle);
        }
    }

    public ValueTaskSourceStatus GetStatus(short token) => _core.GetStatus(token);

    public void OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags)
        => _core.OnCompleted(continuation, state, token, flags);

    /// <summary>
    /// When the handle is released, before its fd is closed (or left open, for a borrowed fd): out of the epoll set,
    /// so that a later wait on the same fd number can be added again, and the slot goes back.
    /// </summary>
    public void Free(int fd)
    {
        if (_added)
            Native.EpollArm(ReadinessLoop.Epoll, Native.EPOLL_CTL_DEL, fd, 0, 0);
        ReadinessLoop.FreeSlot(_slot);
    }

    /// <summary>A wait object that lost the race to be the handle's, never armed.</summary>
    public void FreeUnused() => ReadinessLoop.FreeSlot(_slot);
}
