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

    public static CSharpCompilation Compile(params string[] sources) => Compile(ParseOptions, sources);

    private static CSharpCompilation Compile(CSharpParseOptions options, string[] sources, OutputKind kind = OutputKind.DynamicallyLinkedLibrary) => CSharpCompilation.Create(
        "Consumer",
        sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, options, path: $"Source{i}.cs")),
        References,
        new CSharpCompilationOptions(kind, allowUnsafe: true, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver Driver() => Driver(ParseOptions);

    private static GeneratorDriver Driver(CSharpParseOptions options, AnalyzerConfigOptionsProvider? msbuild = null) => CSharpGeneratorDriver.Create(
        new[] { new IoctlGenerator().AsSourceGenerator() },
        parseOptions: options,
        optionsProvider: msbuild,
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>
    /// Runs the generator twice over the same sources (a new compilation of the same text, as an IDE makes after a
    /// keystroke that changes nothing IoctlSharp reads) and fails unless every tracked step and every output of the
    /// second run is Cached or Unchanged: the models compare by value, so nothing is parsed or printed again.
    /// </summary>
    public static void AssertSecondRunIsCached(params string[] sources)
    {
        var driver = Driver().RunGenerators(Compile(sources));
        var second = driver.RunGenerators(Compile(sources)).GetRunResult().Results.Single();
        var steps = second.TrackedSteps.Where(s => s.Key is IoctlGenerator.Steps.Structs or IoctlGenerator.Steps.Unions
                or IoctlGenerator.Steps.Groups or IoctlGenerator.Steps.Orphans or IoctlGenerator.Steps.HintCollisions)
            .SelectMany(s => s.Value.SelectMany(run => run.Outputs.Select(o => (s.Key, o.Reason))))
            .Concat(second.TrackedOutputSteps.SelectMany(s => s.Value.SelectMany(run => run.Outputs.Select(o => (s.Key, o.Reason)))))
            .ToList();
        Xunit.Assert.NotEmpty(steps);
        Xunit.Assert.All(steps, s => Xunit.Assert.True(s.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
            $"step {s.Key} re-ran on an identical second run: {s.Reason}"));
    }

    /// <summary>Every analyzer IoctlSharp ships (all the DiagnosticAnalyzers of the analyzers assembly), new instances.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> AllAnalyzers() => typeof(AbiDeclarationAnalyzer).Assembly.GetTypes()
        .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    /// <summary>The generator's output for <paramref name="sources"/>, the compilation with it, and everything the compiler and analyzer say.</summary>
    public static Result Run(params string[] sources) => Run(ParseOptions, sources);

    /// <summary>As <see cref="Run(string[])"/>, compiled as a program: a source may hold top-level statements.</summary>
    public static Result RunProgram(params string[] sources) => Run(ParseOptions, sources, OutputKind.ConsoleApplication);

    /// <summary>As <see cref="Run(string[])"/>, with documentation comments checked as GenerateDocumentationFile does (CS1591 for every undocumented public member).</summary>
    public static Result RunDocumented(params string[] sources) => Run(ParseOptions.WithDocumentationMode(DocumentationMode.Diagnose), sources);

    /// <summary>As <see cref="Run(string[])"/>, with MSBuild properties as a project sets them (<c>IoctlSharpTargets</c> = <c>build_property.IoctlSharpTargets</c>).</summary>
    public static Result RunWithProperties(IReadOnlyDictionary<string, string> properties, params string[] sources)
        => Run(ParseOptions, sources, msbuild: BuildProperties.Provider(properties.Select(p => (p.Key, p.Value)).ToArray()));

    private static Result Run(CSharpParseOptions options, string[] sources, OutputKind kind = OutputKind.DynamicallyLinkedLibrary,
        AnalyzerConfigOptionsProvider? msbuild = null)
    {
        var input = Compile(options, sources, kind);
        var driver = Driver(options, msbuild).RunGeneratorsAndUpdateCompilation(input, out var output, out var generatorDiagnostics);
        var run = driver.GetRunResult();
        var analyzerDiagnostics = output
            .WithAnalyzers(AllAnalyzers(), msbuild is null ? null : new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, msbuild))
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

        /// <summary>
        /// The generated files that complete a declaration: every file but the parts emitted for rejected
        /// declarations, which hold only an empty part or throwing bodies (so the user's code still compiles).
        /// </summary>
        public IReadOnlyList<(string HintName, string Text)> Completed
            => Sources.Where(s => !s.Text.Contains("// IoctlSharp generated no ") || s.Text.Contains("IAbiStruct<") || s.Text.Contains("public static class Requests")).ToList();

        /// <summary>Errors the compiler reports inside generated code, or that only a missing generated member causes.</summary>
        public IEnumerable<Diagnostic> ErrorsCausedByGeneration => CompilerDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error
            && (d.Id is "CS8795" or "CS0636" or "CS0117" or "CS8785" || d.Location.SourceTree?.FilePath.Contains("IoctlSharp.Generators") == true));

        public IEnumerable<string> Ids => AnalyzerDiagnostics.Concat(CompilerDiagnostics).Select(d => d.Id);
    }
}
