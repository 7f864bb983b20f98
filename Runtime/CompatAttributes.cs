using System;

namespace IoctlSharp;

/// <summary>
/// On a struct member whose type is an <c>[AbiUnion]</c>: names the sibling member that says which of the union's
/// members is active (vboxguest's <c>vmmdev_hgcm_function_parameter.type</c>). The generated 32-bit conversions
/// then translate the active member only, chosen by the union members' <see cref="AbiCaseAttribute"/>s; a
/// discriminator value no member claims is an error (<see cref="AbiConversionException"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Field, Inherited = false)]
public sealed class AbiDiscriminatorAttribute : Attribute
{
    /// <summary>Declares the discriminator: an integer or enum member of the same struct (use <c>nameof</c>).</summary>
    public AbiDiscriminatorAttribute(string member) => Member = member;

    /// <summary>The discriminator member's name.</summary>
    public string Member { get; }
}

/// <summary>
/// On a member of an <c>[AbiUnion]</c>: the discriminator values that make this member the active one
/// (<c>[AbiCase(ParameterType.LinAddr, ParameterType.LinAddrIn, ParameterType.LinAddrOut)]</c>). Integers or
/// enum constants.
/// </summary>
[AttributeUsage(AttributeTargets.Field, Inherited = false)]
public sealed class AbiCaseAttribute : Attribute
{
    /// <summary>Declares the values that select this member.</summary>
    public AbiCaseAttribute(params object[] values) => Values = values;

    /// <summary>The values.</summary>
    public object[] Values { get; }
}
