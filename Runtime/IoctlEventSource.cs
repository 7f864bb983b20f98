using System;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Diagnostics.Tracing;
using System.Threading;

namespace IoctlSharp;

/// <summary>
/// The <c>IoctlSharp</c> event source: one <c>Request</c> event per ioctl issued through <see cref="Ioctl"/> (every
/// generated wrapper), with the request's name, number, fd, result, errno and duration, and counters for
/// dotnet-counters. Off until a listener enables it (dotnet-trace, dotnet-counters, an <see cref="EventListener"/>);
/// while off, a call pays one test of a flag.
/// </summary>
/// <remarks>
/// Event 1, <c>Request</c> (keyword <see cref="Keywords.Requests"/> = 1, level Informational): <c>Name</c> (the
/// request's C name, empty from a <c>TryInvoke*</c> overload without one), <c>Number</c>, <c>Fd</c>, <c>Result</c>
/// (-1 on failure), <c>Errno</c> (0 on success), <c>ErrnoName</c> (empty on success), <c>DurationNanoseconds</c>.
/// Counters, published while any listener has the source enabled: <c>ioctl-rate</c>, <c>ioctl-failure-rate</c>
/// (per second) and <c>ioctl-duration</c> (microseconds, mean over the interval).
/// </remarks>
[EventSource(Name = SourceName)]
internal sealed class IoctlEventSource : EventSource
{
    public const string SourceName = "IoctlSharp";
    public const int RequestEventId = 1;

    public static readonly IoctlEventSource Log = new();

    private long _requests;
    private long _failures;
    private IncrementingPollingCounter? _rateCounter;
    private IncrementingPollingCounter? _failureRateCounter;
    private EventCounter? _durationCounter;

    private IoctlEventSource()
    {
    }

    /// <summary>The source's keywords.</summary>
    public static class Keywords
    {
        /// <summary>The per-request event.</summary>
        public const EventKeywords Requests = (EventKeywords)1;
    }

    /// <summary>How many requests have been counted (only while the source was enabled).</summary>
    internal long RequestsCounted => Volatile.Read(ref _requests);

    /// <summary>Records one issued request: counts it, and writes the event if a listener asked for it.</summary>
    [NonEvent]
    public void Completed(string? name, uint number, int fd, IoctlResult result, long elapsedTimestamp)
    {
        long nanoseconds = (long)(elapsedTimestamp * (1_000_000_000.0 / Stopwatch.Frequency));
        Interlocked.Increment(ref _requests);
        if (!result.IsSuccess)
            Interlocked.Increment(ref _failures);
        _durationCounter?.WriteMetric(nanoseconds / 1000.0);
        if (IsEnabled(EventLevel.Informational, Keywords.Requests))
            Request(name ?? "", number, fd, result.Value, result.Errno, result.Errno == 0 ? "" : Errno.Name(result.Errno), nanoseconds);
    }

    /// <summary>An ioctl returned.</summary>
    [Event(RequestEventId, Level = EventLevel.Informational, Keywords = Keywords.Requests,
        Message = "{0} (0x{1:X8}) on fd {2}: result {3}, errno {4} {5}, {6} ns")]
    [UnconditionalSuppressMessage("ReflectionAnalysis", "IL2026", Justification = "Every field is a primitive or a string: nothing for the trimmer to remove.")]
    private unsafe void Request(string Name, uint Number, int Fd, int Result, int Errno, string ErrnoName, long DurationNanoseconds)
    {
        fixed (char* name = Name)
        fixed (char* errnoName = ErrnoName)
        {
            EventData* data = stackalloc EventData[7];
            data[0] = new EventData { DataPointer = (nint)name, Size = (Name.Length + 1) * sizeof(char) };
            data[1] = new EventData { DataPointer = (nint)(&Number), Size = sizeof(uint) };
            data[2] = new EventData { DataPointer = (nint)(&Fd), Size = sizeof(int) };
            data[3] = new EventData { DataPointer = (nint)(&Result), Size = sizeof(int) };
            data[4] = new EventData { DataPointer = (nint)(&Errno), Size = sizeof(int) };
            data[5] = new EventData { DataPointer = (nint)errnoName, Size = (ErrnoName.Length + 1) * sizeof(char) };
            data[6] = new EventData { DataPointer = (nint)(&DurationNanoseconds), Size = sizeof(long) };
            WriteEventCore(RequestEventId, 7, data);
        }
    }

    /// <inheritdoc/>
    protected override void OnEventCommand(EventCommandEventArgs command)
    {
        if (command.Command != EventCommand.Enable)
            return;
        _rateCounter ??= new IncrementingPollingCounter("ioctl-rate", this, () => Volatile.Read(ref _requests))
        {
            DisplayName = "ioctls issued",
            DisplayRateTimeScale = TimeSpan.FromSeconds(1),
        };
        _failureRateCounter ??= new IncrementingPollingCounter("ioctl-failure-rate", this, () => Volatile.Read(ref _failures))
        {
            DisplayName = "ioctls failed",
            DisplayRateTimeScale = TimeSpan.FromSeconds(1),
        };
        _durationCounter ??= new EventCounter("ioctl-duration", this) { DisplayName = "ioctl duration", DisplayUnits = "us" };
    }
}
