using Xunit;

namespace Sample.Driver.Tests;

/// <summary>
/// The tests that run virtual machines, one at a time: the sample's summary counts every ioctl the process issues
/// (through IoctlSharp's event source), so a VM another test ran at the same moment would add to its counts.
/// </summary>
[CollectionDefinition(Name)]
public sealed class KvmCollection
{
    public const string Name = "virtual machines on /dev/kvm";
}
