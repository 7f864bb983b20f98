using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace IoctlSharp.Analyzers;

/// <summary>
/// The MSBuild property <c>IoctlSharpAdviceAnalyzers</c> (made visible to analyzers by the package's build props, as
/// <see cref="HelpLinks"/>' is): <c>false</c> turns off every diagnostic that is not an error — the layout and ioctl
/// advice (ISH120–ISH124, ISH220, ISH221) and ISH111 — for a project that has reviewed its declarations. Errors stay:
/// they are what the generator declines to emit.
/// </summary>
internal static class AdviceSwitch
{
    public const string Property = "build_property.IoctlSharpAdviceAnalyzers";

    public static bool IsOff(AnalyzerOptions options)
        => options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(Property, out var value)
           && string.Equals(value.Trim(), "false", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when <paramref name="descriptor"/> is advice and the project turned advice off.</summary>
    public static bool Silences(AnalyzerOptions options, DiagnosticDescriptor descriptor)
        => descriptor.DefaultSeverity != DiagnosticSeverity.Error && IsOff(options);
}
