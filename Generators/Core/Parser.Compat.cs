using System;
using System.Collections.Generic;
using System.Linq;
using IoctlSharp.Generators.Abi;
using IoctlSharp.Generators.Diagnostics;
using IoctlSharp.Generators.Model;
using Microsoft.CodeAnalysis;

namespace IoctlSharp.Generators;

// The 32-bit conversion attributes: [AbiDiscriminator] on a struct member holding a union, [AbiCase] on union members.
internal sealed partial class Parser
{
    private const string AbiDiscriminatorAttribute = "IoctlSharp.AbiDiscriminatorAttribute";
    private const string AbiCaseAttribute = "IoctlSharp.AbiCaseAttribute";

    private bool TryParseCompat(IFieldSymbol field, ISymbol at, bool isUnion, out FieldCompat? compat)
    {
        compat = null;
        string? discriminator = null;
        List<long>? cases = null;
        foreach (var a in field.GetAttributes())
        {
            switch (a.AttributeClass?.ToDisplayString())
            {
                case AbiDiscriminatorAttribute:
                    discriminator = a.ConstructorArguments.Length == 1 ? a.ConstructorArguments[0].Value as string : null;
                    if (isUnion || string.IsNullOrEmpty(discriminator))
                    {
                        Report(Descriptors.InvalidAttributeValue, at, "AbiDiscriminator", field.Name, discriminator ?? "null",
                            isUnion ? "a discriminator belongs on the struct member that holds the union" : "name a member of the same struct");
                        return false;
                    }

                    break;
                case AbiCaseAttribute:
                    if (!isUnion)
                    {
                        Report(Descriptors.InvalidAttributeValue, at, "AbiCase", field.Name, "set", "cases belong on the members of an [AbiUnion]");
                        return false;
                    }

                    cases ??= new List<long>();
                    var values = a.ConstructorArguments.Length == 1 && a.ConstructorArguments[0].Kind == TypedConstantKind.Array
                        ? a.ConstructorArguments[0].Values : a.ConstructorArguments;
                    foreach (var v in values)
                    {
                        long? value = v.Value switch
                        {
                            byte b => b, sbyte sb => sb, ushort us => us, short s => s, uint ui => ui, int i => i,
                            ulong ul => unchecked((long)ul), long l => l,
                            _ => null,
                        };
                        if (value is null)
                        {
                            Report(Descriptors.InvalidAttributeValue, at, "AbiCase", field.Name, v.Value ?? "null", "a case is an integer or enum constant");
                            return false;
                        }

                        cases.Add(value.Value);
                    }

                    break;
            }
        }

        if (discriminator is not null || cases is not null || field.IsReadOnly)
            compat = new FieldCompat(discriminator, (cases ?? new List<long>()).ToEquatableArray(), field.IsReadOnly);
        return true;
    }

    /// <summary>Discriminators name an integer sibling and hold a union whose cases are distinct; warns when a
    /// union laid out differently on a 32-bit ABI has no discriminator (no conversions can be generated).</summary>
    private void CheckCompat(INamedTypeSymbol type, AggregateModel aggregate)
    {
        foreach (var f in aggregate.Fields)
        {
            if (f.Compat?.Discriminator is not { } name)
                continue;
            var at = (ISymbol?)type.GetMembers(f.Name).FirstOrDefault() ?? type;
            var sibling = aggregate.Fields.FirstOrDefault(s => s.Name == name);
            if (sibling is null || sibling.Type.Kind != AbiTypeKind.Scalar
                || sibling.Type.Scalar is not (ScalarKind.U8 or ScalarKind.S8 or ScalarKind.U16 or ScalarKind.S16 or ScalarKind.U32 or ScalarKind.S32 or ScalarKind.U64 or ScalarKind.S64))
            {
                Report(Descriptors.InvalidAttributeValue, at, "AbiDiscriminator", f.Name, name, "it must name an integer or enum member of the same struct");
                continue;
            }

            if (f.Type.Aggregate is not { IsUnion: true } union)
            {
                Report(Descriptors.InvalidAttributeValue, at, "AbiDiscriminator", f.Name, name, "the member it is on must have an [AbiUnion] type");
                continue;
            }

            var seen = new HashSet<long>();
            foreach (var member in union.Fields)
            foreach (long value in member.Compat?.Cases ?? EquatableArray<long>.Empty)
            {
                if (!seen.Add(value))
                    Report(Descriptors.InvalidAttributeValue, at, "AbiCase", member.Name, value, $"another member of '{union.Name}' already claims this value");
            }
        }

        foreach (var target in _checked?.Twins ?? Enumerable.Empty<TargetAbi>())
        {
            // Each member on its own, so that a union whose active member is chosen elsewhere (accepted) does not
            // hide a later one that nothing chooses.
            foreach (var f in aggregate.Fields)
            {
                if (CompatPlan.Blocker(aggregate with { Fields = new[] { f }.ToEquatableArray() }, target) is null)
                    continue;
                var at = (ISymbol?)type.GetMembers(f.Name).FirstOrDefault() ?? type;
                if (ActiveMemberChosenElsewhere(at))
                    continue;
                Report(Descriptors.NoCompatConversion, at, type.Name, f.Name, target.Name);
                return;
            }
        }
    }

    /// <summary>
    /// The member holds a union declared <c>[AbiUnion(ActiveMemberChosenBy = "...")]</c>: its active member is chosen
    /// by something that is not a member of the struct (<c>struct ifreq</c>'s by the request), so the struct accepts
    /// having no 32-bit conversions and ISH111 has nothing to say.
    /// </summary>
    private static bool ActiveMemberChosenElsewhere(ISymbol member)
        => member is IFieldSymbol { Type: { } union } && union.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == AbiUnionAttribute
            && a.NamedArguments.Any(n => n.Key == "ActiveMemberChosenBy" && n.Value.Value is string why && why.Trim().Length > 0));
}
