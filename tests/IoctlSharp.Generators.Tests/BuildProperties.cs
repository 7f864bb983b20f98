using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace IoctlSharp.Generators.Tests;

/// <summary>
/// Analyzer options as a build passes MSBuild properties that the package's props make compiler-visible
/// (<c>&lt;CompilerVisibleProperty Include="IoctlSharpHelpLinkBase" /&gt;</c> becomes <c>build_property.IoctlSharpHelpLinkBase</c>).
/// </summary>
internal static class BuildProperties
{
    public static AnalyzerOptions Options(params (string Property, string Value)[] properties)
        => new(ImmutableArray<AdditionalText>.Empty, Provider(properties));

    /// <summary>The same properties as the generator driver takes them.</summary>
    public static AnalyzerConfigOptionsProvider Provider(params (string Property, string Value)[] properties)
        => new GlobalProvider(properties.ToDictionary(p => "build_property." + p.Property, p => p.Value));

    private sealed class GlobalProvider(Dictionary<string, string> global) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Values(global);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Values(new());

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Values(new());
    }

    private sealed class Values(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
