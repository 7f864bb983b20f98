using System.Collections.Immutable;
using System.Threading;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace IoctlSharp.Generators.Benchmarks;

/// <summary>
/// What the generator and the analyzers cost on the 150-type, 150-ioctl <see cref="DeclarationSet"/>. Targets
/// (compared in docs/benchmarks.md, never asserted): a warm full run within 100 ms, the run after a one-struct
/// edit within 5 ms.
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private Compilation _input = null!;
    private Compilation _output = null!;
    private ImmutableArray<DiagnosticAnalyzer> _analyzers;

    private GeneratorDriver _driver = null!;
    private Compilation _current = null!;
    private SyntaxTree _original = null!;
    private SyntaxTree _edited = null!;

    [GlobalSetup]
    public void Setup()
    {
        _input = Workload.Compilation();
        _output = Workload.WithGeneratedCode(_input);
        _analyzers = Workload.Analyzers();

        _original = Workload.EditedTree(_input);
        _edited = Workload.Parse(DeclarationSet.EditedFile(), DeclarationSet.EditedFileName);
        _current = _input;
        _driver = Workload.Driver().RunGenerators(_current);
    }

    /// <summary>
    /// A warm full run: a new driver (no cached state) over the same compilation each time, so the generator does
    /// all its work while the compilation's symbols are already bound, as in a build server's second compilation.
    /// </summary>
    [Benchmark]
    public GeneratorDriver FullRun() => Workload.Driver().RunGenerators(_input);

    /// <summary>
    /// The same with a fresh copy of the compilation (<see cref="Compilation.Clone"/>: the same trees and
    /// references, no bound symbols), so the binding the generator causes is counted too.
    /// </summary>
    [Benchmark]
    public GeneratorDriver FullRunFreshCompilation() => Workload.Driver().RunGenerators(_input.Clone());

    /// <summary>
    /// The incremental run after a one-struct edit: a driver that has run on the previous version gets a new
    /// compilation in which the edited device's file is replaced (its counters struct changes a member's type),
    /// as after a keystroke in the IDE. Each call toggles between the two versions of that file, so every run
    /// follows an edit.
    /// </summary>
    [Benchmark]
    public GeneratorDriver OneStructEdit()
    {
        var old = Workload.EditedTree(_current);
        _current = _current.ReplaceSyntaxTree(old, ReferenceEquals(old, _original) ? _edited : _original);
        return _driver = _driver.RunGenerators(_current);
    }

    /// <summary>
    /// Every IoctlSharp analyzer over the compilation with the generated code (as in a build). The analyzer driver
    /// works on its own copy of the compilation and binds all of it, so this includes the compiler's own work,
    /// which <see cref="CompilerDiagnosticsOnly"/> measures alone.
    /// </summary>
    [Benchmark]
    public ImmutableArray<Diagnostic> Analyzers()
        => _output.WithAnalyzers(_analyzers).GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>For comparison with <see cref="Analyzers"/>: the compiler's diagnostics on a fresh copy of the same compilation, no analyzer.</summary>
    [Benchmark]
    public ImmutableArray<Diagnostic> CompilerDiagnosticsOnly() => _output.Clone().GetDiagnostics(CancellationToken.None);
}
