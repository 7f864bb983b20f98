using System;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace IoctlSharp.Runtime.Tests;

/// <summary>
/// Readiness waits on real fds (a tun interface, a pipe): a waiter blocked in poll(2) is released by its data, by a
/// cancellation and by Dispose; the asynchronous form behaves alike.
/// </summary>
public class ReadinessTests
{
    /// <summary>Runs <paramref name="wait"/> on a new thread and returns once that thread is blocked in poll(2).</summary>
    private static (Thread Thread, Func<Exception?> Outcome, Func<PollEvents> Result) StartBlockedWaiter(Func<PollEvents> wait)
    {
        Exception? failure = null;
        PollEvents result = PollEvents.None;
        int tid = 0;
        var thread = new Thread(() =>
        {
            Volatile.Write(ref tid, Libc.GetTid());
            try { result = wait(); }
            catch (Exception e) { failure = e; }
        }) { IsBackground = true };
        thread.Start();
        SpinWait.SpinUntil(() => Volatile.Read(ref tid) != 0);
        Assert.True(Libc.WaitUntilBlockedIn(tid, Libc.SysPoll, Libc.SysPpoll) || !thread.IsAlive,
            "the waiter never blocked in poll");
        Assert.True(thread.IsAlive, $"the waiter returned instead of blocking: {failure?.Message ?? result.ToString()}");
        return (thread, () => failure, () => result);
    }

    [Fact]
    public void AWaiterBlockedOnATunFdIsReleasedByCancellation()
    {
        using var tun = Tun.OpenInterface(FileDescriptorOpenOptions.NonBlocking);
        using var cts = new CancellationTokenSource();
        var (thread, outcome, _) = StartBlockedWaiter(() => tun.WaitForReady(PollEvents.Readable, cts.Token));

        cts.Cancel();
        Assert.True(thread.Join(TimeSpan.FromSeconds(10)), "cancellation did not release the waiter");
        var e = Assert.IsType<OperationCanceledException>(outcome());
        Assert.Equal(cts.Token, e.CancellationToken);

        // The handle is untouched and still has nothing to read.
        Assert.Equal("/dev/net/tun", Libc.FdTarget(tun.Fd));
        Assert.Equal(PollEvents.None, tun.WaitForReady(PollEvents.Readable, TimeSpan.FromMilliseconds(1)));
    }

    [Fact]
    public void AWaiterBlockedOnATunFdIsReleasedByDisposeWhichThenClosesTheFd()
    {
        var tun = Tun.OpenInterface(FileDescriptorOpenOptions.NonBlocking, out string name);
        Assert.True(System.IO.Directory.Exists($"/sys/class/net/{name}"));
        var (thread, outcome, _) = StartBlockedWaiter(() => tun.WaitForReady(PollEvents.Readable));

        tun.Dispose();
        Assert.True(thread.Join(TimeSpan.FromSeconds(10)), "Dispose did not release the waiter");
        Assert.IsType<ObjectDisposedException>(outcome());
        // Closed once the waiter let go of it: the kernel removed the interface with its last fd. (The fd number
        // itself proves nothing: a test running in parallel may have been given it already.)
        Assert.False(System.IO.Directory.Exists($"/sys/class/net/{name}"));
        Assert.Throws<ObjectDisposedException>(() => tun.WaitForReady(PollEvents.Readable));
    }

    [Fact]
    public void AWaiterOnAPipeWakesForItsBytesAndForTheHangUp()
    {
        var (read, write) = Libc.Pipe();
        using (read)
        {
            using var cts = new CancellationTokenSource();
            var (thread, outcome, result) = StartBlockedWaiter(() => read.WaitForReady(PollEvents.Readable, cts.Token));
            Assert.Equal(1, write.Write<byte>(new byte[] { 42 }));
            Assert.True(thread.Join(TimeSpan.FromSeconds(10)));
            Assert.Null(outcome());
            Assert.Equal(PollEvents.Readable, result());
            Span<byte> one = stackalloc byte[1];
            Assert.Equal(1, read.Read(one));
            Assert.Equal(42, one[0]);

            // Nothing left: a timed wait says so; then the writer goes away and the reader sees the hang-up.
            Assert.Equal(PollEvents.None, read.WaitForReady(PollEvents.Readable, TimeSpan.FromMilliseconds(1)));
            write.Dispose();
            Assert.Equal(PollEvents.HangUp, read.WaitForReady(PollEvents.Readable, cts.Token));

            // A timeout is infinite or 0 to int.MaxValue ms; a handle without an fd has nothing to wait for.
            Assert.Throws<ArgumentOutOfRangeException>(() => read.WaitForReady(PollEvents.Readable, TimeSpan.FromMilliseconds(-2)));
            Assert.Throws<ArgumentOutOfRangeException>(() => read.WaitForReady(PollEvents.Readable, TimeSpan.FromDays(30)));
            using var empty = new FileDescriptorHandle();
            Assert.Throws<InvalidOperationException>(() => empty.WaitForReady(PollEvents.Readable));
        }
    }

