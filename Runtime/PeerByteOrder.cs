using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Threading;

namespace IoctlSharp;

/// <summary>
/// Puts a peer's struct into this process's byte order and back: every scalar of two, four or eight bytes, at the
/// offsets the layout engine computed for the peer's target (<see cref="AbiLayout.Of{T}"/>), reversed when the
/// peer's byte order is not this process's. A 32-bit twin holds values in this process's byte order; its Read,
/// Write and the byte-span conversions go through here.
/// </summary>
internal static class PeerByteOrder
{
    /// <summary>True when a peer of <paramref name="target"/> stores multi-byte values in the other order than this process.</summary>
    public static bool Differs(AbiTarget target) => target.IsBigEndian() == BitConverter.IsLittleEndian;

    /// <summary>Reverses, in place, every multi-byte scalar of the struct <paramref name="layout"/> describes at the start of <paramref name="bytes"/>.</summary>
    public static void Reverse(Span<byte> bytes, AbiStructLayout layout)
    {
        var plan = PlanOf(layout);
        for (int i = 0; i < plan.Length; i += 2)
        {
            var at = bytes.Slice(plan[i], plan[i + 1]);
            switch (plan[i + 1])
            {
                case 2: BinaryPrimitives.WriteUInt16LittleEndian(at, BinaryPrimitives.ReadUInt16BigEndian(at)); break;
                case 4: BinaryPrimitives.WriteUInt32LittleEndian(at, BinaryPrimitives.ReadUInt32BigEndian(at)); break;
                default: BinaryPrimitives.WriteUInt64LittleEndian(at, BinaryPrimitives.ReadUInt64BigEndian(at)); break;
            }
        }
    }

    /// <summary>(offset, width) pairs of every scalar wider than a byte, computed once per layout.</summary>
    private static int[] PlanOf(AbiStructLayout layout)
    {
        var plan = Volatile.Read(ref layout.SwapPlan);
        if (plan is not null)
            return plan;
        var pairs = new List<int>();
        Add(layout, 0, pairs, layout.Name);
        plan = pairs.ToArray();
        Volatile.Write(ref layout.SwapPlan, plan);
        return plan;
    }

    private static void Add(AbiStructLayout layout, int at, List<int> plan, string path)
    {
        if (layout.IsUnion)
        {
            // The members overlap: their bytes can be put in order without knowing which is active only when every
            // member has the same scalars at the same offsets (union { __u64 phys_addr; __u64 linear_addr; }).
            List<int>? first = null;
            foreach (var member in layout.Fields)
            {
                var own = new List<int>();
                AddField(member, at, own, path + "." + member.Name);
                if (first is null) first = own;
                else if (!Same(first, own))
                    throw new NotSupportedException(
                        $"{path} is a union whose members are not the same scalars ({layout.Fields[0].Name}, {member.Name}); a {layout.Target.CName()} peer's "
                        + "bytes cannot be put in this process's byte order without knowing which member is active. Read its bytes member by member.");
            }

            if (first is not null) plan.AddRange(first);
            return;
        }

        foreach (var field in layout.Fields)
            AddField(field, at, plan, path + "." + field.Name);
    }

    private static void AddField(AbiFieldLayout field, int at, List<int> plan, string path)
    {
        int count = field.Count;
        if (field.Nested is { } nested)
        {
            for (int i = 0; i < count; i++)
                Add(nested, at + field.Offset + i * nested.Size, plan, path);
            return;
        }

        // A bit-field storage member is raw bytes: its bit-fields' offsets are in the peer's own bit numbering.
        if (field.BitFields.Count > 0)
            return;
        int width = count > 1 ? field.Size / count : field.Size;
        if (width is 2 or 4 or 8)
            for (int i = 0; i < count; i++)
            {
                plan.Add(at + field.Offset + i * width);
                plan.Add(width);
            }
    }

    private static bool Same(List<int> a, List<int> b)
    {
        if (a.Count != b.Count) return false;
        for (int i = 0; i < a.Count; i++)
            if (a[i] != b[i]) return false;
        return true;
    }
}
