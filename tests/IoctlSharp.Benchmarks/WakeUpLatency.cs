using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using IoctlSharp;

namespace IoctlSharp.Benchmarks;

/// <summary>
/// Wake-up latency: a ping-pong between two threads over two eventfds, each side waiting for readiness before it
/// reads. Every method does the same round trip (write a, the echo wakes, reads a, writes b, the caller wakes, reads
/// b), so a round trip is two wake-ups. The floor is the same ping-pong in C with poll(2) on both threads, built with
/// gcc -O2 when the benchmark starts. Methods take turns in batches, round after round, as in <see cref="Interleaved"/>.
/// Run with <c>--wakeup [rounds]</c>.
/// </summary>
internal static partial class WakeUpLatency
{
    private const int PerBatch = 200;

    public static void Run(int rounds)
    {
        using var c = new CPingPong();
        using var sync = new ManagedPingPong(cancellable: false, asyncEcho: false);
        using var syncCancellable = new ManagedPingPong(cancellable: true, asyncEcho: false);
        using var asyncEcho = new ManagedPingPong(cancellable: true, asyncEcho: true);
        var methods = new (string Name, Action<int> Batch)[]
        {
            ("C: poll(2) on both threads, gcc -O2", c.Batch),
            ("C#: WaitForReady on both threads", sync.Batch),
            ("C#: WaitForReady(token) on both threads", syncCancellable.Batch),
            ("C#: echo awaits WaitForReadyAsync(token), caller WaitForReady(token)", asyncEcho.Batch),
        };
        var samples = methods.Select(_ => new List<double>()).ToArray();
        var allocated = new long[methods.Length];

        foreach (var m in methods)
            m.Batch(PerBatch * 5); // warm up
        for (int round = 0; round < rounds; round++)
        {
            for (int k = 0; k < methods.Length; k++)
            {
                int i = (k + round) % methods.Length;
                long bytes = GC.GetAllocatedBytesForCurrentThread();
                long start = Stopwatch.GetTimestamp();
                methods[i].Batch(PerBatch);
                long elapsed = Stopwatch.GetTimestamp() - start;
                allocated[i] += GC.GetAllocatedBytesForCurrentThread() - bytes;
                samples[i].Add(elapsed * 1e9 / Stopwatch.Frequency / PerBatch);
            }
        }

        Console.WriteLine($"Wake-up latency: {rounds} rounds of {PerBatch} round trips per method (a round trip is two wake-ups), µs per round trip; ratio = median over rounds of (method / C) in the same round.");
        Console.WriteLine();
        Console.WriteLine("| Method | Median µs | Min µs | Median ratio to C | Bytes allocated per round trip (caller) |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        for (int i = 0; i < methods.Length; i++)
        {
            var ratios = samples[i].Zip(samples[0], (a, b) => a / b).ToList();
            Console.WriteLine(FormattableString.Invariant(
                $"| {methods[i].Name} | {Interleaved.Median(samples[i]) / 1000:F2} | {samples[i].Min() / 1000:F2} | {Interleaved.Median(ratios):F3} | {(double)allocated[i] / rounds / PerBatch:F1} |"));
        }
    }

    [LibraryImport("libc", EntryPoint = "eventfd", SetLastError = true)]
    private static partial int EventFd(uint initial, int flags);

    private static FileDescriptorHandle NewEventFd()
    {
        const int OCloexec = 0x80000, ONonblock = 0x800;
        int fd = EventFd(0, OCloexec | ONonblock);
        if (fd < 0)
            throw new ErrnoException(Marshal.GetLastPInvokeError());
        return new FileDescriptorHandle(fd, ownsHandle: true);
    }

    /// <summary>The ping-pong in C#, through FileDescriptorHandle's waits.</summary>
    private sealed class ManagedPingPong : IDisposable
    {
        private readonly FileDescriptorHandle _ping = NewEventFd(), _pong = NewEventFd();
        private readonly CancellationTokenSource _stop = new();
        private readonly CancellationToken _token;
        private readonly ulong[] _one = { 1 }, _count = new ulong[1];
        private readonly Thread? _echoThread;
        private readonly Task? _echoTask;

        public ManagedPingPong(bool cancellable, bool asyncEcho)
        {
            _token = cancellable ? _stop.Token : default;
            if (asyncEcho)
                _echoTask = Task.Run(EchoAsync);
            else
            {
                _echoThread = new Thread(Echo) { IsBackground = true };
                _echoThread.Start();
            }
        }

        public void Batch(int n)
        {
            for (int i = 0; i < n; i++)
            {
                _ping.Write<ulong>(_one);
                _pong.WaitForReady(PollEvents.Readable, _token);
                _pong.Read<ulong>(_count);
            }
        }

        private void Echo()
        {
            var count = new ulong[1];
            try
            {
                while (true)
                {
                    // Without a token the echo is stopped by disposing its fd: the wait throws ObjectDisposedException.
                    _ping.WaitForReady(PollEvents.Readable, _token);
                    _ping.Read<ulong>(count);
                    _pong.Write<ulong>(_one);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
            }
        }

        private async Task EchoAsync()
        {
            var count = new ulong[1];
            try
            {
                while (true)
                {
                    await _ping.WaitForReadyAsync(PollEvents.Readable, _token).ConfigureAwait(false);
                    _ping.Read<ulong>(count);
                    _pong.Write<ulong>(_one);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
            }
        }

        public void Dispose()
        {
            _stop.Cancel();
            _ping.Dispose();
            _echoThread?.Join();
            _echoTask?.Wait();
            _pong.Dispose();
            _stop.Dispose();
        }
    }

    /// <summary>The same ping-pong in C: a pthread echo and a caller, both in poll(2), compiled with gcc -O2.</summary>
    private sealed unsafe class CPingPong : IDisposable
    {
        private const string Source = """
            #include <poll.h>
            #include <pthread.h>
            #include <stdint.h>
            #include <sys/eventfd.h>
            #include <unistd.h>

            static int ping, pong, stop;
            static pthread_t echo_thread;

            static void wait_readable(int fd)
            {
                struct pollfd p = { .fd = fd, .events = POLLIN };
                while (poll(&p, 1, -1) < 0) { }
            }

            static void *echo(void *unused)
            {
                uint64_t v, one = 1;
                for (;;) {
                    wait_readable(ping);
                    read(ping, &v, sizeof v);
                    if (__atomic_load_n(&stop, __ATOMIC_ACQUIRE)) return 0;
                    write(pong, &one, sizeof one);
                }
            }

            int pingpong_start(void)
            {
                ping = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
                pong = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
                return pthread_create(&echo_thread, 0, echo, 0);
            }

            void pingpong_batch(int n)
            {
                uint64_t v, one = 1;
                for (int i = 0; i < n; i++) {
                    write(ping, &one, sizeof one);
                    wait_readable(pong);
                    read(pong, &v, sizeof v);
                }
            }

            void pingpong_stop(void)
            {
                uint64_t one = 1;
                __atomic_store_n(&stop, 1, __ATOMIC_RELEASE);
                write(ping, &one, sizeof one);
                pthread_join(echo_thread, 0);
                close(ping);
                close(pong);
            }
            """;

        private readonly nint _library;
        private readonly string _directory;
        private readonly delegate* unmanaged<int, void> _batch;

        public CPingPong()
        {
            (_library, _directory) = CLibrary.Build(Source, "ioctlsharp-wakeup-", "-pthread");
            _batch = (delegate* unmanaged<int, void>)NativeLibrary.GetExport(_library, "pingpong_batch");
            if (((delegate* unmanaged<int>)NativeLibrary.GetExport(_library, "pingpong_start"))() != 0)
                throw new InvalidOperationException("pthread_create failed");
        }

        public void Batch(int n) => _batch(n);

        public void Dispose()
        {
            ((delegate* unmanaged<void>)NativeLibrary.GetExport(_library, "pingpong_stop"))();
            NativeLibrary.Free(_library);
            Directory.Delete(_directory, recursive: true);
        }
    }
}
