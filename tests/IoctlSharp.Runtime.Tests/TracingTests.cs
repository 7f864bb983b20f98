using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.Tracing;
using System.Linq;
using System.Threading;
using Xunit;

namespace IoctlSharp.Runtime.Tests;

/// <summary>
/// Tests that enable the process-wide event source, count allocations or check that an fd number was closed run one
/// at a time (an enabled source makes every thread's ioctls allocate for the listener; a test on another thread that
/// opens a file can be given the closed fd's number).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MeasuresTheProcess
{
    public const string Name = "Measures the process";
}

/// <summary>The IoctlSharp event source, as dotnet-trace and dotnet-counters see it, through an in-process listener.</summary>
[Collection(MeasuresTheProcess.Name)]
public class TracingTests
{
    [Fact]
    public void ARealIoctlIsTracedWithItsNameNumberFdResultErrnoAndDuration()
    {
        using var kvm = FileDescriptorHandle.Open("/dev/kvm");
        using var notKvm = FileDescriptorHandle.Open("/proc/self/stat");
        using var recorder = new Recorder();

        Assert.Equal(12, Kvm.GetApiVersion(kvm));
        var ok = Assert.Single(recorder.RequestsOn(kvm.Fd));
        Assert.Equal(
            new[] { "Name", "Number", "Fd", "Result", "Errno", "ErrnoName", "DurationNanoseconds" },
            ok.PayloadNames);
        Assert.Equal(("KVM_GET_API_VERSION", 0xAE00u, kvm.Fd, 12, 0, ""),
            ((string)ok.Payload![0]!, (uint)ok.Payload[1]!, (int)ok.Payload[2]!, (int)ok.Payload[3]!, (int)ok.Payload[4]!, (string)ok.Payload[5]!));
        Assert.InRange((long)ok.Payload[6]!, 1, 10_000_000_000);
        Assert.Equal(EventLevel.Informational, ok.Level);

        // A failure: the errno and its name, result -1.
        Assert.Throws<IoctlException>(() => Kvm.CheckExtension(notKvm, 1));
        var failed = Assert.Single(recorder.RequestsOn(notKvm.Fd));
        Assert.Equal(("KVM_CHECK_EXTENSION", 0xAE03u, -1, 25, "ENOTTY"),
            ((string)failed.Payload![0]!, (uint)failed.Payload[1]!, (int)failed.Payload[3]!, (int)failed.Payload[4]!, (string)failed.Payload[5]!));

        // The TryInvoke overloads: with a name, without one (an empty name; the number still says which), and the
        // generated Try wrapper, which passes its request's name.
        Ioctl.TryInvoke(kvm, 0xAE00, "KVM_GET_API_VERSION");
        Ioctl.TryInvoke(kvm, 0xAE00);
        Kvm.TryCheckExtension(kvm, Kvm.CapImmediateExit);
        var tries = recorder.RequestsOn(kvm.Fd).Skip(1).ToArray();
        Assert.Equal(new[] { ("KVM_GET_API_VERSION", 0xAE00u), ("", 0xAE00u), ("KVM_CHECK_EXTENSION", 0xAE03u) },
            tries.Select(e => ((string)e.Payload![0]!, (uint)e.Payload[1]!)).ToArray());
    }

    [Fact]
    public void WithNoListenerTheTracedPathIsNeverTaken()
    {
        using var kvm = FileDescriptorHandle.Open("/dev/kvm");
        long before = IoctlEventSource.Log.RequestsCounted;
        for (int i = 0; i < 100; i++)
            Kvm.GetApiVersion(kvm);
        Assert.False(IoctlEventSource.Log.IsEnabled());
        Assert.Equal(before, IoctlEventSource.Log.RequestsCounted);

        using (var recorder = new Recorder())
        {
            for (int i = 0; i < 100; i++)
                Kvm.GetApiVersion(kvm);
            Assert.Equal(100, recorder.RequestsOn(kvm.Fd).Count());
        }

        // Disposing the last listener turns it off again.
        Assert.False(IoctlEventSource.Log.IsEnabled());
        long after = IoctlEventSource.Log.RequestsCounted;
        Kvm.GetApiVersion(kvm);
        Assert.Equal(after, IoctlEventSource.Log.RequestsCounted);
    }

    [Fact]
    public void CountersArePublishedAsDotnetCountersAsksForThem()
    {
        using var kvm = FileDescriptorHandle.Open("/dev/kvm");
        using var notKvm = FileDescriptorHandle.Open("/proc/self/stat");
        // dotnet-counters enables the source with EventCounterIntervalSec; the counters arrive as "EventCounters" events.
        using var recorder = new Recorder(new Dictionary<string, string?> { ["EventCounterIntervalSec"] = "0.1" });
        var deadline = DateTime.UtcNow.AddSeconds(20);
        var seen = new Dictionary<string, IDictionary<string, object?>>();
        while (DateTime.UtcNow < deadline && !(seen.ContainsKey("ioctl-rate") && seen.ContainsKey("ioctl-failure-rate") && seen.ContainsKey("ioctl-duration")))
        {
            for (int i = 0; i < 50; i++)
            {
                Kvm.GetApiVersion(kvm);
                Kvm.TryCheckExtension(notKvm, 1);
            }
            Thread.Sleep(20);
            foreach (var counter in recorder.Counters())
                if ((counter.TryGetValue("Increment", out var increment) && Convert.ToDouble(increment) > 0)
                    || (counter.TryGetValue("Mean", out var mean) && Convert.ToDouble(mean) > 0))
                    seen[(string)counter["Name"]!] = counter;
        }

        Assert.True(seen.ContainsKey("ioctl-rate"), "no ioctl-rate counter with a positive increment");
        Assert.True(seen.ContainsKey("ioctl-failure-rate"), "no ioctl-failure-rate counter with a positive increment");
        Assert.True(seen.ContainsKey("ioctl-duration"), "no ioctl-duration counter with a positive mean");
        Assert.Equal("us", seen["ioctl-duration"]["DisplayUnits"]);
    }

    /// <summary>An in-process listener, enabled for the IoctlSharp source as dotnet-trace would enable it.</summary>
    private sealed class Recorder : EventListener
    {
        private readonly ConcurrentQueue<EventWrittenEventArgs> _events = new();
        private readonly IDictionary<string, string?>? _arguments;

        public Recorder(IDictionary<string, string?>? arguments = null)
        {
            _arguments = arguments;
            // Sources that existed before this listener were announced from the base constructor, before the fields
            // above were set: enable the source here, where the arguments are known.
            foreach (var source in EventSource.GetSources())
                if (source.Name == "IoctlSharp")
                    EnableEvents(source, EventLevel.Informational, (EventKeywords)1, _arguments);
        }

        protected override void OnEventSourceCreated(EventSource source)
        {
            if (source.Name == "IoctlSharp" && _events is not null)
                EnableEvents(source, EventLevel.Informational, (EventKeywords)1, _arguments);
        }

        protected override void OnEventWritten(EventWrittenEventArgs e)
        {
            if (e.EventSource.Name == "IoctlSharp")
                _events?.Enqueue(e);
        }

        public IEnumerable<EventWrittenEventArgs> RequestsOn(int fd)
            => _events.Where(e => e.EventName == "Request" && (int)e.Payload![2]! == fd);

        public IEnumerable<IDictionary<string, object?>> Counters()
            => _events.Where(e => e.EventName == "EventCounters").Select(e => (IDictionary<string, object?>)e.Payload![0]!);
    }
}
