using System;
using System.Collections.Generic;
using System.Linq;
using IoctlSharp.Generators.Abi;
using IoctlSharp.Generators.Diagnostics;
using IoctlSharp.Generators.Model;
using IoctlSharp.Generators.Rendering;
using Microsoft.CodeAnalysis;

namespace IoctlSharp.Generators;

// Per-target C types: [AbiTypedef] structs (__kernel_old_dev_t and the like) and [AbiLength] arrays.
internal sealed partial class Parser
{
    private const string AbiTypedefAttribute = "IoctlSharp.AbiTypedefAttribute";
    private const string AbiTypedefTargetAttribute = "IoctlSharp.AbiTypedefTargetAttribute";
    private const string AbiLengthAttribute = "IoctlSharp.AbiLengthAttribute";

    private static AttributeData? TypedefAttribute(INamedTypeSymbol type)
        => type.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == AbiTypedefAttribute);

    /// <summary>A fixed-width integer's kind, or null.</summary>
    private static ScalarKind? IntegerKind(ITypeSymbol? type) => type?.SpecialType switch
    {
        SpecialType.System_Byte => ScalarKind.U8,
        SpecialType.System_SByte => ScalarKind.S8,
        SpecialType.System_UInt16 => ScalarKind.U16,
        SpecialType.System_Int16 => ScalarKind.S16,
        SpecialType.System_UInt32 => ScalarKind.U32,
        SpecialType.System_Int32 => ScalarKind.S32,
        SpecialType.System_UInt64 => ScalarKind.U64,
        SpecialType.System_Int64 => ScalarKind.S64,
        _ => null,
    };

    /// <summary>
    /// The C type of an [AbiTypedef] struct: its Value's kind in .NET and its type on every target; null, with an
    /// ISH151–ISH153 error reported on <paramref name="reportOn"/>, when the declaration is not one.
    /// </summary>
    private AbiType? MapTypedef(INamedTypeSymbol named, AttributeData attribute, string csharpName, ISymbol reportOn)
    {
        string cName = attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value is string s && s.Length > 0 ? s : named.Name;
        var perTarget = new ScalarKind?[TargetAbi.All.Length];
        if (attribute.ConstructorArguments.Length == 2)
        {
            var type = attribute.ConstructorArguments[1].Value as ITypeSymbol;
            if (IntegerKind(type) is not { } kind)
            {
                Report(Descriptors.TypedefNotInteger, reportOn, named.Name, cName, type?.ToDisplayString() ?? "null", "by default");
                return null;
            }

            for (int i = 0; i < perTarget.Length; i++) perTarget[i] = kind;
        }

        var named_ = new bool[perTarget.Length];
        foreach (var a in named.GetAttributes().Where(a => a.AttributeClass?.ToDisplayString() == AbiTypedefTargetAttribute))
        {
            if (a.ConstructorArguments.Length != 2)
                return null; // does not compile
            var type = a.ConstructorArguments[0].Value as ITypeSymbol;
            var targets = a.ConstructorArguments[1].Kind == TypedConstantKind.Array ? a.ConstructorArguments[1].Values : default;
            if (IntegerKind(type) is not { } kind)
            {
                Report(Descriptors.TypedefNotInteger, reportOn, named.Name, cName, type?.ToDisplayString() ?? "null", "in an [AbiTypedefTarget]");
                return null;
            }

            if (targets.IsDefaultOrEmpty)
            {
                Report(Descriptors.TypedefTargetWithoutType, reportOn, named.Name, cName, $"has an [AbiTypedefTarget(typeof({type!.ToDisplayString()}))] that names no target");
                return null;
            }

            foreach (var t in targets)
            {
                if (t.Value is not int index || index < 0 || index >= perTarget.Length)
                {
                    Report(Descriptors.TypedefTargetWithoutType, reportOn, named.Name, cName, $"names target value {t.Value}, which is no AbiTarget");
                    return null;
                }

                if (named_[index])
                {
                    Report(Descriptors.TypedefTargetWithoutType, reportOn, named.Name, cName, $"names {TargetAbi.All[index].Name} in two [AbiTypedefTarget]s");
                    return null;
                }

                named_[index] = true;
                perTarget[index] = kind;
            }
        }

        var missing = TargetAbi.All.Where(t => perTarget[(int)t.Target] is null).Select(t => t.Name).ToList();
        if (missing.Count > 0)
        {
            Report(Descriptors.TypedefTargetWithoutType, reportOn, named.Name, cName,
                $"has no type for {string.Join(", ", missing)}: give [AbiTypedef] a default type or name the target in an [AbiTypedefTarget]");
            return null;
        }

        var fields = named.GetMembers().OfType<IFieldSymbol>().Where(f => !f.IsStatic).ToList();
        if (fields.Count != 1 || fields[0].Name != "Value")
        {
            Report(Descriptors.TypedefValueMismatch, reportOn, named.Name, cName, "must have exactly one instance field, named Value, that holds the value");
            return null;
        }

        if (IntegerKind(fields[0].Type) is not { } value)
        {
            Report(Descriptors.TypedefNotInteger, reportOn, named.Name, cName, fields[0].Type.ToDisplayString(), "as its Value");
            return null;
        }

        var onX64 = perTarget[(int)Target.X86_64]!.Value;
        var onArm64 = perTarget[(int)Target.Aarch64]!.Value;
        if (value != onX64 && value != onArm64)
        {
            Report(Descriptors.TypedefValueMismatch, reportOn, named.Name, cName,
                $"holds a '{fields[0].Type.ToDisplayString()}' Value, but is '{CSharpText.IntegerKeyword(onX64)}' on x86_64 and '{CSharpText.IntegerKeyword(onArm64)}' on aarch64: a struct holding it would be right in no 64-bit .NET process");
            return null;
        }

        return new AbiType(AbiTypeKind.Scalar, value, csharpName, cName,
            PerTarget: perTarget.Select(k => (int)k!.Value).ToEquatableArray());
    }

    /// <summary>C's integer types by name, as <c>sizeof(...)</c> in an [AbiLength] may spell them.</summary>
    private static readonly Dictionary<string, ScalarKind> s_cIntegers = new(StringComparer.Ordinal)
    {
        ["char"] = ScalarKind.U8, ["signed char"] = ScalarKind.S8, ["unsigned char"] = ScalarKind.U8,
        ["short"] = ScalarKind.S16, ["short int"] = ScalarKind.S16, ["signed short"] = ScalarKind.S16,
        ["unsigned short"] = ScalarKind.U16, ["unsigned short int"] = ScalarKind.U16,
        ["int"] = ScalarKind.S32, ["signed"] = ScalarKind.S32, ["signed int"] = ScalarKind.S32,
        ["unsigned"] = ScalarKind.U32, ["unsigned int"] = ScalarKind.U32,
        ["long"] = ScalarKind.CLong, ["long int"] = ScalarKind.CLong, ["signed long"] = ScalarKind.CLong,
        ["unsigned long"] = ScalarKind.CULong, ["unsigned long int"] = ScalarKind.CULong,
        ["long long"] = ScalarKind.S64, ["long long int"] = ScalarKind.S64, ["unsigned long long"] = ScalarKind.U64,
        ["__u8"] = ScalarKind.U8, ["__s8"] = ScalarKind.S8, ["__u16"] = ScalarKind.U16, ["__s16"] = ScalarKind.S16,
        ["__u32"] = ScalarKind.U32, ["__s32"] = ScalarKind.S32, ["__u64"] = ScalarKind.U64, ["__s64"] = ScalarKind.S64,
        ["__le16"] = ScalarKind.U16, ["__be16"] = ScalarKind.U16, ["__le32"] = ScalarKind.U32, ["__be32"] = ScalarKind.U32,
        ["__le64"] = ScalarKind.U64, ["__be64"] = ScalarKind.U64,
    };

    /// <summary>
    /// <paramref name="type"/> with its [AbiLength] lengths, or null with an ISH150/ISH154–ISH157 error reported:
    /// the expression is evaluated on every target, and in .NET (with x86_64's sizes and the typedefs' Values),
    /// where it must give the declared array's length.
    /// </summary>
    private AbiType? ApplyLength(IFieldSymbol field, AbiType type, AttributeData attribute, ISymbol at)
    {
        string text = attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string t ? t : "";
        if (type.Kind != AbiTypeKind.Array)
        {
            Report(Descriptors.LengthOnNonArray, at, field.Name);
            return null;
        }

        if (LengthExpression.Parse(text, out var error) is not { } expression)
        {
            Report(Descriptors.InvalidLengthExpression, at, field.Name, text, error);
            return null;
        }

        // Each sizeof's type: a C integer type, or a typedef declared in the runtime or beside the struct.
        var types = new Dictionary<string, AbiType>(StringComparer.Ordinal);
        foreach (var name in expression.Types.Distinct())
        {
            if (s_cIntegers.TryGetValue(name, out var kind))
                types[name] = Scalar(kind, name);
            else if (name.EndsWith("*", StringComparison.Ordinal))
                types[name] = Scalar(ScalarKind.Pointer, name);
            else if (FindTypedef(name, attribute.AttributeClass, field.ContainingType) is { } typedef)
            {
                var mapped = MapTypedef(typedef.Type, typedef.Attribute, typedef.Type.ToDisplayString(FullName), at);
                if (mapped is null)
                    return null;
                types[name] = mapped;
            }
            else
            {
                Report(Descriptors.UnknownSizeofType, at, field.Name, name);
                return null;
            }
        }

        var lengths = new int[TargetAbi.All.Length];
        foreach (var target in TargetAbi.All)
        {
            if (Evaluate(field, text, expression, n => LayoutEngine.Scalar(types[n].ScalarOn(target), target).Size, target.Name, at) is not int length)
                return null;
            lengths[(int)target.Target] = length;
        }

        if (Evaluate(field, text, expression, n => LayoutEngine.Scalar(types[n].Scalar, TargetAbi.X86_64).Size, "a 64-bit .NET process", at) is not int net)
            return null;
        if (net != type.Length)
        {
            Report(Descriptors.LengthContradictsArray, at, field.Name, net, type.Length);
            return null;
        }

        return lengths.All(l => l == type.Length) ? type : type with { Lengths = lengths.ToEquatableArray() };
    }

    private int? Evaluate(IFieldSymbol field, string text, LengthExpression expression, Func<string, long> sizeOf, string where, ISymbol at)
    {
        long value;
        try
        {
            value = expression.Evaluate(sizeOf);
        }
        catch (DivideByZeroException)
        {
            Report(Descriptors.InvalidLengthExpression, at, field.Name, text, $"it divides by zero on {where}");
            return null;
        }
        catch (OverflowException)
        {
            Report(Descriptors.InvalidLengthExpression, at, field.Name, text, $"it overflows on {where}");
            return null;
        }

        if (value < 1 || value > int.MaxValue)
        {
            Report(Descriptors.LengthNotPositive, at, field.Name, value, where);
            return null;
        }

        return (int)value;
    }

    /// <summary>The [AbiTypedef] struct whose C name is <paramref name="cName"/>: in the IoctlSharp runtime, or in the struct's own namespace.</summary>
    private static (INamedTypeSymbol Type, AttributeData Attribute)? FindTypedef(string cName, INamedTypeSymbol? runtimeAttribute, INamedTypeSymbol owner)
    {
        var places = new[] { runtimeAttribute?.ContainingNamespace, owner.ContainingNamespace };
        foreach (var ns in places)
        {
            if (ns is null) continue;
            foreach (var candidate in ns.GetTypeMembers())
            {
                if (candidate.TypeKind == TypeKind.Struct && TypedefAttribute(candidate) is { } a
                    && a.ConstructorArguments.Length > 0 && a.ConstructorArguments[0].Value as string == cName)
                    return (candidate, a);
            }
        }

        return null;
    }
}
