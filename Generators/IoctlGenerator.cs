using System.Linq;
using System.Threading;
using IoctlSharp.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace IoctlSharp.Generators;

/// <summary>
/// Completes [AbiStruct]/[AbiUnion] types with their C layouts and [IoctlGroup] classes with their request
/// numbers and wrappers. Reports nothing (the analyzer does) and emits nothing for a declaration with an error.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class IoctlGenerator : IIncrementalGenerator
{
    /// <summary>Tracking names of the pipeline steps, for incrementality tests.</summary>
    public static class Steps
    {
        public const string Structs = nameof(Structs);
        public const string Unions = nameof(Unions);
        public const string Groups = nameof(Groups);
    }

    /// <summary>
    /// Tests set this so that an internal error fails them loudly; users never see an exception from the generator
    /// (it would surface only as CS8785 and drop every generated file).
    /// </summary>
    internal static bool RethrowInternalErrors { get; set; }

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var structs = context.SyntaxProvider.ForAttributeWithMetadataName(
                Parser.AbiStructAttribute,
                static (node, _) => node is StructDeclarationSyntax or RecordDeclarationSyntax,
                static (ctx, ct) => ParseStruct(ctx, ct))
            .Where(static m => m is not null)
            .WithTrackingName(Steps.Structs);
        var unions = context.SyntaxProvider.ForAttributeWithMetadataName(
                Parser.AbiUnionAttribute,
                static (node, _) => node is StructDeclarationSyntax or RecordDeclarationSyntax,
                static (ctx, ct) => ParseStruct(ctx, ct))
            .Where(static m => m is not null)
            .WithTrackingName(Steps.Unions);
        var groups = context.SyntaxProvider.ForAttributeWithMetadataName(
                Parser.IoctlGroupAttribute,
                static (node, _) => node is ClassDeclarationSyntax,
                static (ctx, ct) => ParseGroup(ctx, ct))
            .Where(static m => m is not null)
            .WithTrackingName(Steps.Groups);

        context.RegisterSourceOutput(structs, static (spc, model) => Emit(spc, model!.Declaration.HintName, () => Emitter.EmitStruct(model)));
        context.RegisterSourceOutput(unions, static (spc, model) => Emit(spc, model!.Declaration.HintName, () => Emitter.EmitStruct(model)));
        // The 32-bit twins and their conversions, in a file of their own (none when no 32-bit layout differs).
        context.RegisterSourceOutput(structs, static (spc, model) => Emit(spc, CompatHintName(model!), () => CompatEmitter.Emit(model!)));
        context.RegisterSourceOutput(unions, static (spc, model) => Emit(spc, CompatHintName(model!), () => CompatEmitter.Emit(model!)));
        context.RegisterSourceOutput(groups, static (spc, model) => Emit(spc, model!.Declaration.HintName, () => Emitter.EmitGroup(model)));
    }

    private static string CompatHintName(StructModel model)
        => model.Declaration.HintName.Substring(0, model.Declaration.HintName.Length - ".g.cs".Length) + ".Compat.g.cs";

    private static StructModel? ParseStruct(GeneratorAttributeSyntaxContext ctx, CancellationToken ct)
    {
        // A partial type declared in several places is seen once per declaration; take the first.
        if (ctx.TargetSymbol is not INamedTypeSymbol type || !ReferenceEquals(ctx.TargetNode.SyntaxTree, type.DeclaringSyntaxReferences[0].SyntaxTree)
            || ctx.TargetNode.Span != type.DeclaringSyntaxReferences[0].Span)
            return null;
        return Guard(() => new Parser(ct).ParseStruct(type));
    }

    private static GroupModel? ParseGroup(GeneratorAttributeSyntaxContext ctx, CancellationToken ct)
    {
        // A group attributed on several partial parts (CS0579) is seen once per part; take the part that holds the
        // attribute the compiler binds, so one hint name is added once.
        if (ctx.TargetSymbol is not INamedTypeSymbol type)
            return null;
        var owner = type.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == Parser.IoctlGroupAttribute)?.ApplicationSyntaxReference;
        if (owner is null || !ReferenceEquals(owner.SyntaxTree, ctx.TargetNode.SyntaxTree) || !ctx.TargetNode.Span.Contains(owner.Span))
            return null;
        return Guard(() => new Parser(ct).ParseGroup(type));
    }

    /// <summary>
    /// The generator never throws: an exception would surface only as CS8785 and drop every generated file.
    /// Cancellation still propagates, as Roslyn expects.
    /// </summary>
    private static T? Guard<T>(System.Func<T?> parse) where T : class
    {
        try
        {
            return parse();
        }
        catch (System.OperationCanceledException)
        {
            throw;
        }
        catch (System.Exception) when (!RethrowInternalErrors)
        {
            return null;
        }
    }

    private static void Emit(SourceProductionContext spc, string hintName, System.Func<string?> emit)
    {
        try
        {
            if (emit() is { } text)
                spc.AddSource(hintName, text);
        }
        catch (System.OperationCanceledException)
        {
            throw;
        }
        catch (System.Exception) when (!RethrowInternalErrors)
        {
            // Nothing for this declaration; the analyzer reports what is wrong with it, and the compiler reports
            // the partial members left without an implementation.
        }
    }
}
