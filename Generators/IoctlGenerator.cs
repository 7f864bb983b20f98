using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using IoctlSharp.Generators.Abi;
using IoctlSharp.Generators.Model;
using IoctlSharp.Generators.Rendering;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace IoctlSharp.Generators;

/// <summary>
/// Completes [AbiStruct]/[AbiUnion] types with their C layouts and [IoctlGroup] classes with their request
/// numbers and wrappers. Reports nothing (the analyzer does). For a declaration with an error it emits only code
/// that keeps the project compiling — an empty part, a throwing body — so that a command-line build, which runs
/// analyzers only on a compilation without errors, shows the analyzer's ISH error rather than CS8795 or CS0636.
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
        public const string Orphans = nameof(Orphans);
        public const string HintCollisions = nameof(HintCollisions);
        public const string Constants = nameof(Constants);
    }

    /// <summary>The ioctl attributes a method outside an [IoctlGroup] may carry by mistake (ISH202).</summary>
    private static readonly string[] IoctlAttributes =
    {
        "IoctlSharp.IoctlAttribute", "IoctlSharp.IoctlNoneAttribute", "IoctlSharp.IoctlReadAttribute",
        "IoctlSharp.IoctlWriteAttribute", "IoctlSharp.IoctlReadWriteAttribute",
    };

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
                static (ctx, ct) => ParseStruct(ctx, Parser.AbiStructAttribute, ct))
            .Where(static m => m is not null)
            .WithTrackingName(Steps.Structs);
        var unions = context.SyntaxProvider.ForAttributeWithMetadataName(
                Parser.AbiUnionAttribute,
                static (node, _) => node is StructDeclarationSyntax or RecordDeclarationSyntax,
                static (ctx, ct) => ParseStruct(ctx, Parser.AbiUnionAttribute, ct))
            .Where(static m => m is not null)
            .WithTrackingName(Steps.Unions);
        var groups = context.SyntaxProvider.ForAttributeWithMetadataName(
                Parser.IoctlGroupAttribute,
                static (node, _) => node is ClassDeclarationSyntax,
                static (ctx, ct) => ParseGroup(ctx, ct))
            .Where(static m => m is not null)
            .WithTrackingName(Steps.Groups);

        var constants = context.SyntaxProvider.ForAttributeWithMetadataName(
                Parser.AbiConstantsAttribute,
                static (node, _) => node is ClassDeclarationSyntax,
                static (ctx, ct) => ParseConstants(ctx, ct))
            .Where(static m => m is not null)
            .WithTrackingName(Steps.Constants);

        // Ioctl methods outside any group: rare, so collected into one value and split by type.
        var orphanMethods = IoctlAttributes
            .Select(name => context.SyntaxProvider.ForAttributeWithMetadataName(
                    name,
                    static (node, _) => node is MethodDeclarationSyntax,
                    static (ctx, ct) => ParseOrphan(ctx, ct))
                .Where(static m => m is not null)
                .Collect())
            .ToList();
        var orphans = orphanMethods.Skip(1)
            .Aggregate(orphanMethods[0], (all, next) => all.Combine(next).Select(static (pair, _) => pair.Left.AddRange(pair.Right)))
            .Select(static (methods, _) => GroupOrphans(methods!))
            .WithTrackingName(Steps.Orphans);

        // One owner of file names: the keys of every type that gets a file, reduced to the few that collide by case.
        var collisions = structs.Select(static (m, _) => m!.Declaration.Key).Collect()
            .Combine(unions.Select(static (m, _) => m!.Declaration.Key).Collect())
            .Combine(groups.Select(static (m, _) => m!.Declaration.Key).Collect())
            .Combine(orphans.Select(static (o, _) => o.Select(x => x.Declaration.Key).ToImmutableArray()))
            .Combine(constants.Select(static (m, _) => m!.Declaration.Key).Collect())
            .Select(static (all, _) => HintNames.Collisions(all.Left.Left.Left.Left.Concat(all.Left.Left.Left.Right).Concat(all.Left.Left.Right).Concat(all.Left.Right).Concat(all.Right)))
            .WithTrackingName(Steps.HintCollisions);

        // The project's targets (IoctlSharpTargets): what constants, twins and request numbers are printed for.
        var targets = context.AnalyzerConfigOptionsProvider
            .Select(static (o, _) => TargetSet.Parse(o.GlobalOptions.TryGetValue(TargetSet.Property, out var value) ? value : null));

        var structsNamed = structs.Combine(collisions).Combine(targets);
        var unionsNamed = unions.Combine(collisions).Combine(targets);
        context.RegisterSourceOutput(structsNamed, static (spc, m) => Emit(spc, HintNames.For(m.Left.Left!.Declaration, m.Left.Right), () => Emitter.EmitStruct(m.Left.Left!, m.Right)));
        context.RegisterSourceOutput(unionsNamed, static (spc, m) => Emit(spc, HintNames.For(m.Left.Left!.Declaration, m.Left.Right), () => Emitter.EmitStruct(m.Left.Left!, m.Right)));
        // The 32-bit twins and their conversions, in a file of their own (none when no 32-bit layout differs).
        context.RegisterSourceOutput(structsNamed, static (spc, m) => Emit(spc, HintNames.For(m.Left.Left!.Declaration, m.Left.Right, HintNames.Compat), () => CompatEmitter.Emit(m.Left.Left!, m.Right)));
        context.RegisterSourceOutput(unionsNamed, static (spc, m) => Emit(spc, HintNames.For(m.Left.Left!.Declaration, m.Left.Right, HintNames.Compat), () => CompatEmitter.Emit(m.Left.Left!, m.Right)));
        context.RegisterSourceOutput(groups.Combine(collisions).Combine(targets), static (spc, m) => Emit(spc, HintNames.For(m.Left.Left!.Declaration, m.Left.Right), () => Emitter.EmitGroup(m.Left.Left!, m.Right)));
        context.RegisterSourceOutput(constants.Combine(collisions), static (spc, m) => Emit(spc, HintNames.For(m.Left!.Declaration, m.Right), () => ConstantsEmitter.Emit(m.Left!)));
        context.RegisterSourceOutput(orphans.Combine(collisions), static (spc, m) =>
        {
            foreach (var type in m.Left)
                Emit(spc, HintNames.For(type.Declaration, m.Right, HintNames.Orphans), () => Emitter.EmitOrphans(type));
        });
    }

    private static StructModel? ParseStruct(GeneratorAttributeSyntaxContext ctx, string attributeName, CancellationToken ct)
    {
        // A partial type is seen once per part that carries the attribute; take the part holding the attribute the
        // compiler binds (which need not be the first part). A type with both [AbiStruct] and [AbiUnion] is the
        // struct pipeline's (the analyzer reports the conflict), so no file is added twice.
        if (ctx.TargetSymbol is not INamedTypeSymbol type)
            return null;
        var owner = type.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() is Parser.AbiStructAttribute or Parser.AbiUnionAttribute);
        if (owner?.AttributeClass?.ToDisplayString() != attributeName || owner.ApplicationSyntaxReference is not { } at
            || !ReferenceEquals(at.SyntaxTree, ctx.TargetNode.SyntaxTree) || !ctx.TargetNode.Span.Contains(at.Span))
            return null;
        return Guard(() => new Parser(ct).ParseStruct(type));
    }

    private static GroupModel? ParseGroup(GeneratorAttributeSyntaxContext ctx, CancellationToken ct)
        => BoundPart(ctx, Parser.IoctlGroupAttribute) is { } type ? Guard(() => new Parser(ct).ParseGroup(type)) : null;

    private static ConstantsModel? ParseConstants(GeneratorAttributeSyntaxContext ctx, CancellationToken ct)
        => BoundPart(ctx, Parser.AbiConstantsAttribute) is { } type ? Guard(() => new Parser(ct).ParseConstants(type)) : null;

    /// <summary>
    /// A class attributed on several partial parts (CS0579) is seen once per part; the type, for the part that holds
    /// the attribute the compiler binds (so one hint name is added once), else null.
    /// </summary>
    private static INamedTypeSymbol? BoundPart(GeneratorAttributeSyntaxContext ctx, string attributeName)
    {
        if (ctx.TargetSymbol is not INamedTypeSymbol type)
            return null;
        var owner = type.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == attributeName)?.ApplicationSyntaxReference;
        return owner is null || !ReferenceEquals(owner.SyntaxTree, ctx.TargetNode.SyntaxTree) || !ctx.TargetNode.Span.Contains(owner.Span) ? null : type;
    }

    private static OrphanIoctl? ParseOrphan(GeneratorAttributeSyntaxContext ctx, CancellationToken ct)
    {
        // A method with two ioctl attributes is seen twice: take it for the first one it carries.
        if (ctx.TargetSymbol is not IMethodSymbol method || Parser.IoctlAttribute(method) is not { ApplicationSyntaxReference: { } at }
            || ctx.Attributes.Length == 0 || ctx.Attributes[0].ApplicationSyntaxReference?.Span != at.Span)
            return null;
        return Guard(() => new Parser(ct).ParseOrphan(method));
    }

    private static EquatableArray<OrphanIoctls> GroupOrphans(ImmutableArray<OrphanIoctl> methods)
        => methods.GroupBy(m => m.Declaration)
            .OrderBy(g => g.Key.Key, System.StringComparer.Ordinal)
            .Select(g => new OrphanIoctls(g.Key, g.Select(m => m.Method).OrderBy(m => m.Signature, System.StringComparer.Ordinal).ToEquatableArray(), g.Any(m => m.Unsafe)))
            .ToEquatableArray();

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
