using System;

namespace IoctlSharp;

/// <summary>
/// A <c>static partial class</c> of C constants (<c>#define</c>s and enum constants), each a <c>const</c> field with
/// <see cref="AbiConstantAttribute"/>. Its value is the one most targets have; <see cref="AbiValueOnAttribute"/>
/// gives a target its own. The generator adds <c>Constants</c> (an <see cref="AbiConstantTable"/> by C name) and,
/// per constant, <c>PerTarget.&lt;Name&gt;.For(target)</c> and <c>PerTarget.&lt;Name&gt;.Native</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AbiConstantsAttribute : Attribute
{
    /// <summary>Declares a class of C constants.</summary>
    public AbiConstantsAttribute() { }

    /// <summary>The header the constants come from (<c>&lt;asm/mman.h&gt;</c>), for <see cref="AbiConstantTable.Header"/>; the class name if not set.</summary>
    public string? Header { get; set; }
}

/// <summary>A C constant: the <c>const</c> integer field's value is the constant's on every target without an <see cref="AbiValueOnAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Field, Inherited = false)]
public sealed class AbiConstantAttribute : Attribute
{
    /// <summary>Declares the C constant <paramref name="name"/> (<c>MAP_ANONYMOUS</c>).</summary>
    public AbiConstantAttribute(string name) => Name = name;

    /// <summary>The C name.</summary>
    public string Name { get; }
}

/// <summary>The constant's value on <see cref="Targets"/>, where their headers give it another (mips's <c>MAP_ANONYMOUS</c> is 0x800).</summary>
[AttributeUsage(AttributeTargets.Field, AllowMultiple = true, Inherited = false)]
public sealed class AbiValueOnAttribute : Attribute
{
    /// <summary>Declares <paramref name="value"/> as the constant's value on <paramref name="targets"/> (at least one).</summary>
    public AbiValueOnAttribute(long value, params AbiTarget[] targets)
    {
        Value = value;
        Targets = targets;
    }

    /// <summary>The value.</summary>
    public long Value { get; }

    /// <summary>The targets that have it.</summary>
    public AbiTarget[] Targets { get; }
}