    [Fact]
    public void NonBlockingOpenSetsONonblockAndAnEmptyReadIsEagain()
    {
        using var blocking = FileDescriptorHandle.Open("/dev/net/tun");
        Assert.Equal(0, Libc.FdFlags(blocking.Fd) & Libc.O_NONBLOCK);
        using var tun = Tun.OpenInterface(FileDescriptorOpenOptions.NonBlocking);
        Assert.Equal(Libc.O_NONBLOCK, Libc.FdFlags(tun.Fd) & Libc.O_NONBLOCK);
        Assert.Equal(Libc.O_CLOEXEC, Libc.FdFlags(tun.Fd) & Libc.O_CLOEXEC);
        var e = Assert.Throws<ErrnoException>(() => tun.Read(new byte[2048].AsSpan()));
        Assert.Equal(Errno.EAGAIN, e.Errno);
        Assert.Throws<ArgumentOutOfRangeException>(() => FileDescriptorHandle.Open("/dev/null", (FileDescriptorOpenOptions)2));
    }

    [Fact]
    public async Task AnAsyncWaitCompletesForDataAndAtOnceWhenAlreadyReady()
    {
        var (read, write) = Libc.Pipe();
        using (read)
        using (write)
        {
            var pending = read.WaitForReadyAsync(PollEvents.Readable);
            Assert.False(pending.IsCompleted);
            write.Write<byte>(new byte[] { 7 });
            Assert.Equal(PollEvents.Readable, await pending.AsTask().WaitAsync(TimeSpan.FromSeconds(10)));

            // Ready already: completed synchronously, no epoll round trip.
            var now = read.WaitForReadyAsync(PollEvents.Readable);
            Assert.True(now.IsCompletedSuccessfully);
            Assert.Equal(PollEvents.Readable, await now);
            read.Read(new byte[1].AsSpan());

            // The handle's wait object is reused: a second, sequential wait works the same.
            var again = read.WaitForReadyAsync(PollEvents.Readable);
            Assert.False(again.IsCompleted);
            write.Write<byte>(new byte[] { 8 });
            Assert.Equal(PollEvents.Readable, await again);
        }
    }

    [Fact]
    public async Task ABorrowedFdCanBeWaitedOnAgainThroughANewHandleAfterTheFirstIsDisposed()
    {
        var (read, write) = Libc.Pipe();
        using (read)
        using (write)
        {
            for (int i = 0; i < 3; i++)
            {
                // Each wrapper arms the same fd in the process's epoll set; releasing it takes the fd out again, or
                // the next wrapper's first wait would fail with EEXIST.
                using var borrowed = new FileDescriptorHandle(read.Fd, ownsHandle: false);
                var wait = borrowed.WaitForReadyAsync(PollEvents.Readable);
                Assert.False(wait.IsCompleted);
                write.Write<byte>(new byte[] { 1 });
                Assert.Equal(PollEvents.Readable, await wait.AsTask().WaitAsync(TimeSpan.FromSeconds(10)));
                borrowed.Read(new byte[1].AsSpan());
            }

            Assert.Equal("pipe:", Libc.FdTarget(read.Fd)![..5]); // still open: borrowing never closed it
        }
    }

