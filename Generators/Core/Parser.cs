using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using IoctlSharp.Generators.Abi;
using IoctlSharp.Generators.Diagnostics;
using IoctlSharp.Generators.Model;
using IoctlSharp.Generators.Rendering;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace IoctlSharp.Generators;

/// <summary>
/// Symbols to models. The generator keeps a model only when parsing it reported no error; the analyzer runs the
/// same code and reports what it found, so "what the generator accepts" and "what the analyzer allows" cannot drift.
/// </summary>
internal sealed partial class Parser
{
    public const string AbiStructAttribute = "IoctlSharp.AbiStructAttribute";
    public const string AbiUnionAttribute = "IoctlSharp.AbiUnionAttribute";
    public const string IoctlGroupAttribute = "IoctlSharp.IoctlGroupAttribute";
    private const string IoctlAttributeBase = "IoctlSharp.IoctlAttributeBase";
    private const string IoctlRequestOnAttribute = "IoctlSharp.IoctlRequestOnAttribute";

    private static readonly SymbolDisplayFormat FullName = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary>Members a struct may have with every nested struct expanded; past this, comparing and laying out models gets slow.</summary>
    public const int MaxExpandedMembers = 100_000;

    private readonly List<Diagnostic> _diagnostics = new();
    private readonly CancellationToken _ct;
    private readonly NestedCache _nested;
    private readonly TargetSet? _checked;
    private int _inlineArrayDepth;

    /// <summary>
    /// A parser. <paramref name="checkedTargets"/>: the project's targets (IoctlSharpTargets), on which
    /// <c>ExpectedSize</c> must hold and twins must convert (ISH103, ISH111); null for the generator, which reports
    /// nothing and completes a type whatever those checks say (the analyzer reports them, and the build shows it).
    /// </summary>
    public Parser(CancellationToken ct, TargetSet? checkedTargets = null) : this(ct, new NestedCache(), checkedTargets) { }

    private Parser(CancellationToken ct, NestedCache nested, TargetSet? checkedTargets)
    {
        _ct = ct;
        _nested = nested;
        _checked = checkedTargets;
    }

    /// <summary>
    /// Nested aggregates already built during one parse, by type and depth, so a struct that holds the same type
    /// many times (or a tree of such structs) is built once per depth, not once per path: without it the work
    /// grows exponentially with the nesting. A type's result does not depend on which types enclose it: a type
    /// that reaches an enclosing type is on a cycle, and fails wherever it is built.
    /// </summary>
    private sealed class NestedCache
    {
        public readonly Dictionary<INamedTypeSymbol, Dictionary<int, (AggregateModel? Model, string? Why)>> Built = new(SymbolEqualityComparer.Default);

        /// <summary>Members of each built aggregate with its nested aggregates expanded (by reference).</summary>
        public readonly Dictionary<AggregateModel, long> Expanded = new(ReferenceComparer.Instance);
    }

    private sealed class ReferenceComparer : IEqualityComparer<AggregateModel>
    {
        public static readonly ReferenceComparer Instance = new();
        public bool Equals(AggregateModel? x, AggregateModel? y) => ReferenceEquals(x, y);
        public int GetHashCode(AggregateModel obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }

    private long Expanded(AbiType type) => type.Kind switch
    {
        AbiTypeKind.Aggregate => _nested.Expanded.TryGetValue(type.Aggregate!, out long n) ? n : 1,
        AbiTypeKind.Array => Expanded(type.Element!),
        _ => 1,
    };

    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

    public bool HasErrors => _diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    private void Report(DiagnosticDescriptor descriptor, ISymbol? symbol, params object?[] args)
        => _diagnostics.Add(Diagnostic.Create(descriptor, symbol?.Locations.FirstOrDefault(), args));

    private void Report(DiagnosticDescriptor descriptor, ISymbol? symbol, ImmutableDictionary<string, string?> properties, params object?[] args)
        => _diagnostics.Add(Diagnostic.Create(descriptor, symbol?.Locations.FirstOrDefault(), properties, args));

    // ---------------------------------------------------------------- structs and unions

    /// <summary>
    /// Parses an [AbiStruct]/[AbiUnion] type. With an error (reported to <see cref="Diagnostics"/>) the model has no
    /// aggregate, only the <see cref="StructModel.Rejection"/>; null when no partial part can be generated at all
    /// (the type or a containing type is not partial, or is file-local).
    /// </summary>
    public StructModel? ParseStruct(INamedTypeSymbol type)
    {
        bool isUnion = type.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == AbiUnionAttribute);
        bool ownLayout = HasOwnStructLayout(type);
        if (!CanComplete(type))
        {
            CheckDeclaration(type); // reports why
            return null;
        }

        var declaration = Declaration(type);
        if (!CheckDeclaration(type))
            return Rejected(declaration, isUnion, ownLayout);
        if (ownLayout)
            Report(Descriptors.StructLayoutConflict, type, type.Name);

        var aggregate = BuildAggregate(type, new Stack<INamedTypeSymbol>(), reportOn: null);
        if (aggregate is null || HasErrors)
            return Rejected(declaration, isUnion, ownLayout);

        CheckLayouts(type, aggregate);
        if (!HasErrors)
            CheckCompat(type, aggregate);
        return HasErrors ? Rejected(declaration, isUnion, ownLayout) : new StructModel(declaration, aggregate, IsUnion: isUnion);
    }

    private StructModel Rejected(TypeDeclaration declaration, bool isUnion, bool ownLayout)
        => new(declaration, null, FirstError(0), isUnion, ownLayout);

    /// <summary>The first error reported since <paramref name="from"/>, as the model keeps it.</summary>
    private Rejection FirstError(int from)
    {
        var first = _diagnostics.Skip(from).FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error);
        return first is null
            ? new Rejection("ISH105", "the declaration cannot be completed")
            : new Rejection(first.Id, first.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// A nested ABI type is usable only if it is valid itself (the generator emits nothing for it otherwise, and the
    /// enclosing type's generated code would refer to members that do not exist).
    /// </summary>
    private AggregateModel? BuildNested(INamedTypeSymbol type, Stack<INamedTypeSymbol> visiting, ISymbol reportOn)
    {
        bool inSource = type.DeclaringSyntaxReferences.Length > 0;
        if (inSource && !CheckDeclaration(type))
            return null;
        if (inSource)
            CheckNoOwnStructLayout(type);
        if (!inSource && !type.AllInterfaces.Any(i => i.ToDisplayString().StartsWith("IoctlSharp.IAbiStruct<", StringComparison.Ordinal)))
        {
            Report(Descriptors.CannotLayOut, reportOn, type.Name, "it comes from an assembly that was not built with IoctlSharp's generator");
            return null;
        }

        var aggregate = BuildAggregate(type, visiting, reportOn);
        // The nested type's own ExpectedSize is its own diagnostic (ISH103 on it): the container lays out all the same.
        if (aggregate is not null && inSource && !HasErrors)
            CheckLayouts(type, aggregate, checkExpectedSize: false);
        return HasErrors ? null : aggregate;
    }

    private void CheckNoOwnStructLayout(INamedTypeSymbol type)
    {
        if (HasOwnStructLayout(type))
            Report(Descriptors.StructLayoutConflict, type, type.Name);
    }

    private static bool HasOwnStructLayout(INamedTypeSymbol type)
        => type.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "System.Runtime.InteropServices.StructLayoutAttribute"
                                         && !IsGenerated(a.ApplicationSyntaxReference?.SyntaxTree));

    private void CheckLayouts(INamedTypeSymbol type, AggregateModel aggregate, bool checkExpectedSize = true)
    {
        var layouts = new Dictionary<TargetAbi, AggregateLayout>();
        try
        {
            foreach (var target in TargetAbi.All)
            {
                _ct.ThrowIfCancellationRequested();
                layouts[target] = LayoutEngine.Layout(aggregate, target);
            }
        }
        catch (LayoutException e)
        {
            Report(Descriptors.CannotLayOut, type, type.Name, e.Message);
            return;
        }

        var checkedTargets = checkExpectedSize && _checked is { } set ? set.Targets : ImmutableArray<TargetAbi>.Empty;
        foreach (var target in checkedTargets)
        {
            int expected = aggregate.ExpectedSize > 0 ? aggregate.ExpectedSize
                : target.IsIlp32 ? aggregate.ExpectedSize32 : aggregate.ExpectedSize64;
            if (expected > 0 && layouts[target].Size != expected)
            {
                // The computed sizes ride along so the code fix can correct ExpectedSize without laying anything out.
                var sizes = FixProperties.ForSizes(checkedTargets.Select(t => (t.IsIlp32, layouts[t].Size)));
                Report(Descriptors.ExpectedSizeMismatch, type, sizes, type.Name, expected, layouts[target].Size, target.Name);
                return;
            }
        }

        // .NET lays the storage members out once, natively; a twin places each at its target's offset and keeps its bytes.
        foreach (var target in TargetAbi.Native64)
        {
            if (StorageProblem(aggregate, layouts[target]) is { } problem)
            {
                Report(Descriptors.BitFieldStorage, type, problem.Member, type.Name, target.Name, problem.Why);
                return;
            }
        }

        var clr = LayoutEngine.LayoutForClr(aggregate);
        foreach (var target in TargetAbi.Native64)
        {
            // A per-target typedef or [AbiLength] array: .NET's layout is that of the 64-bit targets where the
            // typedefs are their Values (AbiLayout.EnsureNative refuses the others at run time).
            if (aggregate.NetViewDiffers(target))
                continue;
            if (FirstDifference(layouts[target], clr, aggregate.Name) is { } difference)
            {
                Report(Descriptors.NotRepresentable, type, type.Name, target.Name, difference.C, difference.Clr);
                return;
            }
        }
    }

