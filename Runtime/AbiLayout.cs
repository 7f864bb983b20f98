using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;

namespace IoctlSharp;

/// <summary>Implemented by the generator on every <c>[AbiStruct]</c> and <c>[AbiUnion]</c>.</summary>
public interface IAbiStruct<TSelf> where TSelf : IAbiStruct<TSelf>
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

    /// <summary>
    /// The member at C path <paramref name="cPath"/>, as C writes it after <c>offsetof(struct x, …)</c>:
    /// <c>"ifr_ifru.ifru_map.irq"</c>, <c>"entries[3]"</c>, <c>"io.port"</c>. Members of anonymous structs and
    /// unions are reached by their own names, as in C. The result's <see cref="AbiFieldLayout.Offset"/> is from the
    /// start of this struct (not of the member's parent); an array element (one index per path segment) has the
    /// element's size and a count of 1.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No member has that path, or an index is past the array's end.</exception>
    public AbiFieldLayout Find(string cPath)
        => TryFind(cPath, out var field) ? field : throw new KeyNotFoundException($"{(IsUnion ? "union" : "struct")} {CName} has no member {cPath}.");

    /// <summary>The member at C path <paramref name="cPath"/> (see <see cref="Find"/>), or false.</summary>
    public bool TryFind(string cPath, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out AbiFieldLayout? field)
    {
        ArgumentNullException.ThrowIfNull(cPath);
        field = null;
        AbiStructLayout? layout = this;
        int offset = 0;
        foreach (var part in cPath.Split('.'))
        {
            int bracket = part.IndexOf('[');
            string name = bracket >= 0 ? part.Substring(0, bracket) : part;
            if (layout is null || name.Length == 0 || !layout.TryFindMember(name, ref offset, out var member))
                return false;
            int size = member.Size, count = member.Count;
            if (bracket >= 0)
            {
                if (part[part.Length - 1] != ']' || count <= 0
                    || !int.TryParse(part.AsSpan(bracket + 1, part.Length - bracket - 2), System.Globalization.NumberStyles.None,
                        System.Globalization.CultureInfo.InvariantCulture, out int index) || index >= count)
                    return false;
                size /= count;
                offset += index * size;
                count = 1;
            }

            layout = member.Nested;
            // Find's offsets are from this struct, the bit-fields' too.
            int shift = (offset - member.Offset) * 8;
            var bits = member.BitFields.Select(b => new AbiBitFieldLayout(b.Name, b.BitOffset + shift, b.Width, b.IsSigned)).ToArray();
            field = new AbiFieldLayout(member.Name, member.CName, offset, size, member.Alignment, count, member.Nested, member.IsAnonymous, bits);
        }

        return field is not null;
    }

    /// <summary>The member named <paramref name="cName"/> here or inside an anonymous member; adds its offset.</summary>
    private bool TryFindMember(string cName, ref int offset, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out AbiFieldLayout? found)
    {
        foreach (var f in Fields)
        {
            if (f.IsAnonymous && f.Nested is { } inner)
            {
                int inside = offset + f.Offset;
                if (inner.TryFindMember(cName, ref inside, out found))
                {
                    offset = inside;
                    return true;
                }
            }
            else if (f.CName == cName)
            {
                offset += f.Offset;
                found = f;
                return true;
            }
        }

        if (FlexibleArray is { } flex && flex.CName == cName)
        {
            offset += flex.Offset;
            found = flex;
            return true;
        }

        found = null;
        return false;
    }

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
    public AbiFieldLayout(string name, string cName, int offset, int size, int alignment, int count = 1, AbiStructLayout? nested = null,
        bool isAnonymous = false, AbiBitFieldLayout[]? bitFields = null)
    {
        Name = name;
        BitFields = bitFields ?? Array.Empty<AbiBitFieldLayout>();
        CName = cName;
        IsAnonymous = isAnonymous;
        Offset = offset;
        Size = size;
        Alignment = alignment;
        Count = count;
        Nested = nested;
    }

    /// <summary>The C# field name.</summary>
    public string Name { get; }
    /// <summary>
    /// The C member name (<c>ifr_ifrn</c>): <c>[AbiName]</c>, else the default rule of <see cref="AbiNameAttribute"/>.
    /// An anonymous member has none in C: its <see cref="CName"/> is empty and <see cref="IsAnonymous"/> is true.
    /// </summary>
    public string CName { get; }
    /// <summary>An anonymous struct or union member (<c>[AbiAnonymous]</c>): C paths pass through it without a name.</summary>
    public bool IsAnonymous { get; }
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
    public IReadOnlyList<AbiBitFieldLayout> BitFields { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{(IsAnonymous ? "(anonymous) " + Name : CName)} @{Offset} size {Size} align {Alignment}";
}

/// <summary>Queries the layouts IoctlSharp computed for a type.</summary>
public static class AbiLayout
{
    /// <summary>The C layout of <typeparamref name="T"/> on <paramref name="target"/>.</summary>
    public static AbiStructLayout Of<T>(AbiTarget target) where T : IAbiStruct<T> => T.GetAbiLayout(target);

    /// <summary>The C layout of <typeparamref name="T"/> for the running process, after checking that .NET laid it out the same way.</summary>
    public static AbiStructLayout Native<T>() where T : IAbiStruct<T>
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
    public static void EnsureNative<T>() where T : IAbiStruct<T>
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
    public static string? CompareNative<T>(AbiTarget target) where T : IAbiStruct<T> => T.CompareNativeLayout(target);

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

    private static class NativeCheck<T> where T : IAbiStruct<T>
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