    [Fact]
    public async Task AnFdWithoutPollSupportFailsTheAsyncWaitWithEpermAndTheHandleCanWaitAgain()
    {
        // /dev/kvm has no poll method: poll(2) calls it always readable and writable, never Priority; epoll refuses it.
        using var kvm = FileDescriptorHandle.Open("/dev/kvm");
        Assert.Equal(PollEvents.Readable, kvm.WaitForReady(PollEvents.Readable | PollEvents.Priority, TimeSpan.Zero));
        for (int i = 0; i < 2; i++) // the failed wait leaves the handle's wait object free for the next
        {
            var e = await Assert.ThrowsAsync<ErrnoException>(() => kvm.WaitForReadyAsync(PollEvents.Priority).AsTask().WaitAsync(TimeSpan.FromSeconds(10)));
            Assert.Equal(Errno.EPERM, e.Errno);
        }
    }

    [Fact]
    public async Task AnAsyncWaitIsReleasedByCancellationAndByDispose()
    {
        using var tun = Tun.OpenInterface(FileDescriptorOpenOptions.NonBlocking, out string name);
        using var cts = new CancellationTokenSource();
        var cancelled = tun.WaitForReadyAsync(PollEvents.Readable, cts.Token);
        Assert.False(cancelled.IsCompleted);
        Assert.Throws<InvalidOperationException>(() => tun.WaitForReadyAsync(PollEvents.Readable)); // one at a time
        cts.Cancel();
        var e = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.AsTask().WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(cts.Token, e.CancellationToken);

        // Already cancelled: no wait at all.
        Assert.True(tun.WaitForReadyAsync(PollEvents.Readable, cts.Token).IsCanceled);

        var disposed = tun.WaitForReadyAsync(PollEvents.Readable);
        Assert.False(disposed.IsCompleted);
        tun.Dispose();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => disposed.AsTask().WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.False(System.IO.Directory.Exists($"/sys/class/net/{name}")); // the fd is closed: its interface is gone
        Assert.Throws<ObjectDisposedException>(() => tun.WaitForReadyAsync(PollEvents.Readable));
    }
}

/// <summary>After warm-up, a wait allocates nothing: synchronous with a cancellable token, and asynchronous.</summary>
[Collection(MeasuresTheProcess.Name)]
public class ReadinessAllocationTests
{
    [Fact]
    public void CancellableSynchronousWaitsAllocateNothing()
    {
        var (read, write) = Libc.Pipe();
        using (read)
        using (write)
        using (var cts = new CancellationTokenSource())
        {
            AssertRoundsAllocateNothing(read, write, () =>
            {
                if (read.WaitForReady(PollEvents.Readable, cts.Token) != PollEvents.Readable)
                    throw new InvalidOperationException("not readable");
            }, writeFirst: true);
        }
    }

    [Fact]
    public void AsynchronousWaitsAllocateNothingOnTheCallerOrTheLoopThread()
    {
        var (read, write) = Libc.Pipe();
        using (read)
        using (write)
        using (var cts = new CancellationTokenSource())
        {
            var one = new byte[] { 1 };
            long loopBefore = 0;
            AssertRoundsAllocateNothing(read, write, () =>
            {
                var wait = read.WaitForReadyAsync(PollEvents.Readable, cts.Token);
                if (wait.IsCompleted)
                    throw new InvalidOperationException("completed before the write");
                write.Write<byte>(one); // the loop thread sees it and completes the wait on the thread pool
                var spinner = new SpinWait();
                while (!wait.IsCompleted)
                    spinner.SpinOnce();
                if (wait.GetAwaiter().GetResult() != PollEvents.Readable)
                    throw new InvalidOperationException("not readable");
            }, writeFirst: false, measuring: () => loopBefore = ReadinessLoop.AllocatedOnLoopThread);
            Assert.Equal(0, ReadinessLoop.AllocatedOnLoopThread - loopBefore);
        }
    }

    /// <summary>100 rounds of warm-up, then 1000 measured: a round (optionally) writes a byte, waits, reads it back.</summary>
    private static void AssertRoundsAllocateNothing(FileDescriptorHandle read, FileDescriptorHandle write, Action wait, bool writeFirst, Action? measuring = null)
    {
        var one = new byte[] { 1 };
        var buffer = new byte[1];
        void Round()
        {
            if (writeFirst)
                write.Write<byte>(one);
            wait();
            read.Read<byte>(buffer);
        }

        for (int i = 0; i < 100; i++)
            Round();
        measuring?.Invoke();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
            Round();
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
