using Xunit;

// The snapshot test may rewrite probe/ (IOCTLSHARP_UPDATE_SNAPSHOTS=1) while the gcc tests read it; the whole
// suite takes a few seconds, so run it serially.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
