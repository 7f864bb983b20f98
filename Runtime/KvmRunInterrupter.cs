using System;
using System.Runtime.InteropServices;
using System.Threading;

namespace IoctlSharp;

/// <summary>
/// Gets a vCPU thread out of KVM_RUN from another thread, the way KVM documents it: set <c>immediate_exit</c> in the
/// vCPU's mmapped <c>struct kvm_run</c>, then send the vCPU thread a signal whose handler does nothing. A KVM_RUN in
/// progress returns EINTR because of the signal; one that starts later returns EINTR at once because of
/// <c>immediate_exit</c>, so no interruption is lost between two KVM_RUNs.
/// </summary>
/// <remarks>
/// <para>Create it on the vCPU thread, next to the loop that issues KVM_RUN through its generated wrapper, and
/// acknowledge on that thread each time KVM_RUN returns EINTR:</para>
/// <code>
/// using var run = MemoryMapping.Map&lt;KvmRun&gt;(vcpu, (nuint)Kvm.GetVcpuMmapSize(kvm));
/// using var interrupter = KvmRunInterrupter.ForCurrentThread(run);
/// using var stop = interrupter.InterruptWhenCanceled(cancellationToken); // or call Interrupt() from any thread
/// while (true)
/// {
///     IoctlResult result = Kvm.TryRun(vcpu);        // [IoctlNone(0x80, Name = "KVM_RUN")] IoctlResult TryRun(SafeHandle)
///     if (result.Errno == Errno.EINTR)
///     {
///         if (interrupter.Acknowledge())
///             break;                                  // interrupted: the guest is stopped between two instructions
///         continue;                                   // another signal: run again
///     }
///     // ... handle run.Value.ExitReason ...
/// }
/// </code>
/// <para>The signal is <see cref="Signal"/> (<c>SIGRTMAX - 1</c>), installed once per process with a handler that
/// only returns (a machine-code return instruction: no managed code runs in signal context) and <c>SA_RESTART</c>,
/// so other system calls it lands in resume; poll(2) waits of <see cref="FileDescriptorHandle"/> resume too. x64 and
/// arm64 only (the tests run on x64). Needs <c>KVM_CAP_IMMEDIATE_EXIT</c> (Linux 4.11). Dispose it before its thread exits.</para>
/// </remarks>
public sealed class KvmRunInterrupter : IDisposable
{
    /// <summary><c>offsetof(struct kvm_run, immediate_exit)</c>: the byte after <c>request_interrupt_window</c>, on every architecture.</summary>
    public const int ImmediateExitOffset = 1;

    private static readonly object s_installLock = new();
    private static int s_signal;

    private readonly object _gate = new();
    private readonly MemoryMapping _kvmRun;
    private readonly int _processId;
    private readonly int _threadId;
    private bool _requested;
    private bool _disposed;

    private KvmRunInterrupter(MemoryMapping kvmRun, int processId, int threadId)
    {
        _kvmRun = kvmRun;
        _processId = processId;
        _threadId = threadId;
    }

    /// <summary>The real-time signal sent to the vCPU thread (installed on first use).</summary>
    public static int Signal => InstallSignal();

    /// <summary>The OS thread id (<c>gettid</c>) of the vCPU thread this interrupter signals.</summary>
    public int ThreadId => _threadId;

    /// <summary>True when an interruption was requested and not yet acknowledged.</summary>
    public bool IsInterruptRequested
    {
        get
        {
            lock (_gate)
                return _requested;
        }
    }

    /// <summary>
    /// An interrupter for the calling thread (the vCPU thread) and the vCPU's <paramref name="kvmRun"/> mapping
    /// (<c>mmap</c> of the vCPU fd, KVM_GET_VCPU_MMAP_SIZE bytes).
    /// </summary>
    /// <exception cref="PlatformNotSupportedException">Not x64 or arm64.</exception>
    public static KvmRunInterrupter ForCurrentThread(MemoryMapping kvmRun)
    {
        ArgumentNullException.ThrowIfNull(kvmRun);
        if (kvmRun.Length <= ImmediateExitOffset)
            throw new ArgumentException("The mapping is too short for a struct kvm_run.", nameof(kvmRun));
        InstallSignal();
        return new KvmRunInterrupter(kvmRun, Native.GetPid(), Native.GetTid());
    }

