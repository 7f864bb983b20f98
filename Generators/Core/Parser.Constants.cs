using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using IoctlSharp.Generators.Abi;
using IoctlSharp.Generators.Diagnostics;
using IoctlSharp.Generators.Model;
using Microsoft.CodeAnalysis;

namespace IoctlSharp.Generators;

internal sealed partial class Parser
{
    public const string AbiConstantsAttribute = "IoctlSharp.AbiConstantsAttribute";
    public const string AbiConstantAttribute = "IoctlSharp.AbiConstantAttribute";
    public const string AbiValueOnAttribute = "IoctlSharp.AbiValueOnAttribute";

    /// <summary>
    /// Parses an [AbiConstants] class: every const integer field with [AbiConstant], and its [AbiValueOn] values.
    /// With an error (reported to <see cref="Diagnostics"/>) the model carries the <see cref="ConstantsModel.Rejection"/>;
    /// null when no partial part can be generated.
    /// </summary>
    public ConstantsModel? ParseConstants(INamedTypeSymbol type)
    {
        if (!CanComplete(type))
        {
            CheckDeclaration(type); // reports why
            return null;
        }

        var declaration = Declaration(type);
        string header = type.GetAttributes().First(a => a.AttributeClass?.ToDisplayString() == AbiConstantsAttribute)
            .NamedArguments.FirstOrDefault(n => n.Key == "Header").Value.Value as string ?? type.Name;
        bool declared = CheckDeclaration(type);
        var constants = new List<ConstantModel>();
        var byCName = new Dictionary<string, string>(System.StringComparer.Ordinal);
        foreach (var field in type.GetMembers().OfType<IFieldSymbol>())
        {
            _ct.ThrowIfCancellationRequested();
            var attributes = field.GetAttributes();
            var constant = attributes.FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == AbiConstantAttribute);
            var perTarget = attributes.Where(a => a.AttributeClass?.ToDisplayString() == AbiValueOnAttribute).ToList();
            if (constant is null)
            {
                if (perTarget.Count > 0)
                    Report(Descriptors.NotAConstant, field, field.Name, "has [AbiValueOn] but no [AbiConstant(\"C_NAME\")]");
                continue;
            }

            // A rejected field still gets its PerTarget class (throwing), so code that uses it compiles.
            var rejected = new ConstantModel(field.Name, "", field.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), EquatableArray<ConstantOnTarget>.Empty);
            if (!field.HasConstantValue || Range(field.Type.SpecialType) is not { } range)
            {
                Report(Descriptors.NotAConstant, field, field.Name, "must be a const field of an integer type (sbyte, byte, short, ushort, int, uint, long or ulong)");
                constants.Add(rejected);
                continue;
            }

            var (min, max, keyword) = range;
            if (constant.ConstructorArguments.FirstOrDefault().Value is not string cName || cName.Length == 0)
            {
                Report(Descriptors.NotAConstant, field, field.Name, "needs its C name: [AbiConstant(\"C_NAME\")]");
                constants.Add(rejected);
                continue;
            }

            if (byCName.TryGetValue(cName, out var first))
                Report(Descriptors.DuplicateConstantName, field, first, field.Name, type.Name, cName);
            else
                byCName.Add(cName, field.Name);
            if (field.Type.SpecialType == SpecialType.System_UInt64 && System.Convert.ToUInt64(field.ConstantValue, CultureInfo.InvariantCulture) > long.MaxValue)
                Report(Descriptors.ConstantOutOfRange, field, field.Name, "ulong", field.ConstantValue + " in AbiConstantTable's long");

            var values = new Dictionary<Target, long>();
            foreach (var on in perTarget)
            {
                if (on.ConstructorArguments.Length != 2 || on.ConstructorArguments[0].Value is not long value)
                    continue; // the compiler reports a malformed attribute
                var targets = on.ConstructorArguments[1].Values;
                if (targets.IsDefaultOrEmpty)
                    Report(Descriptors.ConstantTargetMissing, field, field.Name, $"gives {value} on no target: name the targets that have it");
                if (value < min || (value > 0 && (ulong)value > max))
                    Report(Descriptors.ConstantOutOfRange, field, field.Name, keyword, value.ToString(CultureInfo.InvariantCulture));
                foreach (var t in targets.IsDefault ? Enumerable.Empty<TypedConstant>() : targets)
                {
                    int raw = t.Value is int i ? i : -1;
                    if (raw < 0 || raw >= TargetAbi.All.Length)
                    {
                        Report(Descriptors.ConstantTargetMissing, field, field.Name, $"names {raw}, which is no AbiTarget");
                        continue;
                    }

                    var target = (Target)raw;
                    if (values.TryGetValue(target, out long earlier))
                        Report(Descriptors.ConflictingConstantTarget, field, field.Name, TargetAbi.All[raw].Name, earlier, value);
                    else
                        values.Add(target, value);
                }
            }

            constants.Add(new ConstantModel(field.Name, cName, keyword,
                values.OrderBy(p => p.Key).Select(p => new ConstantOnTarget(p.Key.ToString(), p.Value.ToString(CultureInfo.InvariantCulture))).ToEquatableArray()));
        }

        return new ConstantsModel(declaration, header, constants.ToEquatableArray(), !declared || HasErrors ? FirstError(0) : null);
    }

    /// <summary>The values a constant of an integer type can hold, and the type's keyword; null for any other type.</summary>
    private static (long Min, ulong Max, string Keyword)? Range(SpecialType type) => type switch
    {
        SpecialType.System_SByte => (sbyte.MinValue, (ulong)sbyte.MaxValue, "sbyte"),
        SpecialType.System_Byte => (0, byte.MaxValue, "byte"),
        SpecialType.System_Int16 => (short.MinValue, (ulong)short.MaxValue, "short"),
        SpecialType.System_UInt16 => (0, ushort.MaxValue, "ushort"),
        SpecialType.System_Int32 => (int.MinValue, int.MaxValue, "int"),
        SpecialType.System_UInt32 => (0, uint.MaxValue, "uint"),
        SpecialType.System_Int64 => (long.MinValue, long.MaxValue, "long"),
        SpecialType.System_UInt64 => (0, long.MaxValue, "ulong"), // AbiConstantTable holds longs
        _ => null,
    };
}
