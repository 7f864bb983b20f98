using System.Collections.Immutable;
using System.Linq;
using IoctlSharp.Generators;
using IoctlSharp.Generators.Abi;
using IoctlSharp.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace IoctlSharp.Analyzers;

/// <summary>
/// Reports every problem with an ABI struct, union or ioctl declaration, by running the generator's own parser:
/// whatever it reports as an error is exactly what the generator declines to emit.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AbiDeclarationAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.MustBePartial, Descriptors.UnsupportedFieldType, Descriptors.ExpectedSizeMismatch,
        Descriptors.NotRepresentable, Descriptors.CannotLayOut, Descriptors.InvalidAttributeValue,
        Descriptors.UnionMemberOffset, Descriptors.StructLayoutConflict, Descriptors.EmptyStruct,
        Descriptors.GenericType, Descriptors.UnsupportedTypeKind, Descriptors.HiddenInstanceData, Descriptors.BadIoctlMethod, Descriptors.IoctlOutsideGroup,
        Descriptors.SizeDoesNotFit, Descriptors.UnsupportedSignature, Descriptors.NoCompatConversion, Descriptors.UnknownTarget,
        Descriptors.LiteralDirectionContradicts, Descriptors.MissingTargetRequest, Descriptors.BadTargetRequest,
        Descriptors.LiteralHasNoSizeField, Descriptors.BadMacroArgument, Descriptors.BadFileDescriptorField,
        Descriptors.BitFieldTooWide, Descriptors.BitFieldNegativeWidth, Descriptors.BitFieldZeroWidthNamed, Descriptors.BitFieldType,
        Descriptors.BitFieldStorage, Descriptors.BitFieldName,
        Descriptors.ConstantTargetMissing, Descriptors.DuplicateConstantName, Descriptors.ConstantOutOfRange, Descriptors.ConflictingConstantTarget,
        Descriptors.NotAConstant,
        Descriptors.AnonymousMemberType, Descriptors.AnonymousMemberCollision, Descriptors.AbiStringField, Descriptors.InvalidCName,
        Descriptors.AbiStringAccessorCollision,
        // per-target typedefs and [AbiLength] arrays
        Descriptors.UnknownSizeofType, Descriptors.TypedefTargetWithoutType, Descriptors.TypedefNotInteger, Descriptors.TypedefValueMismatch,
        Descriptors.InvalidLengthExpression, Descriptors.LengthNotPositive, Descriptors.LengthContradictsArray, Descriptors.LengthOnNonArray);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSymbolAction(AnalyzeType, SymbolKind.NamedType);
        context.RegisterSymbolAction(AnalyzeMethod, SymbolKind.Method);
        context.RegisterCompilationAction(AnalyzeTargets);
    }

    /// <summary>A name in IoctlSharpTargets that is no target: an error, not a target silently left out.</summary>
    private static void AnalyzeTargets(CompilationAnalysisContext context)
    {
        var targets = DeclarationModels.TargetsOf(context.Options);
        foreach (var name in targets.Unknown)
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.UnknownTarget, Location.None, name,
                string.Join(", ", TargetAbi.All.Select(t => t.Name))));
    }

    private static void AnalyzeType(SymbolAnalysisContext context)
    {
        var parsed = DeclarationModels.For(context.Compilation, context.Options).Get((INamedTypeSymbol)context.Symbol, context.CancellationToken);
        foreach (var diagnostic in parsed.Diagnostics)
            context.Report(diagnostic);
    }

    private static void AnalyzeMethod(SymbolAnalysisContext context)
    {
        var method = (IMethodSymbol)context.Symbol;
        if (Parser.IoctlAttribute(method) is null || method.ContainingType is not { } owner)
            return;
        if (!owner.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == Parser.IoctlGroupAttribute))
            context.Report(Diagnostic.Create(Descriptors.IoctlOutsideGroup, method.Locations.FirstOrDefault(), method.Name, owner.Name));
    }
}
