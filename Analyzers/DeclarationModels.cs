using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using IoctlSharp.Generators;
using IoctlSharp.Generators.Abi;
using IoctlSharp.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace IoctlSharp.Analyzers;

/// <summary>What the parser made of one declaration: its model and every diagnostic it reported.</summary>
internal sealed record ParsedDeclaration(StructModel? Struct, GroupModel? Group, ImmutableArray<Diagnostic> Diagnostics)
{
    public static readonly ParsedDeclaration None = new(null, null, ImmutableArray<Diagnostic>.Empty);
}

/// <summary>
/// One parse per type per compilation, shared by every analyzer: the declaration analyzer reports the diagnostics,
/// the advice analyzers read the models, and none of them parses the type again.
/// </summary>
internal sealed class DeclarationModels
{
    private static readonly ConditionalWeakTable<Compilation, DeclarationModels> s_byCompilation = new();

    private readonly ConcurrentDictionary<INamedTypeSymbol, Lazy<ParsedDeclaration>> _parsed = new(SymbolEqualityComparer.Default);

    private DeclarationModels(TargetSet targets) => Targets = targets;

    /// <summary>The project's targets (IoctlSharpTargets), on which its declarations are checked.</summary>
    public TargetSet Targets { get; }

    public static DeclarationModels For(Compilation compilation, AnalyzerOptions options)
        => s_byCompilation.GetValue(compilation, _ => new DeclarationModels(TargetsOf(options)));

    /// <summary>The targets the project chose with the MSBuild property IoctlSharpTargets.</summary>
    public static TargetSet TargetsOf(AnalyzerOptions options)
        => TargetSet.Parse(options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(TargetSet.Property, out var value) ? value : null);

    public ParsedDeclaration Get(INamedTypeSymbol type, CancellationToken ct)
    {
        var lazy = _parsed.GetOrAdd(type, t => new Lazy<ParsedDeclaration>(() => Parse(t, Targets, ct), LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return lazy.Value;
        }
        catch (OperationCanceledException)
        {
            // A cancelled parse is not a result: the next analysis of this type parses again.
            _parsed.TryRemove(type, out _);
            throw;
        }
    }

    private static ParsedDeclaration Parse(INamedTypeSymbol type, TargetSet targets, CancellationToken ct)
    {
        var parser = new Parser(ct, targets);
        foreach (var attribute in type.GetAttributes())
        {
            switch (attribute.AttributeClass?.ToDisplayString())
            {
                case Parser.AbiStructAttribute or Parser.AbiUnionAttribute:
                    var model = parser.ParseStruct(type);
                    return new ParsedDeclaration(model, null, parser.Diagnostics.ToImmutableArray());
                case Parser.AbiConstantsAttribute:
                    parser.ParseConstants(type);
                    return new ParsedDeclaration(null, null, parser.Diagnostics.ToImmutableArray());
                case Parser.IoctlGroupAttribute:
                    var group = parser.ParseGroup(type);
                    return new ParsedDeclaration(null, group, parser.Diagnostics.ToImmutableArray());
            }
        }

        return ParsedDeclaration.None;
    }
}
