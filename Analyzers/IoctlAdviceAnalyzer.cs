using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using IoctlSharp.Generators;
using IoctlSharp.Generators.Abi;
using IoctlSharp.Generators.Diagnostics;
using IoctlSharp.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace IoctlSharp.Analyzers;

/// <summary>
/// Advice on ioctl groups that encode without error: two ioctls that are the same request, and an argument whose
/// modifier cannot work with the direction bits. The direction is the header's spelling, not a promise about data
/// flow, so only what can never work is reported: a by-value integer where the driver writes through the
/// argument's address, and an <c>out</c> argument the driver only reads. <c>in</c> on <c>_IOR</c>
/// (KVM_SET_IRQCHIP), structs through <c>_IO</c> (VFIO) and <c>_IOC(_IOC_NONE, ..., size)</c> (privcmd) are fine.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class IoctlAdviceAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.DuplicateRequest, Descriptors.ArgumentContradictsEncoding);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        // Nothing to compute for a project that turned advice off.
        context.RegisterCompilationStartAction(start =>
        {
            if (!AdviceSwitch.IsOff(start.Options))
                start.RegisterSymbolAction(Analyze, SymbolKind.NamedType);
        });
    }

    private static void Analyze(SymbolAnalysisContext context)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (!type.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == Parser.IoctlGroupAttribute))
            return;
        if (DeclarationModels.For(context.Compilation, context.Options).Get(type, context.CancellationToken).Group is not { } group)
            return;

        var methods = type.GetMembers().OfType<IMethodSymbol>().Where(m => Parser.IoctlAttribute(m) is not null)
            .GroupBy(m => m.Name).ToDictionary(g => g.Key, g => g.First());
        Location? At(IoctlModel ioctl) => methods.TryGetValue(ioctl.MethodName, out var m) ? m.Locations.FirstOrDefault() : type.Locations.FirstOrDefault();

        var seen = new Dictionary<(int Direction, int Number, string Sizes), IoctlModel>();
        foreach (var ioctl in group.Ioctls)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (Sizes(ioctl) is not { } sizes)
                continue;
            // A literal number is its own key: the same number on every target is the same request.
            var key = ioctl.Form == RequestForm.Literal ? (-1, 0, string.Join(",", ioctl.Numbers.Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))))
                : (ioctl.Direction, ioctl.Number, sizes + (ioctl.MacroArgument == MacroArgument.None ? "" : " with a macro argument"));
            // Declaring one request twice on purpose (a throwing and a Try- wrapper, a pointer overload) names it
            // the same both times; a copy-paste error leaves two different names on one number.
            if (!seen.TryGetValue(key, out var first))
                seen.Add(key, ioctl);
            else if (first.RequestName != ioctl.RequestName)
                context.Report(Diagnostic.Create(Descriptors.DuplicateRequest, At(ioctl),
                    first.MethodName, ioctl.MethodName, type.Name, DirectionName(ioctl.Direction), ioctl.Number));

            if (ioctl.Form == RequestForm.Encoded && Contradiction(ioctl, sizes) is { } why)
                context.Report(Diagnostic.Create(Descriptors.ArgumentContradictsEncoding, At(ioctl), ioctl.MethodName, why));
        }
    }

    /// <summary>The size field on every target, as a key: equal keys with equal direction and nr are one request everywhere.</summary>
    private static string? Sizes(IoctlModel ioctl)
        => ioctl.SizeSource == SizeSource.AtCall ? "at call" : string.Join(",", ioctl.Sizes.Select(FixProperties.Text));

    private static string? Contradiction(IoctlModel ioctl, string sizes)
    {
        string parameter = ioctl.ArgumentName ?? "argument";
        bool carriesSize = ioctl.SizeSource is SizeSource.Type or SizeSource.AtCall
                           || (ioctl.SizeSource == SizeSource.Literal && sizes != "0");
        bool driverWrites = (ioctl.Direction & 2) != 0;
        bool pointerLike = ioctl.ArgumentScalar is ScalarKind.Pointer or ScalarKind.NInt or ScalarKind.NUInt;
        if (ioctl.ArgumentKind == ArgumentKind.Value && driverWrites && carriesSize && !pointerLike)
            return $"{ioctl.Macro} says the driver writes through the argument's address, but '{parameter}' is passed by value "
                   + "(the kernel would take its value for an address); pass it by ref or out";
        if (ioctl.ArgumentKind == ArgumentKind.Ref && ioctl.ArgumentRefKind == "out" && ioctl.Direction == 1)
            return $"{ioctl.Macro} says the driver only reads the argument, but '{parameter}' is out, so it reaches the driver "
                   + "uninitialized; pass it in or ref";
        return null;
    }

    private static string DirectionName(int direction) => direction switch
    {
        0 => "None",
        1 => "Write",
        2 => "Read",
        _ => "ReadWrite",
    };
}
