using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using IoctlSharp.Generators;
using IoctlSharp.Generators.Model;
using Microsoft.CodeAnalysis;

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

    public static DeclarationModels For(Compilation compilation) => s_byCompilation.GetValue(compilation, static _ => new DeclarationModels());

    public ParsedDeclaration Get(INamedTypeSymbol type, CancellationToken ct)
    {
        var lazy = _parsed.GetOrAdd(type, t => new Lazy<ParsedDeclaration>(() => Parse(t, ct), LazyThreadSafetyMode.ExecutionAndPublication));
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

    private static ParsedDeclaration Parse(INamedTypeSymbol type, CancellationToken ct)
    {
        var parser = new Parser(ct);
        foreach (var attribute in type.GetAttributes())
        {
            switch (attribute.AttributeClass?.ToDisplayString())
            {
                case Parser.AbiStructAttribute or Parser.AbiUnionAttribute:
                    var model = parser.ParseStruct(type);
                    return new ParsedDeclaration(model, null, parser.Diagnostics.ToImmutableArray());
                case Parser.IoctlGroupAttribute:
                    var group = parser.ParseGroup(type);
                    return new ParsedDeclaration(null, group, parser.Diagnostics.ToImmutableArray());
            }
        }

        return ParsedDeclaration.None;
    }
}