    /// <summary>
    /// A storage member's bytes must hold its bit-fields, start where C's bytes for them start, and end before the
    /// next member (and the struct's end): else .NET's layout is not C's, or two members share bytes.
    /// </summary>
    private static (string Member, string Why)? StorageProblem(AggregateModel model, AggregateLayout layout)
    {
        for (int i = 0; i < layout.Fields.Length; i++)
        {
            var f = layout.Fields[i];
            if (f.BitFields.IsEmpty)
                continue;
            long start = f.Offset * 8L, end = (f.Offset + (long)f.Size) * 8;
            foreach (var b in f.BitFields)
            {
                if (b.Width > 0 && (b.BitOffset < start || b.BitOffset + b.Width > end))
                    return (f.Name, $"bit-field '{b.Model.Name ?? "(unnamed)"}' takes bits {b.BitOffset}..{b.BitOffset + b.Width - 1} of the struct, outside the member's bytes {f.Offset}..{f.Offset + f.Size - 1}; declare the member with a type that covers them (the bit-fields' bytes)");
            }

            if (f.Offset % f.Align != 0)
                return (f.Name, $"the bit-fields start at byte {f.Offset}, which is not a multiple of the member's alignment {f.Align}; declare it with a smaller type (byte, ushort) and the bytes before it as members");
            long next = i + 1 < layout.Fields.Length ? layout.Fields[i + 1].Offset : layout.Size;
            if (f.Offset + f.Size > next)
                return (f.Name, $"its {f.Size} bytes at offset {f.Offset} reach past {(i + 1 < layout.Fields.Length ? "the next member, at offset " + next : "the struct's end, " + next)}; declare it with a smaller type");
        }

        return null;
    }

    /// <summary>Where .NET's layout departs from C's: sizes and offsets, at every depth.</summary>
    private static (string C, string Clr)? FirstDifference(AggregateLayout c, AggregateLayout clr, string path)
    {
        for (int i = 0; i < c.Fields.Length; i++)
        {
            var a = c.Fields[i];
            var b = clr.Fields[i];
            string name = path + "." + a.Name;
            if (a.Offset != b.Offset)
                return ($"{name} at offset {a.Offset}", $"at offset {b.Offset}");
            if (a.Nested is not null && b.Nested is not null && FirstDifference(a.Nested, b.Nested, name) is { } inner)
                return inner;
        }

        return c.Size != clr.Size ? ($"{path} in {c.Size} bytes", $"in {clr.Size} bytes") : null;
    }

    private AggregateModel? BuildAggregate(INamedTypeSymbol type, Stack<INamedTypeSymbol> visiting, ISymbol? reportOn)
    {
        _ct.ThrowIfCancellationRequested();
        var attribute = type.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() is AbiStructAttribute or AbiUnionAttribute);
        if (attribute is null)
            return null;
        bool isUnion = attribute.AttributeClass!.ToDisplayString() == AbiUnionAttribute;

        if (visiting.Contains(type, SymbolEqualityComparer.Default) || visiting.Count >= LayoutEngine.MaxDepth)
        {
            Report(Descriptors.CannotLayOut, reportOn ?? type, type.Name,
                visiting.Count >= LayoutEngine.MaxDepth ? $"it nests more than {LayoutEngine.MaxDepth} structs deep" : "it contains itself");
            return null;
        }

        int pack = NamedInt(attribute, "Pack");
        int align = NamedInt(attribute, "Align");
        bool ok = true;
        if (pack is not (0 or 1 or 2 or 4 or 8 or 16))
        {
            Report(Descriptors.InvalidAttributeValue, reportOn ?? type, "Pack", type.Name, pack, "it must be 0, 1, 2, 4, 8 or 16");
            ok = false;
        }

        if (!IsAlignment(align, allowZero: true))
        {
            Report(Descriptors.InvalidAttributeValue, reportOn ?? type, "Align", type.Name, align, "it must be 0 or a power of two up to 4096");
            ok = false;
        }

        foreach (var name in new[] { "ExpectedSize", "ExpectedSize32", "ExpectedSize64" })
        {
            int value = NamedInt(attribute, name);
            if (value < 0)
            {
                Report(Descriptors.InvalidAttributeValue, reportOn ?? type, name, type.Name, value, "a size cannot be negative");
                ok = false;
            }
        }

        visiting.Push(type);
        try
        {
            var fields = new List<FieldModel>();
            if (HiddenInstanceData(type) is { } hidden)
            {
                Report(Descriptors.HiddenInstanceData, reportOn ?? type, type.Name, hidden);
                ok = false;
            }

            foreach (var member in type.GetMembers())
            {
                _ct.ThrowIfCancellationRequested();
                if (member is not IFieldSymbol { IsStatic: false, IsConst: false } field || field.IsImplicitlyDeclared)
                    continue;
                var model = BuildField(field, type, isUnion, visiting, reportOn);
                if (model is null)
                    ok = false;
                else
                    fields.Add(model);
            }

            FieldModel? flexible = null;
            string? flexCount = null;
            var flexAttribute = type.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == "IoctlSharp.FlexibleArrayAttribute");
            if (flexAttribute is not null)
            {
                string flexName = flexAttribute.NamedArguments.FirstOrDefault(n => n.Key == "Name").Value.Value as string ?? "Entries";
                if (flexAttribute.ConstructorArguments.Length != 1 || flexAttribute.ConstructorArguments[0].Value is not ITypeSymbol elementType)
                {
                    Report(Descriptors.InvalidAttributeValue, reportOn ?? type, "FlexibleArray", type.Name, "missing", "name the element type");
                    ok = false;
                }
                else if (isUnion)
                {
                    Report(Descriptors.InvalidAttributeValue, reportOn ?? type, "FlexibleArray", type.Name, elementType.Name, "a union cannot end in a flexible array");
                    ok = false;
                }
                else if (!SyntaxFacts.IsValidIdentifier(flexName))
                {
                    Report(Descriptors.InvalidAttributeValue, reportOn ?? type, "FlexibleArray.Name", type.Name, flexName, "it must be an identifier");
                    ok = false;
                }
                else
                {
                    var elementModel = MapType(elementType, visiting, reportOn ?? type, out string? why);
                    if (elementModel is null)
                    {
                        Report(Descriptors.UnsupportedFieldType, reportOn ?? type, flexName, elementType.ToDisplayString(), why);
                        ok = false;
                    }
                    else
                    {
                        flexible = new FieldModel(flexName, elementModel, 0, false, false, CName: DefaultCName(flexName));
                    }
                }

                flexCount = flexAttribute.NamedArguments.FirstOrDefault(n => n.Key == "CountField").Value.Value as string;
                if (flexCount is not null && !fields.Any(f => f.Name == flexCount && f.Type.Kind == AbiTypeKind.Scalar && !f.Type.IsTypedef
                        && f.Type.Scalar is ScalarKind.U8 or ScalarKind.S8 or ScalarKind.U16 or ScalarKind.S16
                            or ScalarKind.U32 or ScalarKind.S32 or ScalarKind.U64 or ScalarKind.S64))
                {
                    Report(Descriptors.InvalidAttributeValue, reportOn ?? type, "FlexibleArray.CountField", type.Name, flexCount, "it must name an integer field of the struct");
                    ok = false;
                }
            }

            if (ok && !CheckNames(type, fields, flexible, reportOn ?? type))
                ok = false;

            if (fields.Count == 0 && ok)
            {
                Report(Descriptors.EmptyStruct, reportOn ?? type, type.Name);
                ok = false;
            }

            if (!ok)
                return null;

            long expanded = fields.Sum(f => Expanded(f.Type)) + (flexible is null ? 0 : Expanded(flexible.Type));
            if (expanded > MaxExpandedMembers)
            {
                Report(Descriptors.CannotLayOut, reportOn ?? type, type.Name, $"with its nested structs expanded it has more than {MaxExpandedMembers} members");
                return null;
            }

            string cName = attribute.NamedArguments.FirstOrDefault(n => n.Key == "CName").Value.Value as string ?? DefaultCName(type.Name);
            var built = new AggregateModel(
                type.ToDisplayString(FullName), type.Name, cName, isUnion, pack, align,
                NamedInt(attribute, "ExpectedSize"), NamedInt(attribute, "ExpectedSize32"), NamedInt(attribute, "ExpectedSize64"),
                fields.ToEquatableArray(), flexible, flexCount,
                Packed: attribute.NamedArguments.FirstOrDefault(n => n.Key == "Packed").Value.Value is true);
            _nested.Expanded[built] = expanded;
            return built;
        }
        finally
        {
            visiting.Pop();
        }
    }

    /// <summary>
    /// C member names are unique in a struct once anonymous members' members are promoted (C rejects a duplicate),
    /// and the C# names the generator adds (promoted properties, string accessors) take no name the type has.
    /// </summary>
    private bool CheckNames(INamedTypeSymbol type, List<FieldModel> fields, FieldModel? flexible, ISymbol at)
    {
        // The type's own members, not the ones this generator added (the analyzer sees the generated part too).
        var members = new HashSet<string>(type.GetMembers().Where(m => !m.IsImplicitlyDeclared && !m.GetAttributes().Any(a =>
                a.AttributeClass?.ToDisplayString() == "System.CodeDom.Compiler.GeneratedCodeAttribute"
                && a.ConstructorArguments.Length > 0 && a.ConstructorArguments[0].Value is "IoctlSharp"))
            .Select(m => m.Name), StringComparer.Ordinal);
        var cNames = new Dictionary<string, string>(StringComparer.Ordinal);
        bool ok = true;
        foreach (var f in fields.Concat(flexible is null ? Enumerable.Empty<FieldModel>() : new[] { flexible }))
        {
            if (f.Anonymous)
                continue;
            if (cNames.TryGetValue(f.CName, out var other))
            {
                Report(Descriptors.InvalidCName, at, f.Name, type.Name, $"its C name '{f.CName}' is also the C name of '{other}'; give one [AbiName]");
                ok = false;
            }
            else
            {
                cNames[f.CName] = f.Name;
            }
        }

        var promoted = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var f in fields.Where(f => f.Anonymous))
        {
            foreach (var (name, cName) in Promoted(f.Type.Aggregate!))
            {
                string? why = members.Contains(name) ? $"is a member of '{type.Name}' already"
                    : promoted.TryGetValue(name, out var from) ? $"another anonymous member ('{from}') brings in too"
                    : cNames.TryGetValue(cName, out var c) ? $"has the C name '{cName}' of '{c}'"
                    : null;
                if (why is not null)
                {
                    Report(Descriptors.AnonymousMemberCollision, at, type.Name, f.Name, name, why);
                    ok = false;
                }

                promoted[name] = f.Name;
                cNames[cName] = name;
            }
        }

        foreach (var f in fields.Where(f => f.StringEncoding >= 0))
        {
            foreach (var accessor in StringAccessors(f.Name))
            {
                if (members.Contains(accessor) || promoted.ContainsKey(accessor))
                {
                    Report(Descriptors.AbiStringAccessorCollision, at, f.Name, type.Name, accessor);
                    ok = false;
                }
            }
        }

        return ok;
    }

    /// <summary>The C# and C names an anonymous member's type brings into its parent, at every depth of anonymity.</summary>
    public static IEnumerable<(string Name, string CName)> Promoted(AggregateModel inner)
    {
        foreach (var f in inner.Fields)
        {
            if (f.Anonymous)
            {
                foreach (var p in Promoted(f.Type.Aggregate!))
                    yield return p;
            }
            else
            {
                yield return (f.Name, f.CName);
            }
        }
    }

    /// <summary>The accessors <c>[AbiString]</c> generates for member <paramref name="name"/>.</summary>
    public static string[] StringAccessors(string name) => new[] { "Get" + name, "TryGet" + name, "Set" + name, "TrySet" + name };

    /// <summary>
    /// Instance data the compiler adds without a name a C member could have: the backing field of an auto-property
    /// (and so of a positional record struct's members), of a field-like event, or a primary constructor's captured
    /// parameters. Laid out as C members, they would put bytes nobody declared into the struct.
    /// </summary>
    private string? HiddenInstanceData(INamedTypeSymbol type)
    {
        foreach (var member in type.GetMembers())
        {
            if (member is IFieldSymbol { IsStatic: false, IsImplicitlyDeclared: true } field)
                return field.AssociatedSymbol switch
                {
                    IPropertySymbol p => $"the auto-property '{p.Name}' (a positional record member is one) has a hidden backing field; declare '{p.Name}' as a field",
                    IEventSymbol e => $"the field-like event '{e.Name}' has a hidden field; an ABI struct holds only C members",
                    _ => "the compiler adds a hidden field; declare every member as a field",
                };
        }

        foreach (var member in type.GetMembers())
        {
            // A field-like event's field is not among the members the compiler shows.
            if (member is IEventSymbol { IsStatic: false } e
                && e.DeclaringSyntaxReferences.Any(r => r.GetSyntax(_ct) is VariableDeclaratorSyntax))
                return $"the field-like event '{e.Name}' has a hidden field; an ABI struct holds only C members";
        }

        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(_ct) is TypeDeclarationSyntax { ParameterList.Parameters.Count: > 0 } d && d is not RecordDeclarationSyntax)
                return "a primary constructor's parameters can be captured as hidden fields; declare the members as fields and a constructor in the body";
        }

        return null;
    }

    private FieldModel? BuildField(IFieldSymbol field, INamedTypeSymbol owner, bool isUnion, Stack<INamedTypeSymbol> visiting, ISymbol? reportOn)
    {
        var at = reportOn ?? field;
        int align = 0;
        bool packed = false, hasOffsetZero = false, hasOffset = false, fd = false;
        foreach (var a in field.GetAttributes())
        {
            switch (a.AttributeClass?.ToDisplayString())
            {
                case "IoctlSharp.AbiFileDescriptorAttribute":
                    fd = true;
                    break;
                case "IoctlSharp.AbiAlignAttribute":
                    align = a.ConstructorArguments.Length == 1 && a.ConstructorArguments[0].Value is int n ? n : -1;
                    break;
                case "IoctlSharp.AbiPackedAttribute":
                    packed = true;
                    break;
                case "System.Runtime.InteropServices.FieldOffsetAttribute":
                    hasOffset = true;
                    hasOffsetZero = a.ConstructorArguments.Length == 1 && a.ConstructorArguments[0].Value is 0;
                    break;
            }
        }

        if (!IsAlignment(align, allowZero: true))
        {
            Report(Descriptors.InvalidAttributeValue, at, "AbiAlign", field.Name, align, "it must be a power of two up to 4096");
            return null;
        }

        if (isUnion && !hasOffsetZero)
        {
            Report(Descriptors.UnionMemberOffset, at, field.Name, owner.Name);
            return null;
        }

        if (!isUnion && hasOffset)
        {
            Report(Descriptors.StructLayoutConflict, at, owner.Name);
            return null;
        }

        AbiType? type;
        string? why;
        int reported = _diagnostics.Count;
        if (field.IsFixedSizeBuffer && field.Type is IPointerTypeSymbol pointer)
        {
            var element = MapType(pointer.PointedAtType, visiting, at, out why);
            type = element is null || field.FixedSize <= 0 ? null
                : new AbiType(AbiTypeKind.Array, ScalarKind.None, element.CSharpName, element.CName, field.FixedSize, element);
        }
        else
        {
            type = MapType(field.Type, visiting, at, out why);
        }

        if (type is null)
        {
            if (_diagnostics.Count == reported) // a typedef's own error (ISH151-ISH153) says it already
                Report(Descriptors.UnsupportedFieldType, at, field.Name, field.Type.ToDisplayString(), why ?? "see the type's own diagnostics");
            return null;
        }

        if (field.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == AbiLengthAttribute) is { } lengthAttribute)
        {
            type = ApplyLength(field, type, lengthAttribute, at);
            if (type is null)
                return null;
        }

        if (!TryParseCompat(field, at, isUnion, out var compat))
            return null;

        // C names, anonymous members and strings.
        string? cName = null;
        bool anonymous = false;
        int stringEncoding = -1;
        foreach (var a in field.GetAttributes())
        {
            switch (a.AttributeClass?.ToDisplayString())
            {
                case "IoctlSharp.AbiNameAttribute":
                    cName = a.ConstructorArguments.Length == 1 ? a.ConstructorArguments[0].Value as string : null;
                    if (cName is null || !IsCIdentifier(cName))
                    {
                        Report(Descriptors.InvalidCName, at, field.Name, owner.Name, $"[AbiName(\"{cName}\")] is not a C identifier");
                        return null;
                    }

                    break;
                case "IoctlSharp.AbiAnonymousAttribute":
                    anonymous = true;
                    break;
                case "IoctlSharp.AbiStringAttribute":
                    stringEncoding = a.ConstructorArguments.Length == 1 && a.ConstructorArguments[0].Value is int e ? e : 0;
                    break;
            }
        }

        if (anonymous)
        {
            if (type.Kind != AbiTypeKind.Aggregate)
            {
                Report(Descriptors.AnonymousMemberType, at, field.Name, owner.Name, type.Kind == AbiTypeKind.Array ? "an array" : type.CName);
                return null;
            }

            if (cName is not null)
            {
                Report(Descriptors.InvalidCName, at, field.Name, owner.Name, "an anonymous member has no C name; remove [AbiName] or [AbiAnonymous]");
                return null;
            }
        }

        if (stringEncoding >= 0)
        {
            if (type.Kind != AbiTypeKind.Array || type.Element!.Kind != AbiTypeKind.Scalar || type.Element.Scalar is not (ScalarKind.U8 or ScalarKind.S8))
            {
                Report(Descriptors.AbiStringField, at, field.Name, owner.Name, type.Kind == AbiTypeKind.Array ? type.CName + " [" + type.Length + "]" : type.CName);
                return null;
            }

            if (stringEncoding is not (0 or 1))
            {
                Report(Descriptors.InvalidAttributeValue, at, "AbiString", field.Name, stringEncoding, "it must be AbiStringEncoding.Utf8 or AbiStringEncoding.Ascii");
                return null;
            }
        }

        string? fdSetter = null;
        if (fd)
        {
            if (field.IsFixedSizeBuffer || field.Type.SpecialType is not (SpecialType.System_Int32 or SpecialType.System_UInt32))
            {
                Report(Descriptors.BadFileDescriptorField, at, field.Name, owner.Name, field.Type.ToDisplayString());
                return null;
            }

            fdSetter = GeneratedNames.Take("Set" + field.Name, new HashSet<string>(owner.GetMembers().Select(m => m.Name), StringComparer.Ordinal));
        }

        if (!TryParseBitFields(field, owner, type, isUnion, visiting, at, out var bitFields))
            return null;
        return new FieldModel(field.Name, type, align, packed, field.IsFixedSizeBuffer, compat, field.IsVolatile,
            anonymous ? "" : cName ?? DefaultCName(field.Name), anonymous, stringEncoding, bitFields, fdSetter);
    }

    public const string AbiBitFieldAttribute = "IoctlSharp.AbiBitFieldAttribute";

    /// <summary>
    /// The member's <c>[AbiBitField]</c>s, in declaration order (which is C's): each width checked against its type,
    /// each name against C and the accessors it gets. The layout checks (the member holds them) come later.
    /// </summary>
    private bool TryParseBitFields(IFieldSymbol field, INamedTypeSymbol owner, AbiType storageType, bool isUnion,
        Stack<INamedTypeSymbol> visiting, ISymbol at, out EquatableArray<BitFieldModel> bitFields)
    {
        bitFields = default;
        var attributes = field.GetAttributes().Where(a => a.AttributeClass?.ToDisplayString() == AbiBitFieldAttribute)
            .OrderBy(a => a.ApplicationSyntaxReference?.Span.Start ?? 0).ToList();
        if (attributes.Count == 0)
            return true;
        bool ok = true;
        string first = attributes[0].ConstructorArguments.FirstOrDefault().Value as string ?? "(unnamed)";
        if (storageType.Kind != AbiTypeKind.Scalar || !IsBitFieldType(storageType.Scalar) || storageType.Scalar == ScalarKind.Bool)
        {
            Report(Descriptors.BitFieldType, at, first, owner.Name, field.Type.ToDisplayString(),
                $"its storage member '{field.Name}' must be a byte, sbyte, ushort, short, uint, int, ulong or long field that covers the bit-fields' bytes");
            return false;
        }

        if (isUnion)
        {
            Report(Descriptors.BitFieldStorage, at, field.Name, owner.Name, "every target", "a union member cannot store bit-fields here: declare the bit-fields in an [AbiStruct] that is the union's member, as the header's anonymous struct does");
            return false;
        }

        var members = new HashSet<string>(owner.GetMembers().Where(m => !IsGenerated(m.Locations.FirstOrDefault()?.SourceTree)).Select(m => m.Name), StringComparer.Ordinal) { owner.Name };
        var list = new List<BitFieldModel>();
        foreach (var a in attributes)
        {
            var args = a.ConstructorArguments;
            string? name = args.Length > 0 ? args[0].Value as string : null;
            string shown = name ?? "(unnamed)";
            AbiType? type = storageType;
            ITypeSymbol? declared = field.Type;
            int width;
            if (args.Length == 3)
            {
                declared = args[1].Value as ITypeSymbol;
                type = declared is null ? null : MapType(declared, visiting, at, out _);
                width = args[2].Value is int w3 ? w3 : 0;
            }
            else
            {
                width = args.Length == 2 && args[1].Value is int w2 ? w2 : 0;
            }

            if (type is null || type.Kind != AbiTypeKind.Scalar || !IsBitFieldType(type.Scalar))
            {
                Report(Descriptors.BitFieldType, at, shown, owner.Name, declared?.ToDisplayString() ?? "no type",
                    "a bit-field's type is an integer (byte to long, or an enum of one) or bool (_Bool)");
                ok = false;
                continue;
            }

            int bitsOfType = type.Scalar == ScalarKind.Bool ? 1 : LayoutEngine.Scalar(type.Scalar, TargetAbi.X86_64).Size * 8;
            if (width < 0)
            {
                Report(Descriptors.BitFieldNegativeWidth, at, shown, owner.Name, width);
                ok = false;
                continue;
            }

            if (width > bitsOfType)
            {
                Report(Descriptors.BitFieldTooWide, at, shown, owner.Name, width, type.CName, bitsOfType);
                ok = false;
                continue;
            }

            if (width == 0 && name is not null)
            {
                Report(Descriptors.BitFieldZeroWidthNamed, at, shown, owner.Name);
                ok = false;
                continue;
            }

            string? property = null;
            if (name is not null)
            {
                property = PascalCase(name);
                string? why = !SyntaxFacts.IsValidIdentifier(name) ? "a C name is an identifier"
                    : !SyntaxFacts.IsValidIdentifier(property) ? $"its accessor name '{property}' is not an identifier"
                    : members.Contains(property) || members.Contains("TrySet" + property)
                        ? $"its accessors '{property}' and 'TrySet{property}' would collide with a member of '{owner.Name}' (or another bit-field); rename the member"
                    : null;
                if (why is not null)
                {
                    Report(Descriptors.BitFieldName, at, shown, owner.Name, why);
                    ok = false;
                    continue;
                }

                members.Add(property);
                members.Add("TrySet" + property);
            }

            list.Add(new BitFieldModel(name, property, type.Scalar, type.CSharpName, width));
        }

        if (ok && list.All(b => b.Width == 0))
        {
            Report(Descriptors.BitFieldStorage, at, field.Name, owner.Name, "every target",
                "it stores only zero-width bit-fields, which have no bytes: put them on the storage member of the bit-fields that follow");
            ok = false;
        }

        bitFields = list.ToEquatableArray();
        return ok;
    }

    private static bool IsBitFieldType(ScalarKind kind) => kind is ScalarKind.U8 or ScalarKind.S8 or ScalarKind.U16 or ScalarKind.S16
        or ScalarKind.U32 or ScalarKind.S32 or ScalarKind.U64 or ScalarKind.S64 or ScalarKind.Bool;

    /// <summary><c>delivery_mode</c> to <c>DeliveryMode</c>: the accessor of a C bit-field.</summary>
    public static string PascalCase(string cName)
    {
        var sb = new System.Text.StringBuilder(cName.Length);
        bool upper = true;
        foreach (char c in cName)
        {
            if (c == '_')
            {
                upper = true;
                continue;
            }

            sb.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        return sb.Length == 0 ? cName : sb.ToString();
    }

    /// <summary>The C type of a C# type, or null with the reason.</summary>
    private AbiType? MapType(ITypeSymbol type, Stack<INamedTypeSymbol> visiting, ISymbol reportOn, out string? why)
    {
        why = null;
        string name = type.ToDisplayString(FullName);
        var scalar = IntegerKind(type) ?? type.SpecialType switch
        {
            SpecialType.System_Single => ScalarKind.F32,
            SpecialType.System_Double => ScalarKind.F64,
            SpecialType.System_Boolean => ScalarKind.Bool,
            SpecialType.System_IntPtr => ScalarKind.NInt,
            SpecialType.System_UIntPtr => ScalarKind.NUInt,
            _ => ScalarKind.None,
        };
        if (scalar != ScalarKind.None)
            return Scalar(scalar, name);

        switch (type)
        {
            case IPointerTypeSymbol or IFunctionPointerTypeSymbol:
                return Scalar(ScalarKind.Pointer, name);
            case INamedTypeSymbol { TypeKind: TypeKind.Enum, EnumUnderlyingType: { } underlying }:
                var inner = MapType(underlying, visiting, reportOn, out why);
                return inner is null ? null : inner with { CSharpName = name };
            case INamedTypeSymbol named when type.ToDisplayString() == "System.Runtime.InteropServices.CLong":
                return Scalar(ScalarKind.CLong, name);
            case INamedTypeSymbol named when type.ToDisplayString() == "System.Runtime.InteropServices.CULong":
                return Scalar(ScalarKind.CULong, name);
            case INamedTypeSymbol { TypeKind: TypeKind.Struct } named when TypedefAttribute(named) is { } typedef:
                return MapTypedef(named, typedef, name, reportOn);
            case INamedTypeSymbol { TypeKind: TypeKind.Struct } named:
                if (InlineArrayLength(named) is int length)
                {
                    var elementField = named.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => !f.IsStatic);
                    if (elementField is null || length <= 0)
                    {
                        why = "its [InlineArray] has no element field or a length below 1";
                        return null;
                    }

                    // An [InlineArray] of itself (CS0523, but the symbol exists) must not recurse forever.
                    if (_inlineArrayDepth >= LayoutEngine.MaxDepth)
                    {
                        why = $"its [InlineArray] elements nest more than {LayoutEngine.MaxDepth} deep";
                        return null;
                    }

                    _inlineArrayDepth++;
                    var element = MapType(elementField.Type, visiting, reportOn, out why);
                    _inlineArrayDepth--;
                    return element is null ? null : new AbiType(AbiTypeKind.Array, ScalarKind.None, name, element.CName, length, element);
                }

                if (named.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() is AbiStructAttribute or AbiUnionAttribute))
                {
                    // Errors inside the nested type are the nested type's own diagnostics: collect them apart and
                    // report one line here.
                    if (!_nested.Built.TryGetValue(named, out var byDepth))
                        _nested.Built[named] = byDepth = new Dictionary<int, (AggregateModel? Model, string? Why)>();
                    if (!byDepth.TryGetValue(visiting.Count, out var result))
                    {
                        var nestedParser = new Parser(_ct, _nested, _checked) { _inlineArrayDepth = _inlineArrayDepth };
                        var built = nestedParser.BuildNested(named, visiting, reportOn);
                        var first = nestedParser._diagnostics.FirstOrDefault();
                        result = (built, built is not null ? null
                            : first is null ? $"'{named.Name}' cannot be laid out" : first.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
                        byDepth[visiting.Count] = result;
                    }

                    var aggregate = result.Model;
                    if (aggregate is null)
                    {
                        why = result.Why;
                        return null;
                    }

                    return new AbiType(AbiTypeKind.Aggregate, ScalarKind.None, name,
                        (aggregate.IsUnion ? "union " : "struct ") + aggregate.CName, Aggregate: aggregate);
                }

                why = $"'{named.Name}' is a struct without [AbiStruct] or [AbiUnion]";
                return null;
            case { SpecialType: SpecialType.System_Char }:
                why = "C# char is 2 bytes; use byte for C char (or ushort for a 16-bit unit)";
                return null;
            case { IsReferenceType: true }:
                why = "it is a reference type; C structs hold only values";
                return null;
            default:
                why = "it is not a fixed-width integer, float, bool, CLong/CULong, nint/nuint, pointer, enum, fixed buffer, [InlineArray] or ABI struct";
                return null;
        }
    }

    private static AbiType Scalar(ScalarKind kind, string csharp) => new(AbiTypeKind.Scalar, kind, csharp, CSpelling(kind));

    private static string CSpelling(ScalarKind kind) => kind switch
    {
        ScalarKind.U8 => "__u8",
        ScalarKind.S8 => "__s8",
        ScalarKind.U16 => "__u16",
        ScalarKind.S16 => "__s16",
        ScalarKind.U32 => "__u32",
        ScalarKind.S32 => "__s32",
        ScalarKind.U64 => "__u64",
        ScalarKind.S64 => "__s64",
        ScalarKind.F32 => "float",
        ScalarKind.F64 => "double",
        ScalarKind.Bool => "_Bool",
        ScalarKind.CLong => "long",
        ScalarKind.CULong => "unsigned long",
        ScalarKind.NInt => "__kernel_ssize_t",
        ScalarKind.NUInt => "__kernel_size_t",
        ScalarKind.Pointer => "void *",
        _ => "?",
    };

    private static int? InlineArrayLength(INamedTypeSymbol type)
    {
        var a = type.GetAttributes().FirstOrDefault(x => x.AttributeClass?.ToDisplayString() == "System.Runtime.CompilerServices.InlineArrayAttribute");
        return a is { ConstructorArguments.Length: 1 } && a.ConstructorArguments[0].Value is int n ? n : null;
    }

    // ---------------------------------------------------------------- ioctl groups

    /// <summary>
    /// Parses an [IoctlGroup] class and its ioctls. An ioctl with an error, or every ioctl of a group with an error,
    /// becomes a <see cref="RejectedIoctl"/>; null when no partial part of the class can be generated at all.
    /// </summary>
    public GroupModel? ParseGroup(INamedTypeSymbol type)
    {
        var attribute = type.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == IoctlGroupAttribute);
        if (attribute is null)
            return null;
        if (!CanComplete(type))
        {
            CheckDeclaration(type); // reports why
            return null;
        }

        var declaration = Declaration(type);
        Rejection? groupError = null;
        int groupType = attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is int t ? t : -1;
        if (!CheckDeclaration(type))
        {
            groupError = FirstError(0);
        }
        else if (groupType is < 0 or > 255)
        {
            Report(Descriptors.InvalidAttributeValue, type, "IoctlGroup", type.Name, groupType, "the type byte must be 0 to 255");
            groupError = FirstError(0);
        }

        var ioctls = new List<IoctlModel>();
        var rejected = new List<RejectedIoctl>();
        bool needsUnsafe = false;
        foreach (var member in type.GetMembers())
        {
            _ct.ThrowIfCancellationRequested();
            if (member is not IMethodSymbol method)
                continue;
            if (IoctlAttribute(method) is not { } ioctlAttribute)
            {
                // [IoctlRequestOn] alone: say so, rather than leave the compiler's CS8795.
                if (groupError is null && method.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == IoctlRequestOnAttribute))
                {
                    int at = _diagnostics.Count;
                    Report(Descriptors.BadTargetRequest, method, method.Name, "[IoctlRequestOn] goes with [IoctlRequest] (with or without a default number)");
                    if (NeedsImplementation(method))
                    {
                        needsUnsafe |= HasPointerInSignature(method);
                        rejected.Add(new RejectedIoctl(method.Name, Signature(method), FirstError(at)));
                    }
                }

                continue;
            }

            bool needsBody = NeedsImplementation(method);
            needsUnsafe |= needsBody && HasPointerInSignature(method);
            if (groupError is not null)
            {
                if (needsBody)
                    rejected.Add(new RejectedIoctl(method.Name, Signature(method), groupError));
                continue;
            }

            int before = _diagnostics.Count;
            var model = ParseIoctl(method, ioctlAttribute, type, groupType);
            if (model is not null && !_diagnostics.Skip(before).Any(d => d.Severity == DiagnosticSeverity.Error))
                ioctls.Add(model);
            else if (needsBody)
                rejected.Add(new RejectedIoctl(method.Name, Signature(method), FirstError(before)));
        }

        // The class of request numbers, and one class in it per ioctl, named so that no user name meets them.
        var memberNames = new HashSet<string>(type.GetMembers().Select(m => m.Name).Append(type.Name), StringComparer.Ordinal);
        string requests = memberNames.Contains("Requests") ? GeneratedNames.Take("IoctlRequests", memberNames) : "Requests";
        var classes = new HashSet<string>(StringComparer.Ordinal) { requests };
        for (int i = 0; i < ioctls.Count; i++)
        {
            string preferred = RequestMembers.Contains(ioctls[i].MethodName) ? ioctls[i].MethodName + "Request" : ioctls[i].MethodName;
            ioctls[i] = ioctls[i] with { RequestClass = GeneratedNames.Take(preferred, classes) };
        }

        return new GroupModel(declaration, groupType, ioctls.ToEquatableArray(), rejected.ToEquatableArray(), requests, needsUnsafe);
    }

    /// <summary>The members of each generated request class: a class of that name could not hold them (CS0542).</summary>
    private static readonly HashSet<string> RequestMembers = new(
        TargetAbi.All.Select(t => t.Identifier).Concat(new[] { "Native", "For", "WithoutSize", "MaxSize", "ElementSize", "s_native", "s_nativeMaxSize", "s_nativeElementSize" }),
        StringComparer.Ordinal);

    /// <summary>
    /// An ioctl method outside an [IoctlGroup] (ISH202): the declaration of its throwing implementation, and where
    /// it goes; null when it needs none or none can be generated.
    /// </summary>
    public OrphanIoctl? ParseOrphan(IMethodSymbol method)
    {
        if (method.ContainingType is not { } owner || owner.TypeKind is not (TypeKind.Class or TypeKind.Struct)
            || owner.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == IoctlGroupAttribute)
            || !NeedsImplementation(method) || !CanComplete(owner))
            return null;
        var rejection = new Rejection(Descriptors.IoctlOutsideGroup.Id, Descriptors.IoctlOutsideGroup.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture)
            .Replace("{0}", method.Name).Replace("{1}", owner.Name));
        return new OrphanIoctl(Declaration(owner), new RejectedIoctl(method.Name, Signature(method), rejection), HasPointerInSignature(method));
    }

    /// <summary>A partial method definition whose implementation the generator writes (the user wrote none).</summary>
    private static bool NeedsImplementation(IMethodSymbol method)
        => method.IsPartialDefinition
           && (method.PartialImplementationPart is not { } body || body.DeclaringSyntaxReferences.All(r => IsGenerated(r.SyntaxTree)));

    private static bool HasPointerInSignature(IMethodSymbol method)
        => ContainsPointer(method.ReturnType) || method.Parameters.Any(p => ContainsPointer(p.Type));

    private static bool ContainsPointer(ITypeSymbol type) => type switch
    {
        IPointerTypeSymbol or IFunctionPointerTypeSymbol => true,
        IArrayTypeSymbol array => ContainsPointer(array.ElementType),
        INamedTypeSymbol named => named.TypeArguments.Any(ContainsPointer),
        _ => false,
    };

    public static AttributeData? IoctlAttribute(IMethodSymbol method)
        => method.GetAttributes().FirstOrDefault(a => DerivesFrom(a.AttributeClass, IoctlAttributeBase));

    private static bool DerivesFrom(INamedTypeSymbol? type, string baseName)
    {
        for (var t = type?.BaseType; t is not null; t = t.BaseType)
            if (t.ToDisplayString() == baseName) return true;
        return false;
    }

    private IoctlModel? ParseIoctl(IMethodSymbol method, AttributeData attribute, INamedTypeSymbol group, int groupType)
    {
        string kind = attribute.AttributeClass!.Name;
        var args = attribute.ConstructorArguments;
        int direction, number;
        bool ioForm = false;
        switch (kind)
        {
            case "IoctlNoneAttribute": direction = 0; ioForm = true; break;
            case "IoctlReadAttribute": direction = 2; break;
            case "IoctlWriteAttribute": direction = 1; break;
            case "IoctlReadWriteAttribute": direction = 3; break;
            case "IoctlAttribute":
                direction = args.Length == 2 && args[0].Value is int d ? d : -1;
                break;
            case "IoctlRequestAttribute":
                return ParseLiteral(method, attribute, group);
            default:
                Report(Descriptors.UnsupportedSignature, method, method.Name, $"'{kind}' is not an ioctl form IoctlSharp knows");
                return null;
        }

        number = args.Length > 0 && args[args.Length - 1].Value is int n ? n : -1;
        if (direction is < 0 or > 3)
        {
            Report(Descriptors.InvalidAttributeValue, method, "Direction", method.Name, direction, "it must be None, Write, Read or ReadWrite");
            return null;
        }

        if (number is < 0 or > 255)
        {
            Report(Descriptors.InvalidAttributeValue, method, "Number", method.Name, number, "the request number (nr) must be 0 to 255");
            return null;
        }

        // A repeated named argument (CS0643) appears twice here: the first one counts.
        var named = attribute.NamedArguments.GroupBy(a => a.Key).ToDictionary(g => g.Key, g => g.First().Value);
        var sizeOf = named.TryGetValue("SizeOf", out var so) ? so.Value as ITypeSymbol : null;
        bool sizeAtCall = named.TryGetValue("SizeAtCall", out var sac) && sac.Value is true;
        int literalSize = named.TryGetValue("Size", out var ls) && ls.Value is int l ? l : -1;
        string requestName = named.TryGetValue("Name", out var nm) && nm.Value is string s && s.Length > 0 ? s : group.Name + "." + method.Name;
        bool suppressGCTransition = named.TryGetValue("SuppressGCTransition", out var sgt) && sgt.Value is true;

        // The signature: (SafeHandle fd[, argument]) returning void, int, IoctlResult or a SafeHandle type.
        if (CheckMethod(method) is not { } returnKind)
            return null;
        if (!ParseParameters(method, out var argumentParameter, out var macroParameter, out var macroKind))
            return null;
        if (!ParseArgument(method, argumentParameter, out var argumentKind, out var argumentRefKind, out var argumentType, out var structToVerify))
            return null;
        var visiting = new Stack<INamedTypeSymbol>();

        // Where the size field's value comes from.
        SizeSource sizeSource;
        AbiType? sizeType = null;
        if (ioForm)
        {
            if (sizeOf is not null || sizeAtCall)
                return Unsupported(method, "_IO carries no size; use [Ioctl(IoctlDirection.None, nr)] for _IOC(_IOC_NONE, type, nr, size)");
            sizeSource = SizeSource.None;
        }
        else if (sizeAtCall)
        {
            if (argumentKind != ArgumentKind.Span || sizeOf is not null || literalSize >= 0)
                return Unsupported(method, "SizeAtCall takes the size from a Span<byte> argument's length, and no SizeOf or Size besides");
            sizeSource = SizeSource.AtCall;
        }
        else if (literalSize >= 0)
        {
            if (sizeOf is not null)
                return Unsupported(method, "give either Size or SizeOf, not both");
            sizeSource = SizeSource.Literal;
        }
        else if (sizeOf is not null)
        {
            sizeType = MapType(sizeOf, visiting, method, out string? why);
            if (sizeType is null)
                return Unsupported(method, $"SizeOf type '{sizeOf.ToDisplayString()}' has no C layout: {why}");
            sizeSource = SizeSource.Type;
        }
        else if (argumentType is not null)
        {
            sizeType = argumentType;
            sizeSource = SizeSource.Type;
        }
        else
        {
            return Unsupported(method, argumentKind == ArgumentKind.None
                ? "this encoding carries a size, but there is no argument to take it from; add SizeOf, or use [IoctlNone]"
                : "the argument has no C layout to take the size from; add SizeOf, Size or SizeAtCall");
        }

        if (macroKind == MacroArgument.CountsSizeOf && sizeSource != SizeSource.Type)
        {
            Report(Descriptors.BadMacroArgument, method, method.Name,
                "IoctlMacroArgumentKind.CountsSizeOf multiplies a type's size (the argument's, or SizeOf's) by the macro argument; this request has no such type");
            return null;
        }

        // Every target's number must exist: a size that does not fit is an error, never a truncated number. The
        // numbers are decided here, once; the emitter prints them. A macro argument's numbers are those for an
        // argument of 0 (with the element's size in sizes for CountsSizeOf): the call adds the rest.
        var sizes = new int[TargetAbi.All.Length];
        var numbers = new uint[TargetAbi.All.Length];
        foreach (var target in TargetAbi.All)
        {
            int size;
            try
            {
                size = sizeSource switch
                {
                    SizeSource.Type => LayoutEngine.SizeOf(sizeType!, target).Size,
                    SizeSource.Literal => literalSize,
                    _ => 0,
                };
            }
            catch (LayoutException e)
            {
                return Unsupported(method, e.Message);
            }

            if (RequestEncoding.Encode(target.Encoding, direction, groupType, number, size) is not { } encoded)
            {
                Report(Descriptors.SizeDoesNotFit, method, method.Name, size, target.Name, target.Encoding.SizeBits, target.Encoding.MaxSize);
                return null;
            }

            sizes[(int)target.Target] = size;
            numbers[(int)target.Target] = macroKind == MacroArgument.CountsSizeOf ? RequestEncoding.Encode(target.Encoding, direction, groupType, number, 0)!.Value : encoded;
        }

        string macro = Macro(ioForm, direction, groupType, number, sizeSource, sizeType, literalSize, macroKind, macroParameter?.Name);
        return new IoctlModel(Signature(method), "", method.Name, requestName, ConstructedType(method, returnKind), ParametersOf(method), argumentKind, argumentRefKind,
            argumentKind == ArgumentKind.Value ? argumentType!.Scalar : ScalarKind.None, structToVerify,
            direction, macro, number, sizeSource, sizeType, literalSize < 0 ? 0 : literalSize, sizes.ToEquatableArray(), numbers.ToEquatableArray(),
            returnKind, suppressGCTransition, RequestForm.Encoded, macroKind,
            argumentParameter is null ? null : CSharpText.Identifier(argumentParameter.Name),
            macroParameter is null ? null : CSharpText.Identifier(macroParameter.Name));
    }

    /// <summary>
    /// <c>[IoctlRequest]</c>: numbers as the header writes them, the same on every target unless
    /// <c>[IoctlRequestOn]</c> gives a target its own. No encoding applies, so no size option does; direction bits in a
    /// number must not promise a buffer the argument cannot be (ISH207).
    /// </summary>
    private IoctlModel? ParseLiteral(IMethodSymbol method, AttributeData attribute, INamedTypeSymbol group)
    {
        var named = attribute.NamedArguments.GroupBy(a => a.Key).ToDictionary(g => g.Key, g => g.First().Value);
        string requestName = named.TryGetValue("Name", out var nm) && nm.Value is string s && s.Length > 0 ? s : group.Name + "." + method.Name;
        bool suppressGCTransition = named.TryGetValue("SuppressGCTransition", out var sgt) && sgt.Value is true;
        foreach (var option in new[] { "SizeOf", "SizeAtCall" })
        {
            if (named.TryGetValue(option, out var v) && !v.IsNull && v.Value is not false)
            {
                Report(Descriptors.LiteralHasNoSizeField, method, method.Name, option);
                return null;
            }
        }

        // The signature: (SafeHandle fd[, argument]) returning void, int, IoctlResult or a SafeHandle type.
        if (CheckMethod(method) is not { } returnKind)
            return null;
        if (!ParseParameters(method, out var argumentParameter, out var macroParameter, out _))
            return null;
        if (macroParameter is not null)
        {
            Report(Descriptors.BadMacroArgument, method, method.Name, "an [IoctlRequest] number is taken as written: it has no macro argument");
            return null;
        }

        if (!ParseArgument(method, argumentParameter, out var argumentKind, out var argumentRefKind, out var argumentType, out var structToVerify))
            return null;

        // The default, then each target's own.
        var numbers = new uint?[TargetAbi.All.Length];
        uint? fallback = attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is uint d ? d : null;
        foreach (var on in method.GetAttributes().Where(a => a.AttributeClass?.ToDisplayString() == IoctlRequestOnAttribute))
        {
            if (on.ConstructorArguments.Length != 2 || on.ConstructorArguments[0].Value is not uint value || on.ConstructorArguments[1].Kind != TypedConstantKind.Array)
                continue; // does not compile
            var targets = on.ConstructorArguments[1].Values;
            if (targets.Length == 0)
            {
                Report(Descriptors.BadTargetRequest, method, method.Name, $"[IoctlRequestOn(0x{value:X})] names no target");
                return null;
            }

            foreach (var t in targets)
            {
                if (t.Value is not int index || index < 0 || index >= TargetAbi.All.Length)
                {
                    Report(Descriptors.BadTargetRequest, method, method.Name, $"{t.Value} is not an AbiTarget");
                    return null;
                }

                if (numbers[index] is { } earlier)
                {
                    Report(Descriptors.BadTargetRequest, method, method.Name,
                        $"{TargetAbi.All[index].Name} is given two numbers, 0x{earlier:X} and 0x{value:X}");
                    return null;
                }

                numbers[index] = value;
            }
        }

        var missing = TargetAbi.All.Where(t => numbers[(int)t.Target] is null && fallback is null).Select(t => t.Name).ToList();
        if (missing.Count > 0)
        {
            Report(Descriptors.MissingTargetRequest, method, method.Name, string.Join(", ", missing));
            return null;
        }

        var final = TargetAbi.All.Select(t => numbers[(int)t.Target] ?? fallback!.Value).ToArray();
        foreach (var target in TargetAbi.All)
        {
            uint n = final[(int)target.Target];
            if (LiteralContradiction(target.Encoding, n, argumentKind, argumentRefKind) is { } contradiction)
            {
                Report(Descriptors.LiteralDirectionContradicts, method, method.Name, n, target.Name, contradiction.Bits, contradiction.Argument);
                return null;
            }
        }

        bool perTarget = final.Distinct().Count() > 1;
        string macro = perTarget ? "a number per target" : "0x" + final[0].ToString("X4", System.Globalization.CultureInfo.InvariantCulture);
        return new IoctlModel(Signature(method), "", method.Name, requestName, ConstructedType(method, returnKind), ParametersOf(method), argumentKind, argumentRefKind,
            argumentKind == ArgumentKind.Value ? argumentType!.Scalar : ScalarKind.None, structToVerify,
            0, macro, 0, SizeSource.None, null, 0, new int[TargetAbi.All.Length].ToEquatableArray(), final.ToEquatableArray(),
            returnKind, suppressGCTransition, RequestForm.Literal, MacroArgument.None,
            argumentParameter is null ? null : CSharpText.Identifier(argumentParameter.Name));
    }

    /// <summary>
    /// What a literal number's direction bits (read in <paramref name="family"/>'s encoding) promise that the argument
    /// cannot be, or null: a READ bit says the driver writes a buffer, a WRITE bit that it reads one.
    /// </summary>
    private static (string Bits, string Argument)? LiteralContradiction(EncodingFamily family, uint number, ArgumentKind kind, string? refKind)
    {
        uint dir = number >> family.DirectionShift;
        if (dir == 0 || dir == family.None)
            return null;
        bool read = (dir & family.Read) != 0, write = (dir & family.Write) != 0;
        string bits = read && write ? "_IOC_READ|_IOC_WRITE" : read ? "_IOC_READ" : write ? "_IOC_WRITE" : $"no direction this encoding has ({dir})";
        if (!read && !write)
            return (bits, "cannot be read as any direction");
        // A value passed by value is no contradiction: TIOCSIG is _IOW('T', 0x36, int) and takes the signal by value.
        switch (kind)
        {
            case ArgumentKind.None:
                return (bits, "is missing (the number promises a buffer)");
            case ArgumentKind.Ref when refKind == "out" && write:
                return (bits, "is 'out' (the driver only writes it, but _IOC_WRITE says it reads it)");
            case ArgumentKind.Ref when refKind is "in" or "ref readonly" && read:
                return (bits, $"is '{refKind}' (the driver must not write it, but _IOC_READ says it does)");
            case ArgumentKind.Span when refKind == "readonly" && read:
                return (bits, "is a ReadOnlySpan<byte> (the driver must not write it, but _IOC_READ says it does)");
            default:
                return null;
        }
    }

    /// <summary>
    /// The parameters after the handle: at most one <c>[IoctlMacroArgument]</c> int (not passed to ioctl(2)) and at
    /// most one argument.
    /// </summary>
    private bool ParseParameters(IMethodSymbol method, out IParameterSymbol? argument, out IParameterSymbol? macro, out MacroArgument kind)
    {
        argument = null;
        macro = null;
        kind = MacroArgument.None;
        if (method.Parameters.Length < 1 || !IsSafeHandle(method.Parameters[0].Type) || method.Parameters[0].RefKind != RefKind.None)
        {
            Unsupported(method, "the parameters must be (SafeHandle fd) or (SafeHandle fd, argument), with at most one [IoctlMacroArgument] int besides");
            return false;
        }

        var rest = new List<IParameterSymbol>();
        foreach (var p in method.Parameters.Skip(1))
        {
            var attribute = p.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == "IoctlSharp.IoctlMacroArgumentAttribute");
            if (attribute is null)
            {
                rest.Add(p);
                continue;
            }

            if (macro is not null)
            {
                Report(Descriptors.BadMacroArgument, method, method.Name, "a request macro takes one [IoctlMacroArgument] parameter here, not two");
                return false;
            }

            int value = attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is int v ? v : 0;
            if (value is not (0 or 1))
            {
                Report(Descriptors.BadMacroArgument, method, method.Name, $"{value} is not an IoctlMacroArgumentKind");
                return false;
            }

            if (p.Type.SpecialType != SpecialType.System_Int32 || p.RefKind != RefKind.None)
            {
                Report(Descriptors.BadMacroArgument, method, method.Name, $"the macro argument '{p.Name}' must be an int passed by value");
                return false;
            }

            macro = p;
            kind = value == 0 ? MacroArgument.AddsToNumber : MacroArgument.CountsSizeOf;
        }

        if (rest.Count > 1)
        {
            Unsupported(method, "the parameters must be (SafeHandle fd) or (SafeHandle fd, argument), with at most one [IoctlMacroArgument] int besides");
            return false;
        }

        argument = rest.Count == 1 ? rest[0] : null;
        return true;
    }

    /// <summary>How the argument reaches ioctl(2), its C type, and the struct whose native layout the wrapper checks.</summary>
    private bool ParseArgument(IMethodSymbol method, IParameterSymbol? p, out ArgumentKind argumentKind, out string? argumentRefKind,
        out AbiType? argumentType, out string? structToVerify)
    {
        argumentKind = ArgumentKind.None;
        argumentRefKind = null;
        argumentType = null;
        structToVerify = null;
        var visiting = new Stack<INamedTypeSymbol>();
        if (p is null)
            return true;
        var pt = p.Type;
        if (p.RefKind != RefKind.None)
        {
            argumentKind = ArgumentKind.Ref;
            argumentRefKind = p.RefKind switch { RefKind.Out => "out", RefKind.In => "in", RefKind.Ref => "ref", _ => "ref readonly" };
            if (!pt.IsUnmanagedType)
                return Fail(method, $"'{pt.ToDisplayString()}' is not an unmanaged type");
            if (pt is IPointerTypeSymbol or IFunctionPointerTypeSymbol)
                return Fail(method, $"a pointer cannot be passed {argumentRefKind}; pass '{pt.ToDisplayString()}' by value, or a nuint/ulong by {argumentRefKind} for an address the driver reads or writes");
            argumentType = MapType(pt, visiting, method, out _);
            if (argumentType?.Kind == AbiTypeKind.Aggregate)
                structToVerify = pt.ToDisplayString(FullName);
        }
        else if (pt is INamedTypeSymbol { IsGenericType: true } span
                 && span.ConstructedFrom.ToDisplayString() is "System.Span<T>" or "System.ReadOnlySpan<T>"
                 && span.TypeArguments[0].SpecialType == SpecialType.System_Byte)
        {
            argumentKind = ArgumentKind.Span;
            argumentRefKind = span.Name == "ReadOnlySpan" ? "readonly" : "";
        }
        else if (pt is INamedTypeSymbol { IsGenericType: true } flex
                 && flex.ConstructedFrom.ToDisplayString() == "IoctlSharp.FlexibleBuffer<T, TEntry>")
        {
            argumentKind = ArgumentKind.FlexibleBuffer;
            argumentType = MapType(flex.TypeArguments[0], visiting, method, out _);
            if (argumentType?.Kind == AbiTypeKind.Aggregate)
                structToVerify = flex.TypeArguments[0].ToDisplayString(FullName);
        }
        else if (pt is IPointerTypeSymbol pointer)
        {
            argumentKind = ArgumentKind.Pointer;
            if (pointer.PointedAtType.SpecialType != SpecialType.System_Void)
                argumentType = MapType(pointer.PointedAtType, visiting, method, out _);
        }
        else if (IsSafeHandle(pt))
        {
            argumentKind = ArgumentKind.Handle;
        }
        else
        {
            argumentType = MapType(pt, visiting, method, out _);
            if (argumentType is not { Kind: AbiTypeKind.Scalar } || argumentType.Scalar is ScalarKind.F32 or ScalarKind.F64)
                return Fail(method, $"an argument passed by value must be an integer, enum or pointer; pass '{pt.ToDisplayString()}' by ref, in or out");
            argumentKind = ArgumentKind.Value;
        }

        return true;
    }

    private bool Fail(IMethodSymbol method, string why)
    {
        Unsupported(method, why);
        return false;
    }

    private static EquatableArray<ParameterModel> ParametersOf(IMethodSymbol method) => method.Parameters.Select(p => new ParameterModel(
        RefKindText(p.RefKind), p.Type.ToDisplayString(FullName), CSharpText.Identifier(p.Name))).ToEquatableArray();

    /// <summary>The type the body constructs: without a nullable annotation (new T?() is CS8628); the signature keeps it.</summary>
    private static string ConstructedType(IMethodSymbol method, ReturnKind kind)
        => kind == ReturnKind.Void ? "void" : kind == ReturnKind.Int ? "int" : method.ReturnType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);

    /// <summary>A static partial method without a body, returning what a wrapper can return; null after reporting why not.</summary>
    private ReturnKind? CheckMethod(IMethodSymbol method)
    {
        if (!method.IsStatic || !method.IsPartialDefinition || method.IsGenericMethod
            || (method.PartialImplementationPart is { } body && !body.DeclaringSyntaxReferences.All(r => IsGenerated(r.SyntaxTree))))
        {
            Report(Descriptors.BadIoctlMethod, method, method.Name);
            return null;
        }

        var returnKind = ReturnKindOf(method.ReturnType);
        if (returnKind is null || method.ReturnsByRef || method.ReturnsByRefReadonly)
            Unsupported(method, "the return type must be void, int (the ioctl's non-negative result), IoctlResult (the result or the errno, "
                + "without throwing) or a non-abstract SafeHandle type with a parameterless constructor (which takes the new fd the ioctl returns)");
        return method.ReturnsByRef || method.ReturnsByRefReadonly ? null : returnKind;
    }

    /// <summary>What a wrapper may return, or null: a SafeHandle type must be constructible by the generated body.</summary>
    private static ReturnKind? ReturnKindOf(ITypeSymbol type)
    {
        if (type.SpecialType == SpecialType.System_Void)
            return ReturnKind.Void;
        if (type.SpecialType == SpecialType.System_Int32)
            return ReturnKind.Int;
        if (type.ToDisplayString() == "IoctlSharp.IoctlResult")
            return ReturnKind.Result;
        if (IsSafeHandle(type) && type is INamedTypeSymbol { IsAbstract: false, IsGenericType: false } named
            && named.InstanceConstructors.Any(c => c.Parameters.Length == 0
                && c.DeclaredAccessibility is Microsoft.CodeAnalysis.Accessibility.Public or Microsoft.CodeAnalysis.Accessibility.Internal))
            return ReturnKind.Handle;
        return null;
    }

    /// <summary>
    /// True for a file this generator wrote. The analyzer sees the compilation with the generated code in it (the
    /// generator never does), and must not mistake the generator's own StructLayout or method bodies for the user's.
    /// </summary>
    private static bool IsGenerated(SyntaxTree? tree)
        => tree is not null && tree.FilePath.Replace('\\', '/').Contains("IoctlSharp.Generators/IoctlSharp.Generators.IoctlGenerator/");

    private IoctlModel? Unsupported(IMethodSymbol method, string why)
    {
        Report(Descriptors.UnsupportedSignature, method, method.Name, why);
        return null;
    }

    private static bool IsSafeHandle(ITypeSymbol type)
    {
        for (var t = type; t is not null; t = t.BaseType)
            if (t.ToDisplayString() == "System.Runtime.InteropServices.SafeHandle") return true;
        return false;
    }

    /// <summary>How the header spells the request: <c>_IOWR(0xAA, 0x3F, struct uffdio_api)</c>.</summary>
    private static string Macro(bool ioForm, int direction, int type, int number, SizeSource source, AbiType? sizeType, int literal,
        MacroArgument macro = MacroArgument.None, string? macroName = null)
    {
        string t = type is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '0' and <= '9' ? "'" + (char)type + "'" : "0x" + type.ToString("X2");
        string nr = "0x" + number.ToString("X2") + (macro == MacroArgument.AddsToNumber ? $" + ({macroName})" : "");
        if (macro == MacroArgument.CountsSizeOf)
        {
            string dirs = direction switch { 0 => "_IOC_NONE", 1 => "_IOC_WRITE", 2 => "_IOC_READ", _ => "_IOC_READ|_IOC_WRITE" };
            return $"_IOC({dirs}, {t}, {nr}, ({macroName}) * sizeof({sizeType!.CName}))";
        }

        if (ioForm)
            return $"_IO({t}, {nr})";
        string size = source switch
        {
            SizeSource.AtCall => "s",
            SizeSource.Literal => literal.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => sizeType!.CName,
        };
        string? shorthand = direction switch { 1 => "_IOW", 2 => "_IOR", 3 => "_IOWR", _ => null };
        if (source == SizeSource.Type && shorthand is not null)
            return $"{shorthand}({t}, {nr}, {size})";
        string dir = direction switch { 0 => "_IOC_NONE", 1 => "_IOC_WRITE", 2 => "_IOC_READ", _ => "_IOC_READ|_IOC_WRITE" };
        if (source == SizeSource.Type)
            size = $"sizeof({size})";
        return $"_IOC({dir}, {t}, {nr}, {size})";
    }

    // ---------------------------------------------------------------- declarations

    /// <summary>
    /// True when the generator can add a partial part to <paramref name="type"/>: it and every type containing it are
    /// declared in source, partial in every part, and not file-local (a file-local type cannot have a part in the
    /// generator's file). Errors that leave this true still get generated code that compiles.
    /// </summary>
    private bool CanComplete(INamedTypeSymbol type)
    {
        for (var t = type; t is not null; t = t.ContainingType)
        {
            if (t.IsFileLocal || !IsPartialEverywhere(t))
                return false;
        }

        return true;
    }

    /// <summary>Declared in source, with <c>partial</c> on every part.</summary>
    private bool IsPartialEverywhere(INamedTypeSymbol type)
        => type.DeclaringSyntaxReferences.Length > 0
           && type.DeclaringSyntaxReferences.All(r => r.GetSyntax(_ct) is TypeDeclarationSyntax d && d.Modifiers.Any(SyntaxKind.PartialKeyword));

    /// <summary>The type and every type containing it must be partial, non-generic, not file-local and declared in source; an ABI struct is not a ref struct.</summary>
    private bool CheckDeclaration(INamedTypeSymbol type)
    {
        for (var t = type; t is not null; t = t.ContainingType)
        {
            if (t.IsFileLocal)
            {
                Report(Descriptors.UnsupportedTypeKind, type, t.Name, "file-local", "a generator cannot add a part to a file-local type; remove the 'file' modifier");
                return false;
            }

            if (!IsPartialEverywhere(t))
            {
                Report(Descriptors.MustBePartial, type, t.Name);
                return false;
            }

            if (t.IsGenericType)
            {
                Report(Descriptors.GenericType, type, t.Name);
                return false;
            }
        }

        if (type.IsRefLikeType)
        {
            Report(Descriptors.UnsupportedTypeKind, type, type.Name, "ref struct", "a ref struct cannot be an ABI type (it cannot be a type argument or live in native memory); remove 'ref'");
            return false;
        }

        return true;
    }

    private static TypeDeclaration Declaration(INamedTypeSymbol type)
    {
        var chain = new List<ContainingType>();
        for (var t = type.ContainingType; t is not null; t = t.ContainingType)
            chain.Insert(0, new ContainingType(Keyword(t), t.Name, TypeParameterList(t.TypeParameters)));
        string ns = type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() : "";
        // Hint names may not hold '@' (a namespace spelled @fixed displays with it); type names never do.
        string key = ((ns.Length > 0 ? ns + "." : "") + string.Concat(chain.Select(c => c.Name + "+")) + type.Name).Replace("@", "");
        return new TypeDeclaration(ns, chain.ToEquatableArray(), Keyword(type), type.Name, key, TypeParameterList(type.TypeParameters));
    }

    /// <summary>A parameter's ref kind as source spells it, with its trailing space (<c>"ref "</c>; empty for none).</summary>
    private static string RefKindText(RefKind kind)
        => kind switch { RefKind.Ref => "ref ", RefKind.Out => "out ", RefKind.In => "in ", RefKind.None => "", _ => "ref readonly " };

    private static string TypeParameterList(ImmutableArray<ITypeParameterSymbol> parameters)
        => parameters.Length == 0 ? "" : "<" + string.Join(", ", parameters.Select(p => CSharpText.Identifier(p.Name))) + ">";

    /// <summary>
    /// The implementation's declaration of a partial method, as the compiler requires it to match the definition:
    /// the definition's own modifiers in its order, the return type, type parameters and constraints, and every
    /// parameter with <c>this</c>, <c>scoped</c>, <c>params</c> and its ref kind (defaults are not repeated: CS1066).
    /// </summary>
    private string Signature(IMethodSymbol method)
    {
        var sb = new StringBuilder();
        var syntax = method.DeclaringSyntaxReferences.Select(r => r.GetSyntax(_ct)).OfType<MethodDeclarationSyntax>().FirstOrDefault();
        if (syntax is not null)
            foreach (var modifier in syntax.Modifiers)
                sb.Append(modifier.ValueText).Append(' ');
        else
            sb.Append(method.IsStatic ? "static partial " : "partial ");
        if (method.ReturnsByRefReadonly) sb.Append("ref readonly ");
        else if (method.ReturnsByRef) sb.Append("ref ");
        sb.Append(method.ReturnsVoid ? "void" : method.ReturnType.ToDisplayString(FullName)).Append(' ');
        sb.Append(CSharpText.Identifier(method.Name)).Append(TypeParameterList(method.TypeParameters)).Append('(');
        for (int i = 0; i < method.Parameters.Length; i++)
        {
            var p = method.Parameters[i];
            if (i > 0) sb.Append(", ");
            if (i == 0 && method.IsExtensionMethod) sb.Append("this ");
            if (p.ScopedKind != ScopedKind.None && p.RefKind != RefKind.Out) sb.Append("scoped ");
            if (p.IsParams) sb.Append("params ");
            sb.Append(RefKindText(p.RefKind));
            sb.Append(p.Type.ToDisplayString(FullName)).Append(' ').Append(CSharpText.Identifier(p.Name));
        }

        sb.Append(')');
        foreach (var tp in method.TypeParameters)
        {
            var constraints = new List<string>();
            if (tp.HasReferenceTypeConstraint) constraints.Add(tp.ReferenceTypeConstraintNullableAnnotation == NullableAnnotation.Annotated ? "class?" : "class");
            if (tp.HasUnmanagedTypeConstraint) constraints.Add("unmanaged");
            else if (tp.HasValueTypeConstraint) constraints.Add("struct");
            if (tp.HasNotNullConstraint) constraints.Add("notnull");
            constraints.AddRange(tp.ConstraintTypes.Select(c => c.ToDisplayString(FullName)));
            if (tp.HasConstructorConstraint) constraints.Add("new()");
            if (constraints.Count > 0)
                sb.Append(" where ").Append(CSharpText.Identifier(tp.Name)).Append(" : ").Append(string.Join(", ", constraints));
        }

        return sb.ToString();
    }

    private static string Keyword(INamedTypeSymbol type) => (type.IsRecord, type.TypeKind) switch
    {
        (true, TypeKind.Struct) => "record struct",
        (true, _) => "record",
        (_, TypeKind.Struct) => "struct",
        (_, TypeKind.Interface) => "interface",
        _ => "class",
    };

    private static string Accessibility(Accessibility a) => a switch
    {
        Microsoft.CodeAnalysis.Accessibility.Public => "public",
        Microsoft.CodeAnalysis.Accessibility.Internal => "internal",
        Microsoft.CodeAnalysis.Accessibility.Protected => "protected",
        Microsoft.CodeAnalysis.Accessibility.ProtectedOrInternal => "protected internal",
        Microsoft.CodeAnalysis.Accessibility.ProtectedAndInternal => "private protected",
        _ => "private",
    };

    private static int NamedInt(AttributeData a, string name)
        => a.NamedArguments.FirstOrDefault(n => n.Key == name).Value.Value is int v ? v : 0;

    private static bool IsAlignment(int value, bool allowZero)
        => (allowZero && value == 0) || (value > 0 && value <= 4096 && (value & (value - 1)) == 0);

    /// <summary>
    /// The C name of a C# name no attribute names: the name itself when it has no upper-case letter (<c>ifreq</c>,
    /// <c>ifr_name</c>: already spelled as C), else its snake_case (<c>KvmUserspaceMemoryRegion</c> to
    /// <c>kvm_userspace_memory_region</c>, <c>Ifreq</c> to <c>ifreq</c>).
    /// </summary>
    public static string DefaultCName(string name) => name.Any(char.IsUpper) ? SnakeCase(name) : name;

    private static bool IsCIdentifier(string name)
        => name.Length > 0 && (char.IsLetter(name[0]) && name[0] < 128 || name[0] == '_')
           && name.All(c => c < 128 && (char.IsLetterOrDigit(c) || c == '_'));

    /// <summary><c>KvmUserspaceMemoryRegion</c> to <c>kvm_userspace_memory_region</c>.</summary>
    private static string SnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 8);
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (char.IsUpper(c))
            {
                bool boundary = i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1])
                    || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1])));
                if (boundary) sb.Append('_');
                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