    /// <summary>
    /// From any thread: sets <c>immediate_exit</c>, then signals the vCPU thread, so that its KVM_RUN in progress or
    /// next returns EINTR. Allocates nothing; calling it again before <see cref="Acknowledge"/> signals again.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The interrupter or the mapping is disposed.</exception>
    public void Interrupt()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _requested = true;
            Volatile.Write(ref _kvmRun.Ref<byte>(ImmediateExitOffset), 1);
            // tgkill is a system call, so the write above is visible before the signal arrives.
            if (Native.Tgkill(_processId, _threadId, s_signal) != 0)
                throw new ErrnoException(Marshal.GetLastPInvokeError(), "tgkill", $"of thread {_threadId}");
        }
    }

    /// <summary>
    /// On the vCPU thread, after KVM_RUN returned EINTR: clears <c>immediate_exit</c> and returns true if an
    /// interruption was requested (false for some other signal: run again).
    /// </summary>
    public bool Acknowledge()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            Volatile.Write(ref _kvmRun.Ref<byte>(ImmediateExitOffset), 0);
            bool requested = _requested;
            _requested = false;
            return requested;
        }
    }

    /// <summary>
    /// Calls <see cref="Interrupt"/> when <paramref name="cancellationToken"/> is cancelled; dispose the registration
    /// when the loop ends.
    /// </summary>
    public CancellationTokenRegistration InterruptWhenCanceled(CancellationToken cancellationToken)
        => cancellationToken.UnsafeRegister(static state => ((KvmRunInterrupter)state!).InterruptUnlessDisposed(), this);

    private void InterruptUnlessDisposed()
    {
        lock (_gate)
        {
            if (!_disposed)
                Interrupt();
        }
    }

    /// <summary>Stops signalling the thread; the mapping stays the caller's.</summary>
    public void Dispose()
    {
        lock (_gate)
            _disposed = true;
    }

    private static unsafe int InstallSignal()
    {
        int signal = Volatile.Read(ref s_signal);
        if (signal != 0)
            return signal;
        lock (s_installLock)
        {
            if (s_signal != 0)
                return s_signal;
            ReadOnlySpan<byte> ret = RuntimeInformation.ProcessArchitecture switch
            {
                Architecture.X64 => new byte[] { 0xC3 },                     // ret
                Architecture.Arm64 => new byte[] { 0xC0, 0x03, 0x5F, 0xD6 }, // ret (x30)
                _ => throw new PlatformNotSupportedException("KvmRunInterrupter's signal handler exists for x64 and arm64 only."),
            };
            nint page = Native.Mmap(0, 4096, (int)MemoryProtection.ReadWrite, Native.MAP_PRIVATE | Native.MAP_ANONYMOUS, -1, 0);
            if (page == -1)
                throw new ErrnoException(Marshal.GetLastPInvokeError(), "mmap", "of the signal handler's page");
            ret.CopyTo(new Span<byte>((void*)page, ret.Length));
            if (Native.Mprotect(page, 4096, (int)(MemoryProtection.Read | MemoryProtection.Execute)) != 0)
                throw new ErrnoException(Marshal.GetLastPInvokeError(), "mprotect", "of the signal handler's page");
            // (arm64: the kernel makes the instruction cache coherent when the page becomes executable.)
            signal = Native.SigRtMax() - 1;
            Native.SigAction action = default;
            action.Handler = page;
            action.Flags = Native.SA_RESTART;
            if (Native.Sigaction(signal, &action, null) != 0)
                throw new ErrnoException(Marshal.GetLastPInvokeError(), "sigaction", $"of signal {signal}");
            Volatile.Write(ref s_signal, signal);
            return signal;
        }
    }
}
