using System;
using System.Collections.Generic;
using System.Diagnostics.Tracing;
using System.Linq;

namespace Sample.Driver;

/// <summary>
/// Counts the ioctls this process issues, by name and request number, from IoctlSharp's own <c>IoctlSharp</c>
/// event source (every generated wrapper reports each request it issues). The sample's summary prints it, so a
/// reader sees which requests a VMM needs and the numbers IoctlSharp computed for them.
/// </summary>
public sealed class IoctlTally : EventListener
{
    private const string SourceName = "IoctlSharp";
    private readonly object _lock = new();
    private readonly List<(string Name, uint Number)> _order = [];
    private readonly Dictionary<(string Name, uint Number), int> _counts = [];

    /// <summary>The ioctls counted since the last <see cref="TakeCounts"/>, in the order first issued.</summary>
    public IReadOnlyList<(string Name, uint Number, int Count)> TakeCounts()
    {
        lock (_lock)
        {
            var taken = _order.Select(k => (k.Name, k.Number, _counts[k])).ToList();
            _order.Clear();
            _counts.Clear();
            return taken;
        }
    }

    /// <inheritdoc/>
    protected override void OnEventSourceCreated(EventSource source)
    {
        // Called from the base constructor for sources that already exist, before this class's fields are set.
        if (source.Name == SourceName)
            EnableEvents(source, EventLevel.Informational, (EventKeywords)1);
    }

    /// <inheritdoc/>
    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventSource.Name != SourceName || e.EventId != 1 || e.Payload is not { Count: >= 2 } payload)
            return;
        var key = (payload[0] as string ?? "", payload[1] is uint number ? number : 0);
        lock (_lock)
        {
            if (!_counts.TryGetValue(key, out int count))
                _order.Add(key);
            _counts[key] = count + 1;
        }
    }
}
