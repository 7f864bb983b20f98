using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using IoctlSharp.Analyzers;
using IoctlSharp.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace IoctlSharp.Generators.Tests;

/// <summary>Runs the generator and the analyzer on source text, against the .NET 8 reference assemblies.</summary>
internal static class Harness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12);

    private static readonly ImmutableArray<MetadataReference> References = Basic.Reference.Assemblies.Net80.References.All
        .Cast<MetadataReference>()
        .Append(MetadataReference.CreateFromFile(typeof(AbiStructAttribute).Assembly.Location))
        .ToImmutableArray();

    public static CSharpCompilation Compile(params string[] sources) => CSharpCompilation.Create(
        "Consumer",
        sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"Source{i}.cs")),
        References,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver Driver() => CSharpGeneratorDriver.Create(
        new[] { new IoctlGenerator().AsSourceGenerator() },
        parseOptions: ParseOptions,
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Every analyzer IoctlSharp ships (all the DiagnosticAnalyzers of the analyzers assembly), new instances.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> AllAnalyzers() => typeof(AbiDeclarationAnalyzer).Assembly.GetTypes()
        .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    /// <summary>The generator's output for <paramref name="sources"/>, the compilation with it, and everything the compiler and analyzer say.</summary>
    public static Result Run(params string[] sources)
    {
        var input = Compile(sources);
        var driver = Driver().RunGeneratorsAndUpdateCompilation(input, out var output, out var generatorDiagnostics);
        var run = driver.GetRunResult();
        var analyzerDiagnostics = output
            .WithAnalyzers(AllAnalyzers())
            .GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
        return new Result(run, output, generatorDiagnostics, output.GetDiagnostics(), analyzerDiagnostics);
    }

    internal sealed record Result(
        GeneratorDriverRunResult Run,
        Compilation Output,
        ImmutableArray<Diagnostic> GeneratorDiagnostics,
        ImmutableArray<Diagnostic> CompilerDiagnostics,
        ImmutableArray<Diagnostic> AnalyzerDiagnostics)
    {
        public IReadOnlyList<(string HintName, string Text)> Sources
            => Run.Results.SelectMany(r => r.GeneratedSources).Select(s => (s.HintName, s.SourceText.ToString())).ToList();

        public IEnumerable<Diagnostic> Errors => CompilerDiagnostics.Concat(AnalyzerDiagnostics).Concat(GeneratorDiagnostics)
            .Where(d => d.Severity == DiagnosticSeverity.Error);

        /// <summary>Fails unless the generator ran without an exception and the output compiles cleanly with no analyzer error.</summary>
        public Result AssertClean()
        {
            Xunit.Assert.All(Run.Results, r => Xunit.Assert.Null(r.Exception));
            var problems = CompilerDiagnostics.Concat(AnalyzerDiagnostics).Concat(GeneratorDiagnostics)
                .Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
            Xunit.Assert.True(problems.Count == 0, "Expected a clean build, got:\n" + string.Join("\n", problems));
            return this;
        }

        public IEnumerable<string> Ids => AnalyzerDiagnostics.Concat(CompilerDiagnostics).Select(d => d.Id);
    }
}
