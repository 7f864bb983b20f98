using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace IoctlSharp;

/// <summary>Implemented by the generator on every <c>[AbiStruct]</c> and <c>[AbiUnion]</c>.</summary>
public interface IAbiStruct<TSelf> where TSelf : unmanaged, IAbiStruct<TSelf>
{
    /// <summary>The C layout of the type on <paramref name="target"/>, computed at compile time.</summary>
    static abstract AbiStructLayout GetAbiLayout(AbiTarget target);

    /// <summary>
    /// Compares the layout .NET gave the type in this process with the C layout for <paramref name="target"/>
    /// (nested types included); returns null when they agree, or what differs.
    /// </summary>
    static abstract string? CompareNativeLayout(AbiTarget target);
}

/// <summary>One C struct or union laid out for one target.</summary>
public sealed class AbiStructLayout
{
    /// <summary>Where the multi-byte scalars are, for <see cref="PeerByteOrder"/>; computed on first use.</summary>
    internal int[]? SwapPlan;

    /// <summary>Creates a layout; called by generated code.</summary>
    public AbiStructLayout(string name, string cName, AbiTarget target, bool isUnion, int size, int alignment,
        AbiFieldLayout[] fields, AbiFieldLayout? flexibleArray = null)
    {
        Name = name;
        CName = cName;
        Target = target;
        IsUnion = isUnion;
        Size = size;
        Alignment = alignment;
        Fields = fields;
        FlexibleArray = flexibleArray;
    }

    /// <summary>The C# type name.</summary>
    public string Name { get; }
    /// <summary>The C name (<c>kvm_regs</c>).</summary>
    public string CName { get; }
    /// <summary>The target this layout is for.</summary>
    public AbiTarget Target { get; }
    /// <summary>True for a union.</summary>
    public bool IsUnion { get; }
    /// <summary><c>sizeof</c> on the target.</summary>
    public int Size { get; }
    /// <summary><c>_Alignof</c> on the target.</summary>
    public int Alignment { get; }
    /// <summary>The members in declaration order.</summary>
    public IReadOnlyList<AbiFieldLayout> Fields { get; }
    /// <summary>The flexible array member, if the struct ends in one.</summary>
    public AbiFieldLayout? FlexibleArray { get; }

    /// <summary>The member named <paramref name="name"/> (the C# field name).</summary>
    public AbiFieldLayout this[string name]
    {
        get
        {
            foreach (var f in Fields)
                if (f.Name == name) return f;
            if (FlexibleArray?.Name == name) return FlexibleArray;
            throw new KeyNotFoundException($"{Name} has no field {name}.");
        }
    }

    /// <summary>The bit-field whose C name is <paramref name="cName"/>, in any member of this struct (not of nested ones).</summary>
    public AbiBitFieldLayout BitField(string cName)
    {
        foreach (var f in Fields)
            foreach (var b in f.BitFields)
                if (b.Name == cName) return b;
        throw new KeyNotFoundException($"{Name} has no bit-field {cName}.");
    }

    /// <inheritdoc/>
    public override string ToString() => $"{(IsUnion ? "union" : "struct")} {CName} on {Target.CName()}: size {Size}, align {Alignment}";
}

/// <summary>One member of a laid-out struct.</summary>
public sealed class AbiFieldLayout
{
    /// <summary>Creates a member layout; called by generated code.</summary>
    public AbiFieldLayout(string name, int offset, int size, int alignment, int count = 1, AbiStructLayout? nested = null)
    {
        Name = name;
        Offset = offset;
        Size = size;
        Alignment = alignment;
        Count = count;
        Nested = nested;
    }

    /// <summary>The C# field name.</summary>
    public string Name { get; }
    /// <summary><c>offsetof</c> within the enclosing struct.</summary>
    public int Offset { get; }
    /// <summary>The member's size (for an array, all its elements; 0 for a flexible array).</summary>
    public int Size { get; }
    /// <summary>The member's alignment within the struct, after packing and <c>aligned</c>.</summary>
    public int Alignment { get; }
    /// <summary>The element count of an array member; 1 for a scalar; 0 for a flexible array.</summary>
    public int Count { get; }
    /// <summary>The layout of a struct or union member (or array element), else null.</summary>
    public AbiStructLayout? Nested { get; }

