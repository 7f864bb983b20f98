using System.Runtime.CompilerServices;

namespace IoctlSharp.Generators.Tests;

internal static class TestSetup
{
    /// <summary>In tests, an internal generator error is a failure, not a silently missing file.</summary>
    [ModuleInitializer]
    internal static void Initialize() => IoctlGenerator.RethrowInternalErrors = true;
}
