using System.Collections.Concurrent;
using IoctlSharp.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace IoctlSharp.Analyzers;

/// <summary>
/// Help links point at <see cref="Descriptors.DefaultHelpLinkBase"/> unless the project sets the MSBuild property
/// <c>IoctlSharpHelpLinkBase</c> (made visible to analyzers by the package's build props): a fork, a mirror or an
/// offline copy of docs/diagnostics.
/// </summary>
internal static class HelpLinks
{
    public const string Property = "build_property.IoctlSharpHelpLinkBase";

    private static readonly ConcurrentDictionary<(string Id, string Base), DiagnosticDescriptor> s_rebased = new();

    /// <summary>
    /// Reports <paramref name="diagnostic"/>, its help link under the project's base when one is set; advice not at
    /// all when the project turned it off (<see cref="AdviceSwitch"/>).
    /// </summary>
    public static void Report(this SymbolAnalysisContext context, Diagnostic diagnostic)
    {
        if (!AdviceSwitch.Silences(context.Options, diagnostic.Descriptor))
            context.ReportDiagnostic(Rebase(diagnostic, context.Options));
    }

    public static Diagnostic Rebase(Diagnostic diagnostic, AnalyzerOptions options)
    {
        if (!options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(Property, out var helpBase) || string.IsNullOrWhiteSpace(helpBase))
            return diagnostic;
        helpBase = helpBase.Trim();
        if (!helpBase.EndsWith("/"))
            helpBase += "/";
        var d = diagnostic.Descriptor;
        // The message is already formatted; the rebased descriptor carries it whole ("{0}").
        var rebased = s_rebased.GetOrAdd((d.Id, helpBase), key => new DiagnosticDescriptor(
            d.Id, d.Title, "{0}", d.Category, d.DefaultSeverity, d.IsEnabledByDefault, d.Description,
            Descriptors.HelpLink(key.Id, key.Base), System.Linq.Enumerable.ToArray(d.CustomTags)));
        return Diagnostic.Create(rebased, diagnostic.Location, diagnostic.AdditionalLocations, diagnostic.Properties,
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }
}
