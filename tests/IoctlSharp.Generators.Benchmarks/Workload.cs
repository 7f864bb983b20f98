using System;
using System.Collections.Immutable;
using System.Linq;
using IoctlSharp.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace IoctlSharp.Generators.Benchmarks;

/// <summary>
/// The declaration set as a compilation, and the generator and analyzers as the compiler runs them. Only the
/// public surface of IoctlSharp.Generators and IoctlSharp.Analyzers is used (<see cref="IoctlGenerator"/> and the
/// exported <see cref="DiagnosticAnalyzer"/>s), so the benchmark survives changes to their internals.
/// </summary>
public static class Workload
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12);

    private static readonly ImmutableArray<MetadataReference> References = Basic.Reference.Assemblies.Net80.References.All
        .Cast<MetadataReference>()
        .Append(MetadataReference.CreateFromFile(typeof(AbiStructAttribute).Assembly.Location))
        .ToImmutableArray();

    /// <summary>The declaration set, one syntax tree per file.</summary>
    public static CSharpCompilation Compilation() => CSharpCompilation.Create(
        "Bench.Drivers",
        DeclarationSet.Files().Select(f => Parse(f.Text, f.Name)),
        References,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, nullableContextOptions: NullableContextOptions.Enable));

    public static SyntaxTree Parse(string text, string name) => CSharpSyntaxTree.ParseText(text, ParseOptions, path: name);

    /// <summary>The tree of <see cref="DeclarationSet.EditedFileName"/> in <paramref name="compilation"/>.</summary>
    public static SyntaxTree EditedTree(Compilation compilation)
        => compilation.SyntaxTrees.Single(t => t.FilePath == DeclarationSet.EditedFileName);

    /// <summary>A new driver, configured as the command-line compiler configures it (no step tracking).</summary>
    public static GeneratorDriver Driver() => CSharpGeneratorDriver.Create(
        new[] { new IoctlGenerator().AsSourceGenerator() },
        parseOptions: ParseOptions);

    /// <summary>New instances of every analyzer the analyzers assembly exports.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Analyzers() => typeof(AbiDeclarationAnalyzer).Assembly.GetExportedTypes()
        .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract && t.IsDefined(typeof(DiagnosticAnalyzerAttribute), false))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    /// <summary>The compilation with the generated code, as the analyzers see it in a build.</summary>
    public static Compilation WithGeneratedCode(Compilation input)
    {
        Driver().RunGeneratorsAndUpdateCompilation(input, out var output, out _);
        return output;
    }
}
