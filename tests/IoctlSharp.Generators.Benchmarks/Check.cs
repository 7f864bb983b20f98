using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace IoctlSharp.Generators.Benchmarks;

/// <summary>
/// Proves the declaration set measures what it claims before anything is timed: 150 ABI types and 150 ioctls,
/// the generator runs without an exception, and neither the compiler (on the generated code) nor the analyzers
/// say anything of warning severity or above — before and after the one-struct edit. Prints the generated-code
/// volume and each analyzer's own execution time.
/// </summary>
public static class Check
{
    public static int Run(TextWriter output)
    {
        var failures = new List<string>();
        var input = Workload.Compilation();

        var types = input.SyntaxTrees.SelectMany(t => t.GetRoot().DescendantNodes())
            .OfType<Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax>()
            .Select(t => input.GetSemanticModel(t.SyntaxTree).GetDeclaredSymbol(t)!)
            .Where(s => s.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() is "IoctlSharp.AbiStructAttribute" or "IoctlSharp.AbiUnionAttribute"))
            .ToList();
        var ioctls = input.SyntaxTrees.SelectMany(t => t.GetRoot().DescendantNodes())
            .OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax>()
            .Select(m => input.GetSemanticModel(m.SyntaxTree).GetDeclaredSymbol(m)!)
            .Where(s => s.GetAttributes().Any(a => InheritsFrom(a.AttributeClass, "IoctlSharp.IoctlAttributeBase")))
            .ToList();
        var groups = ioctls.Select(m => m.ContainingType).Distinct(SymbolEqualityComparer.Default).Count();
        output.WriteLine(Invariant($"declaration set: {input.SyntaxTrees.Count()} files, {types.Count} ABI types ({types.Count(t => t.GetAttributes().Any(a => a.AttributeClass?.Name == "AbiUnionAttribute"))} unions), {ioctls.Count} ioctls in {groups} groups"));
        if (types.Count != 150) failures.Add(Invariant($"expected 150 ABI types, found {types.Count}"));
        if (ioctls.Count != 150) failures.Add(Invariant($"expected 150 ioctls, found {ioctls.Count}"));

        var edited = input.ReplaceSyntaxTree(Workload.EditedTree(input), Workload.Parse(DeclarationSet.EditedFile(), DeclarationSet.EditedFileName));
        foreach (var (name, compilation) in new[] { ("as declared", (Compilation)input), ("after the one-struct edit", edited) })
        {
            var driver = Workload.Driver().RunGeneratorsAndUpdateCompilation(compilation, out var withGenerated, out var generatorDiagnostics);
            var run = driver.GetRunResult();
            foreach (var result in run.Results.Where(r => r.Exception is not null))
                failures.Add($"{name}: the generator threw {result.Exception}");
            var sources = run.Results.SelectMany(r => r.GeneratedSources).ToList();
            var lines = sources.Sum(s => s.SourceText.Lines.Count);
            var bytes = sources.Sum(s => (long)System.Text.Encoding.UTF8.GetByteCount(s.SourceText.ToString()));
            output.WriteLine(Invariant($"{name}: {sources.Count} generated files, {lines} lines, {bytes} bytes (UTF-8)"));

            var analyzers = withGenerated.WithAnalyzers(Workload.Analyzers(), new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(default), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
            var analyzerDiagnostics = analyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
            var all = generatorDiagnostics.Concat(withGenerated.GetDiagnostics()).Concat(analyzerDiagnostics).ToList();
            foreach (var d in all.Where(d => d.Severity >= DiagnosticSeverity.Warning))
                failures.Add($"{name}: {d}");
            output.WriteLine($"{name}: diagnostics below warning: " + string.Join(", ",
                all.Where(d => d.Severity < DiagnosticSeverity.Warning).GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => Invariant($"{g.Key} x{g.Count()}"))));
            foreach (var analyzer in analyzers.Analyzers)
            {
                var telemetry = analyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).GetAwaiter().GetResult();
                output.WriteLine(Invariant($"{name}: {analyzer.GetType().Name} executed for {telemetry.ExecutionTime.TotalMilliseconds:F0} ms (single-threaded, first run)"));
            }
        }

        ReportIncrementality(input, edited, output);

        foreach (var failure in failures)
            output.WriteLine("FAIL: " + failure);
        output.WriteLine(failures.Count == 0 ? "check: the declaration set is valid" : Invariant($"check: {failures.Count} problems"));
        return failures.Count == 0 ? 0 : 1;
    }

    /// <summary>
    /// What the incremental run after the one-struct edit recomputes: for each of the generator's named steps
    /// (<see cref="IoctlGenerator.Steps"/>, public), how many outputs were cached, unchanged, modified, new or
    /// removed. Information for the reader of the benchmark, not a pass/fail check.
    /// </summary>
    private static void ReportIncrementality(Compilation input, Compilation edited, TextWriter output)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new IoctlGenerator().AsSourceGenerator() },
            parseOptions: Workload.ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        driver = driver.RunGenerators(input).RunGenerators(edited);
        var result = driver.GetRunResult().Results.Single();
        var steps = result.TrackedSteps.Concat(result.TrackedOutputSteps.Where(s => !result.TrackedSteps.ContainsKey(s.Key)));
        foreach (var step in steps.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var reasons = step.Value.SelectMany(r => r.Outputs).GroupBy(o => o.Reason).OrderBy(g => g.Key)
                .Select(g => Invariant($"{g.Count()} {g.Key}"));
            output.WriteLine($"after the one-struct edit, step {step.Key}: " + string.Join(", ", reasons));
        }
    }

    private static bool InheritsFrom(INamedTypeSymbol? type, string name)
    {
        for (; type is not null; type = type.BaseType)
            if (type.ToDisplayString() == name)
                return true;
        return false;
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