    /// <summary>
    /// The C bit-fields this member stores (<see cref="AbiBitFieldAttribute"/>), in declaration order, each with its
    /// bit offset from the start of the struct and its width; empty for an ordinary member.
    /// </summary>
    public IReadOnlyList<AbiBitFieldLayout> BitFields { get; } = Array.Empty<AbiBitFieldLayout>();

    /// <summary>Creates the layout of a member that stores bit-fields; called by generated code.</summary>
    public AbiFieldLayout(string name, int offset, int size, int alignment, AbiBitFieldLayout[] bitFields)
        : this(name, offset, size, alignment) => BitFields = bitFields;

    /// <inheritdoc/>
    public override string ToString() => $"{Name} @{Offset} size {Size} align {Alignment}";
}

/// <summary>Queries the layouts IoctlSharp computed for a type.</summary>
public static class AbiLayout
{
    /// <summary>The C layout of <typeparamref name="T"/> on <paramref name="target"/>.</summary>
    public static AbiStructLayout Of<T>(AbiTarget target) where T : unmanaged, IAbiStruct<T> => T.GetAbiLayout(target);

    /// <summary>The C layout of <typeparamref name="T"/> for the running process, after checking that .NET laid it out the same way.</summary>
    public static AbiStructLayout Native<T>() where T : unmanaged, IAbiStruct<T>
    {
        EnsureNative<T>();
        return T.GetAbiLayout(AbiTargets.RequireCurrent());
    }

    /// <summary>
    /// Throws <see cref="AbiLayoutException"/> if .NET's layout of <typeparamref name="T"/> in this process is not
    /// the C layout of this process's ABI (an AnyCPU assembly loaded by a process whose ABI the C# declaration
    /// cannot express). The check runs once per type; afterwards this is a read of a static field.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void EnsureNative<T>() where T : unmanaged, IAbiStruct<T>
    {
        if (NativeCheck<T>.Error is { } error)
            throw new AbiLayoutException(error);
    }

    /// <summary>The offset of <paramref name="field"/> within <paramref name="instance"/>; used by generated checks.</summary>
    public static int OffsetOf<TStruct, TField>(in TStruct instance, in TField field)
        => (int)Unsafe.ByteOffset(
            ref Unsafe.As<TStruct, byte>(ref Unsafe.AsRef(in instance)),
            ref Unsafe.As<TField, byte>(ref Unsafe.AsRef(in field)));

    /// <summary>Compares .NET's layout of <typeparamref name="T"/> with its C layout on <paramref name="target"/>; used by generated checks of enclosing types.</summary>
    public static string? CompareNative<T>(AbiTarget target) where T : unmanaged, IAbiStruct<T> => T.CompareNativeLayout(target);

    /// <summary>
    /// Compares a measured .NET layout (size and top-level field offsets, in declaration order) with the C layout;
    /// used by generated checks. Returns null when they agree.
    /// </summary>
    public static string? CompareMeasured(AbiStructLayout expected, int measuredSize, ReadOnlySpan<int> measuredOffsets)
    {
        if (measuredSize != expected.Size)
            return $"{expected.Name}: .NET lays it out in {measuredSize} bytes, but {expected.CName} is {expected.Size} bytes on {expected.Target.CName()}.";
        for (int i = 0; i < measuredOffsets.Length && i < expected.Fields.Count; i++)
        {
            var f = expected.Fields[i];
            if (measuredOffsets[i] != f.Offset)
                return $"{expected.Name}.{f.Name}: .NET puts it at offset {measuredOffsets[i]}, but C puts it at {f.Offset} on {expected.Target.CName()}.";
        }
        return null;
    }

    private static class NativeCheck<T> where T : unmanaged, IAbiStruct<T>
    {
        public static readonly string? Error = Compute();

        private static string? Compute()
        {
            if (AbiTargets.Current is not { } target)
                return $"{typeof(T).Name}: IoctlSharp has no ABI for process architecture {System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture}.";
            return T.CompareNativeLayout(target);
        }
    }
}

/// <summary>
/// .NET's layout of an ABI type in this process differs from the C layout of this process's ABI, so the type
/// cannot be passed to the driver as it is (use its generated 32-bit twin or an explicit declaration instead).
/// </summary>
public sealed class AbiLayoutException : PlatformNotSupportedException
{
    /// <summary>Creates the exception with the difference found.</summary>
    public AbiLayoutException(string message) : base(message) { }
}
