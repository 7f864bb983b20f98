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
/// Advice on ABI structs that lay out without error but bite at run time: bool members, implicit padding, layouts
/// that differ between i386 and x86_64, pointer-sized members, and no declared size. It takes the model from the
/// generator's parser and every offset from the one layout engine; a declaration with an error gets no advice
/// (<see cref="AbiDeclarationAnalyzer"/> reports the error).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AbiLayoutAdviceAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.BoolField, Descriptors.ImplicitPadding, Descriptors.I386LayoutDiffers,
        Descriptors.PointerSizedField, Descriptors.NoExpectedSize);

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
        var attribute = type.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() is Parser.AbiStructAttribute or Parser.AbiUnionAttribute);
        if (attribute is null)
            return;
        // Advice is for declarations without errors; a rejected one has no aggregate.
        var models = DeclarationModels.For(context.Compilation, context.Options);
        if (models.Get(type, context.CancellationToken).Struct?.Aggregate is not { } aggregate)
            return;

        // Advice speaks of the project's targets (IoctlSharpTargets), in their order.
        var targets = models.Targets.Targets;
        AggregateLayout[] layouts;
        try
        {
            layouts = targets.Select(t => LayoutEngine.Layout(aggregate, t)).ToArray();
        }
        catch (LayoutException)
        {
            return;
        }

        var fields = type.GetMembers().OfType<IFieldSymbol>().Where(f => !f.IsStatic && !f.IsConst)
            .GroupBy(f => f.Name).ToDictionary(g => g.Key, g => g.First());
        Location? At(string field) => fields.TryGetValue(field, out var f) ? f.Locations.FirstOrDefault() : type.Locations.FirstOrDefault();

        foreach (var field in fields.Values)
        {
            bool isBool = field.Type.SpecialType == SpecialType.System_Boolean
                          || (field.IsFixedSizeBuffer && field.Type is IPointerTypeSymbol { PointedAtType.SpecialType: SpecialType.System_Boolean });
            if (isBool)
                context.Report(Diagnostic.Create(Descriptors.BoolField, field.Locations.FirstOrDefault(), field.Name, type.Name));
        }

        bool allowDifferences = attribute.NamedArguments.Any(n => n.Key == "AllowAbiDifferences" && n.Value.Value is true);
        if (!allowDifferences)
        {
            ReportPointerSized(context, aggregate, At);
            // i386 and arm32 differ only by 64-bit alignment, unless a per-target typedef or [AbiLength] says otherwise.
            if (!aggregate.TargetDependent)
                ReportI386Difference(context, aggregate, At, type);
        }

        if (!aggregate.IsUnion)
            ReportHoles(context, aggregate, targets, layouts, At, type);

        if (aggregate.ExpectedSize == 0 && aggregate.ExpectedSize32 == 0 && aggregate.ExpectedSize64 == 0)
        {
            var sizes = targets.Select((t, i) => (t.IsIlp32, layouts[i].Size)).ToList();
            context.Report(Diagnostic.Create(Descriptors.NoExpectedSize, type.Locations.FirstOrDefault(),
                FixProperties.ForSizes(sizes), type.Name, DescribeSizes(targets, layouts)));
        }
    }

    private static void ReportPointerSized(SymbolAnalysisContext context, AggregateModel aggregate, System.Func<string, Location?> at)
    {
        foreach (var field in aggregate.Fields)
        {
            var type = field.Type;
            string prefix = "";
            while (type.Kind == AbiTypeKind.Array && type.Element is not null)
            {
                prefix = "an array of ";
                type = type.Element;
            }

            string? what = type.Kind != AbiTypeKind.Scalar ? null : type.Scalar switch
            {
                ScalarKind.Pointer => "a user pointer (" + type.CName + ")",
                ScalarKind.CLong => "C long",
                ScalarKind.CULong => "C unsigned long",
                ScalarKind.NInt => "ssize_t (nint)",
                ScalarKind.NUInt => "size_t (nuint)",
                _ => null,
            };
            if (what is not null)
                context.Report(Diagnostic.Create(Descriptors.PointerSizedField, at(field.Name),
                    field.Name, aggregate.Name, prefix + what, TargetAbi.I386.PointerSize, TargetAbi.X86_64.PointerSize));
        }
    }

    /// <summary>
    /// i386 and arm32 are both ILP32 and differ in one rule only, the alignment of 64-bit members (4 on i386, 8 on
    /// arm32 and every 64-bit target). Where their layouts part, that rule moved something: the first such member
    /// (or the size) is what [AbiAlign] or explicit padding fixes. Pointer-sized members are ISH123's business.
    /// </summary>
    private static void ReportI386Difference(SymbolAnalysisContext context, AggregateModel aggregate,
        System.Func<string, Location?> at, INamedTypeSymbol type)
    {
        var i386 = LayoutEngine.Layout(aggregate, TargetAbi.I386);
        var arm32 = LayoutEngine.Layout(aggregate, TargetAbi.Arm32);
        var x86_64 = LayoutEngine.Layout(aggregate, TargetAbi.X86_64);
        for (int i = 0; i < i386.Fields.Length; i++)
        {
            if (i386.Fields[i].Offset == arm32.Fields[i].Offset)
                continue;
            var field = arm32.Fields[i];
            int previousEnd = i == 0 || aggregate.IsUnion ? 0 : arm32.Fields[i - 1].Offset + arm32.Fields[i - 1].Size;
            int padding = field.Offset - previousEnd;
            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            properties[FixProperties.AlignField] = field.Name;
            properties[FixProperties.AlignTo] = FixProperties.Text(field.Align);
            properties[FixProperties.InsertBefore] = field.Name;
            properties[FixProperties.PaddingOffset] = FixProperties.Text(previousEnd);
            properties[FixProperties.PaddingSize] = FixProperties.Text(padding);
            context.Report(Diagnostic.Create(Descriptors.I386LayoutDiffers, at(field.Name), properties.ToImmutable(),
                aggregate.Name, $"the offset of '{field.Name}'", i386.Fields[i].Offset, x86_64.Fields[i].Offset,
                $"declare it [AbiAlign({field.Align})] (like __aligned_u64) or insert {padding} bytes of explicit padding before it"));
            return;
        }

        if (i386.Size != arm32.Size)
        {
            int end = aggregate.IsUnion || i386.Fields.Length == 0 ? 0 : arm32.Fields[arm32.Fields.Length - 1].Offset + arm32.Fields[arm32.Fields.Length - 1].Size;
            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            properties[FixProperties.AlignField] = "";
            properties[FixProperties.AlignTo] = FixProperties.Text(arm32.Align);
            string fix = $"set Align = {arm32.Align} on the {(aggregate.IsUnion ? "union" : "struct")}";
            if (!aggregate.IsUnion)
            {
                properties[FixProperties.InsertBefore] = "";
                properties[FixProperties.PaddingOffset] = FixProperties.Text(end);
                properties[FixProperties.PaddingSize] = FixProperties.Text(arm32.Size - end);
                fix += $" or add {arm32.Size - end} bytes of explicit padding at its end";
            }

            context.Report(Diagnostic.Create(Descriptors.I386LayoutDiffers, type.Locations.FirstOrDefault(), properties.ToImmutable(),
                aggregate.Name, "the size", i386.Size, x86_64.Size, fix));
        }
    }

    /// <summary>One diagnostic per hole position (before a member, or at the end), listing the targets that have it.</summary>
    private static void ReportHoles(SymbolAnalysisContext context, AggregateModel aggregate, ImmutableArray<TargetAbi> targets, AggregateLayout[] layouts,
        System.Func<string, Location?> at, INamedTypeSymbol type)
    {
        int count = aggregate.Fields.Count;
        for (int position = 0; position <= count; position++)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var holes = new List<(TargetAbi Target, int Offset, int Size)>();
            for (int t = 0; t < layouts.Length; t++)
            {
                var fields = layouts[t].Fields;
                int end = position == 0 ? 0 : fields[position - 1].Offset + fields[position - 1].Size;
                int next = position == count ? layouts[t].Size : fields[position].Offset;
                if (next > end)
                    holes.Add((targets[t], end, next - end));
            }

            if (holes.Count == 0)
                continue;
            var largest = holes.OrderByDescending(h => h.Size).First();
            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            properties[FixProperties.InsertBefore] = position == count ? "" : aggregate.Fields[position].Name;
            properties[FixProperties.PaddingOffset] = FixProperties.Text(largest.Offset);
            properties[FixProperties.PaddingSize] = FixProperties.Text(largest.Size);
            string where = position == count ? "at its end" : $"before '{aggregate.Fields[position].Name}'";
            string detail = string.Join("; ", holes.GroupBy(h => (h.Offset, h.Size))
                .Select(g => $"{g.Key.Size} bytes at offset {g.Key.Offset} on {string.Join(", ", g.Select(h => h.Target.Name))}"));
            var location = position == count ? type.Locations.FirstOrDefault() : at(aggregate.Fields[position].Name);
            context.Report(Diagnostic.Create(Descriptors.ImplicitPadding, location, properties.ToImmutable(), aggregate.Name, where, detail));
        }
    }

    private static string DescribeSizes(ImmutableArray<TargetAbi> targets, AggregateLayout[] layouts)
    {
        var sizes = targets.Select((t, i) => (Target: t, layouts[i].Size)).ToList();
        if (sizes.Select(s => s.Size).Distinct().Count() == 1)
            return $"{sizes[0].Size} bytes on every target";
        return string.Join(", ", sizes.GroupBy(s => s.Size).Select(g => $"{g.Key} bytes on {string.Join(", ", g.Select(s => s.Target.Name))}"));
    }
}
