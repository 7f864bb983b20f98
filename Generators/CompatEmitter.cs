using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using IoctlSharp.Generators.Abi;
using IoctlSharp.Generators.Model;
using IoctlSharp.Generators.Rendering;

namespace IoctlSharp.Generators;

/// <summary>
/// The 32-bit twins of an ABI struct or union and the conversions between them and the declaration: one nested
/// struct per 32-bit ABI whose layout differs from the native one (<c>T.I386</c>, <c>T.Arm32</c>), with every member
/// at its C offset on that ABI, as the layout engine computes it.
/// </summary>
internal static class CompatEmitter
{
    private const string Rt = "global::IoctlSharp.";
    private const string Interop = "global::System.Runtime.InteropServices.";

    /// <summary>The lines the struct's own generated file carries about its twins.</summary>
    public static IEnumerable<string> Summary(AggregateModel a, TargetSet targets)
    {
        var candidates = targets.Twins.ToList();
        var twins = candidates.Where(t => CompatPlan.NeedsTwin(a, t)).ToList();
        if (twins.Count == 0)
        {
            yield return candidates.Count == 0
                ? "// 32-bit twins: none; IoctlSharpTargets holds no 32-bit target."
                : $"// 32-bit twins: none; {string.Join(" and ", candidates.Select(t => t.Name))} put{(candidates.Count == 1 ? "s" : "")} every member where x86_64 does, so a 32-bit peer's bytes are this type's.";
            yield break;
        }

        var same = candidates.Except(twins).Select(t => t.Name).ToList();
        yield return "// 32-bit twins: " + string.Join(", ", twins.Select(t => $"{CompatPlan.TwinName(a, t)} ({t.Name}, {LayoutEngine.Layout(a, t).Size} bytes)"))
            + (twins.All(t => CompatPlan.Convertible(a, t)) ? ", converted both ways"
                : twins.Any(t => CompatPlan.HasReadOnlyMember(a, t)) ? ", layout only (a readonly member, or an [InlineArray] of pointers, cannot be converted)"
                : twins.Any(t => CompatPlan.LengthDiffers(a, t)) ? ", layout only (an [AbiLength] array has another length there)"
                : a.IsUnion ? ", layout only (the struct holding it converts the member its [AbiDiscriminator] selects)"
                : ", layout only (no conversions: see ISH111)")
            + (same.Count > 0 ? $"; {string.Join(" and ", same)} lays it out as x86_64 does." : ".");
    }

    /// <summary>The twins file, or null when the type has no twin.</summary>
    public static string? Emit(StructModel model, TargetSet targets)
    {
        if (model.Aggregate is not { } a)
            return null;
        var twins = targets.Twins.Where(t => CompatPlan.NeedsTwin(a, t)).ToList();
        if (twins.Count == 0)
            return null;

        var w = Emitter.BeginFile(model.Declaration);
        w.Open($"partial {model.Declaration.Keyword} {Id(model.Declaration.Name)}");
        for (int i = 0; i < twins.Count; i++)
        {
            if (i > 0) w.Line();
            EmitTwin(w, a, twins[i]);
        }

        w.Close();
        return Emitter.EndFile(w, model.Declaration);
    }

    private static void EmitTwin(SourceWriter w, AggregateModel a, TargetAbi target)
    {
        var layout = LayoutEngine.Layout(a, target);
        string name = CompatPlan.TwinName(a, target);
        string kind = a.IsUnion ? "union" : "struct";
        bool convertible = CompatPlan.Convertible(a, target);
        bool needsUnsafe = a.Fields.Any(f => f.IsFixedBuffer) || (convertible && UsesPointers(a));
        string native = a.FullName;
        // The twin mirrors the declaration's member names; a generated member whose name a member takes is left
        // out (its generic form in AbiCompat remains), and the interface's Widen/Narrow become explicit.
        var memberNames = new HashSet<string>(a.Fields.Select(f => f.Name), StringComparer.Ordinal);
        bool Free(string generated) => !memberNames.Contains(generated);
        var taken = new HashSet<string>(memberNames, StringComparer.Ordinal) { name };
        taken.UnionWith(GeneratedMembers);

        w.Line($"/// <summary>");
        w.Line($"/// <c>{kind} {Rendering.CSharpText.Comment(a.CName)}</c> as {target.Name} lays it out ({layout.Size} bytes): a 32-bit peer's bytes, member by member.");
        if (convertible && a.IsUnion)
            w.Line($"/// Every member is a <c>{Rendering.CSharpText.Comment(a.Fields[0].Type.CName)}</c>: the conversions translate <see cref=\"{Id(a.Fields[0].Name)}\"/>, which is all of them.");
        w.Line(convertible
            ? $"/// Convert with {(Free("ToNative") ? "<see cref=\"ToNative\"/>" : "AbiCompat.ToNative")} (widening) and {(Free("FromNative") ? "<see cref=\"FromNative\"/>" : "AbiCompat.FromNative")} (checked narrowing)."
            : CompatPlan.HasReadOnlyMember(a, target)
                ? "/// No conversions: a readonly member cannot be assigned (nor an [InlineArray] of pointers indexed)."
            : CompatPlan.LengthDiffers(a, target)
                ? "/// No conversions: an [AbiLength] array has another length here than in .NET."
            : a.IsUnion
                ? "/// No conversions of its own: the struct holding it names the active member with [AbiDiscriminator]."
                : "/// No conversions: a member holds a union laid out differently without a discriminator (ISH111).");
        w.Line($"/// </summary>");
        w.Line($"/// <remarks>Pointers, <c>long</c>, <c>size_t</c> are 4 bytes here{(target.Int64Align == 4 ? "; 64-bit members are 4-byte aligned" : "")}. Members hold values in this process's byte order; Read, Write and the byte-span conversions convert from and to {target.Name}'s ({(target.BigEndian ? "big" : "little")}-endian).</remarks>");
        int pack = CompatPlan.TwinPack(a, target);
        w.Line($"[{Interop}StructLayout({Interop}LayoutKind.Explicit, {(pack > 0 ? $"Pack = {Num(pack)}, " : "")}Size = {Num(layout.Size)})]");
        w.Line(Emitter.GeneratedCodeAttribute);
        string interfaces = convertible ? $" : {Rt}IAbiTwin<{name}, {native}>" : "";
        w.Open($"public {(needsUnsafe ? "unsafe " : "")}partial struct {name}{interfaces}");
        if (Free("SizeOf"))
        {
            w.Line($"/// <summary><c>sizeof({kind} {Rendering.CSharpText.Comment(a.CName)})</c> on {target.Name}.</summary>");
            w.Line($"public const int SizeOf = {Num(layout.Size)};");
            w.Line();
        }


        var arrays = new List<(string Name, AbiType Type)>();
        for (int i = 0; i < a.Fields.Count; i++)
        {
            var f = a.Fields[i];
            var fl = layout.Fields[i];
            string offset = $"[{Interop}FieldOffset({Num(fl.Offset)})] ";
            if (f.IsFixedBuffer)
            {
                w.Line($"{offset}public fixed {f.Type.Element!.CSharpName} {Id(f.Name)}[{Num(f.Type.LengthOn(target))}];");
                continue;
            }

            w.Line($"{offset}public {TwinType(f.Type, target, f.Name, arrays, taken)} {Id(f.Name)};");
        }

        // Declaring an array of arrays adds its element's helper to the list: walk it by index, to its new end.
        for (int k = 0; k < arrays.Count; k++)
        {
            var (arrayName, type) = arrays[k];
            w.Line();
            w.Line($"/// <summary><c>{Rendering.CSharpText.Comment(type.CName)} [{Num(type.LengthOn(target))}]</c> on {target.Name}.</summary>");
            w.Line("[global::System.Runtime.CompilerServices.InlineArray(" + Num(type.LengthOn(target)) + ")]");
            w.Open($"public struct {arrayName}");
            w.Line($"private {TwinType(type.Element!, target, arrayName + "Element", arrays, taken)} _element0;");
            w.Close();
        }

        // A peer's bytes are in its target's byte order; the twin's members in this process's.
        string peerLayout = $"{Rt}AbiLayout.Of<{a.FullName}>({Rt}AbiTarget.{target.Identifier})";
        string order = $"in {target.Name}'s byte order ({(target.BigEndian ? "big" : "little")}-endian; members are put in this process's)";
        if (Free("Read"))
        {
            w.Line();
            w.Line($"/// <summary>Reads a twin from the first {Num(layout.Size)} bytes of <paramref name=\"source\"/>, {order}; a shorter buffer throws <see cref=\"{Rt}AbiBufferException\"/>.</summary>");
            w.Line($"public static {name} Read(global::System.ReadOnlySpan<byte> source) => {Rt}AbiCompat.ReadPeer<{name}>(source, {peerLayout});");
        }

        if (Free("TryRead"))
        {
            w.Line();
            w.Line($"/// <summary>Reads a twin from the first {Num(layout.Size)} bytes of <paramref name=\"source\"/>, {order}; false when it is shorter.</summary>");
            w.Line($"public static bool TryRead(global::System.ReadOnlySpan<byte> source, out {name} value) => {Rt}AbiCompat.TryReadPeer(source, {peerLayout}, out value);");
        }

        if (Free("Write"))
        {
            w.Line();
            w.Line($"/// <summary>Writes the twin's {Num(layout.Size)} bytes to the start of <paramref name=\"destination\"/>, in {target.Name}'s byte order; a shorter buffer throws <see cref=\"{Rt}AbiBufferException\"/>.</summary>");
            w.Line($"public readonly void Write(global::System.Span<byte> destination) => {Rt}AbiCompat.WritePeer(destination, in this, {peerLayout});");
        }

        if (convertible)
        {
            w.Line();
            EmitConversions(w, a, target, name, memberNames);
        }

        w.Close();
    }

    /// <summary>The members every twin may have; a declaration's member of the same name takes precedence.</summary>
    private static readonly string[] GeneratedMembers =
        { "SizeOf", "Read", "TryRead", "Write", "ToNative", "TryToNative", "FromNative", "TryFromNative", "Widen", "Narrow", "Target" };

    private static void EmitConversions(SourceWriter w, AggregateModel a, TargetAbi target, string name, HashSet<string> memberNames)
    {
        bool Free(string generated) => !memberNames.Contains(generated);
        // Widen and Narrow implement IAbiTwin; when a member takes either name, both are implemented explicitly
        // and forward to private methods of free names.
        bool explicitCore = !Free("Widen") || !Free("Narrow");
        var taken = new HashSet<string>(memberNames, StringComparer.Ordinal);
        string widenName = explicitCore ? GeneratedNames.Take("WidenCore", taken) : "Widen";
        string narrowName = explicitCore ? GeneratedNames.Take("NarrowCore", taken) : "Narrow";
        string native = a.FullName;
        string fault = Rt + "AbiConversionFault";
        w.Line($"static {Rt}AbiTarget {Rt}IAbiTwin<{name}, {native}>.Target => {Rt}AbiTarget.{target.Identifier};");
        w.Line();
        bool canFail = CompatPlan.WideningCanFail(a, target);
        w.Line("/// <summary>Widens to the native layout: pointers and unsigned longs zero-extend (as compat_ptr() does), signed longs sign-extend.");
        w.Line(canFail
            ? "/// Throws <see cref=\"" + Rt + "AbiConversionException\"/> only for a union discriminator no member claims.</summary>"
            : "/// Never fails.</summary>");
        if (Free("ToNative"))
            w.Line($"public readonly {native} ToNative() => {Rt}AbiCompat.ToNative<{name}, {native}>(in this);");
        else
            w.Line("// ToNative: a member takes the name; use AbiCompat.ToNative.");
        if (Free("TryToNative"))
        {
            w.Line();
            w.Line(canFail
                ? "/// <summary>Widens to the native layout; false only for a union discriminator no member claims.</summary>"
                : "/// <summary>Widens to the native layout; always true (the form every twin has).</summary>");
            w.Line($"public readonly bool TryToNative(out {native} value) => {widenName}(in this, out value).IsSuccess;");
        }

        if (Free("FromNative"))
        {
            w.Line();
            w.Line($"/// <summary>Narrows <paramref name=\"value\"/> to {target.Name}'s layout. A pointer or long that does not fit 32 bits{(canFail ? ", or an" : "")}");
            w.Line($"/// {(canFail ? "unknown union discriminator, " : "")}throws <see cref=\"{Rt}AbiConversionException\"/> naming the member: never a silent truncation.</summary>");
            w.Line($"public static {name} FromNative(in {native} value) => {Rt}AbiCompat.FromNative<{name}, {native}>(in value);");
        }

        if (Free("TryFromNative"))
        {
            w.Line();
            w.Line($"/// <summary>Narrows <paramref name=\"value\"/> to {target.Name}'s layout; false when a member does not fit{(canFail ? " or a discriminator is unknown" : "")}.</summary>");
            w.Line($"public static bool TryFromNative(in {native} value, out {name} twin) => {narrowName}(in value, out twin).IsSuccess;");
        }

        if (explicitCore)
        {
            w.Line();
            w.Line($"static {fault} {Rt}IAbiTwin<{name}, {native}>.Widen(in {name} source, out {native} destination) => {widenName}(in source, out destination);");
            w.Line();
            w.Line($"static {fault} {Rt}IAbiTwin<{name}, {native}>.Narrow(in {native} source, out {name} destination) => {narrowName}(in source, out destination);");
        }

        foreach (bool widen in new[] { true, false })
        {
            w.Line();
            w.Line(widen
                ? "/// <summary>32-bit to native, member by member; default, or the member that failed.</summary>"
                : "/// <summary>Native to 32-bit, member by member, checked; default, or the member that failed.</summary>");
            string access = explicitCore ? "private" : "public";
            w.Open(widen
                ? $"{access} static {fault} {widenName}(in {name} source, out {native} destination)"
                : $"{access} static {fault} {narrowName}(in {native} source, out {name} destination)");
            w.Line("destination = default;");
            int depth = 0;
            foreach (var f in a.IsUnion ? a.Fields.Take(1) : a.Fields)
            {
                var discriminated = f.Compat?.Discriminator is { } d && f.Type.Aggregate is { IsUnion: true } u && CompatPlan.Differs(u, target) ? d : null;
                if (discriminated is not null)
                    EmitDiscriminated(w, f, discriminated, target, widen);
                else
                    EmitMember(w, f.Type, f.IsFixedBuffer, "source." + Id(f.Name), "destination." + Id(f.Name), Str(f.Name), target, widen, ref depth);
            }

            w.Line("return default;");
            w.Close();
        }
    }

    /// <summary>A union whose active member the sibling discriminator names: that member only; another value is an error.</summary>
    private static void EmitDiscriminated(SourceWriter w, FieldModel f, string discriminator, TargetAbi target, bool widen)
    {
        var union = f.Type.Aggregate!;
        w.Line($"// {f.Name}: the member {discriminator} selects.");
        w.Open($"switch (unchecked((long)source.{Id(discriminator)}))");
        foreach (var member in union.Fields)
        {
            if (member.Compat is not { Cases.Count: > 0 } compat)
                continue;
            foreach (long value in compat.Cases)
                w.Line($"case {value.ToString(CultureInfo.InvariantCulture)}:");
            int depth = 0;
            w.Indent();
            EmitMember(w, member.Type, member.IsFixedBuffer, $"source.{Id(f.Name)}.{Id(member.Name)}", $"destination.{Id(f.Name)}.{Id(member.Name)}",
                Str(f.Name + "." + member.Name), target, widen, ref depth);
            w.Line("break;");
            w.Outdent();
        }

        w.Line("default:");
        w.Line($"    return new {Rt}AbiConversionFault({Str(f.Name)}, {Rt}AbiConversionFaultKind.UnknownDiscriminator);");
        w.Close();
    }

    private static string Id(string name) => Rendering.CSharpText.Identifier(name);

    private static void EmitMember(SourceWriter w, AbiType type, bool isFixedBuffer, string src, string dst, string path,
        TargetAbi target, bool widen, ref int depth, bool inBlock = false)
    {
        switch (type.Kind)
        {
            case AbiTypeKind.Scalar:
                EmitScalar(w, type, src, dst, path, widen, target);
                return;
            case AbiTypeKind.Aggregate when !CompatPlan.Differs(type.Aggregate!, target):
                w.Line($"{dst} = {src};");
                return;
            case AbiTypeKind.Aggregate:
                string twin = type.Aggregate!.FullName + "." + CompatPlan.TwinName(type.Aggregate!, target);
                string call = widen ? $"{twin}.Widen(in {src}, out {dst})" : $"{twin}.Narrow(in {src}, out {dst})";
                // A block of its own, so that each member's 'fault' is its own variable (a loop body already is one).
                if (!inBlock) w.Line("{").Indent();
                w.Line($"var fault = {call};");
                w.Line("if (!fault.IsSuccess)");
                w.Line($"    return fault.Within({path});");
                if (!inBlock) w.Outdent().Line("}");
                return;
            case AbiTypeKind.Array when isFixedBuffer || !CompatPlan.Differs(type.Element!, target):
                if (!isFixedBuffer)
                {
                    w.Line($"{dst} = {src};");
                    return;
                }

                string j = "i" + depth.ToString(CultureInfo.InvariantCulture);
                w.Open($"for (int {j} = 0; {j} < {Num(type.Length)}; {j}++)");
                w.Line($"{dst}[{j}] = {src}[{j}];");
                w.Close();
                return;
            default:
                string i = "i" + depth.ToString(CultureInfo.InvariantCulture);
                depth++;
                w.Open($"for (int {i} = 0; {i} < {Num(type.Length)}; {i}++)");
                EmitMember(w, type.Element!, false, $"{src}[{i}]", $"{dst}[{i}]",
                    $"{path} + \"[\" + {i}.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + \"]\"", target, widen, ref depth, inBlock: true);
                w.Close();
                depth--;
                return;
        }
    }

    private static void EmitScalar(SourceWriter w, AbiType type, string src, string dst, string path, bool widen, TargetAbi target)
    {
        string outOfRange = $"return new {Rt}AbiConversionFault({path}, {Rt}AbiConversionFaultKind.OutOfRange);";
        if (type.IsTypedef)
        {
            // A typedef's .NET Value and its type on the target: checked both ways, as the value must survive the trip.
            string net = CSharpText.IntegerKeyword(type.Scalar), peer = CSharpText.IntegerKeyword(type.ScalarOn(target));
            string value = widen ? src : src + ".Value";
            string to = widen ? net : peer, from = widen ? peer : net;
            if (to != from)
            {
                w.Open($"if (unchecked(({from})({to}){value}) != {value})");
                w.Line(outOfRange);
                w.Close();
            }

            w.Line($"{(widen ? dst + ".Value" : dst)} = unchecked(({to}){value});");
            return;
        }

        switch (type.Scalar)
        {
            case ScalarKind.Pointer when widen:
                w.Line($"{dst} = {(type.CSharpName == "void*" ? "" : "(" + type.CSharpName + ")")}(void*)(nuint){src}; // zero-extends, as compat_ptr()");
                return;
            case ScalarKind.Pointer:
                w.Open($"if ((nuint)(void*){src} > uint.MaxValue)");
                w.Line(outOfRange);
                w.Close();
                w.Line($"{dst} = (uint)(nuint)(void*){src};");
                return;
            case ScalarKind.NUInt when widen:
                w.Line($"{dst} = {src}; // zero-extends");
                return;
            case ScalarKind.NInt when widen:
                w.Line($"{dst} = {src}; // sign-extends");
                return;
            case ScalarKind.CULong when widen:
                w.Line($"{dst} = new {Interop}CULong({src}); // zero-extends");
                return;
            case ScalarKind.CLong when widen:
                w.Line($"{dst} = new {Interop}CLong({src}); // sign-extends");
                return;
            case ScalarKind.NUInt or ScalarKind.CULong or ScalarKind.NInt or ScalarKind.CLong:
                string value = type.Scalar is ScalarKind.CULong or ScalarKind.CLong ? src + ".Value" : src;
                bool signed = type.Scalar is ScalarKind.NInt or ScalarKind.CLong;
                w.Open(signed ? $"if ({value} < int.MinValue || {value} > int.MaxValue)" : $"if ({value} > uint.MaxValue)");
                w.Line(outOfRange);
                w.Close();
                w.Line($"{dst} = ({(signed ? "int" : "uint")}){value};");
                return;
            default:
                w.Line($"{dst} = {src};");
                return;
        }
    }

    /// <summary>The twin's C# type for a member of <paramref name="type"/>; arrays of differing elements get an [InlineArray] of twins.</summary>
    private static string TwinType(AbiType type, TargetAbi target, string memberName, List<(string, AbiType)> arrays, HashSet<string> taken)
    {
        switch (type.Kind)
        {
            case AbiTypeKind.Scalar when type.IsTypedef:
                return CSharpText.IntegerKeyword(type.ScalarOn(target));
            case AbiTypeKind.Scalar:
                return type.Scalar switch
                {
                    ScalarKind.Pointer or ScalarKind.NUInt or ScalarKind.CULong => "uint",
                    ScalarKind.NInt or ScalarKind.CLong => "int",
                    _ => type.CSharpName,
                };
            case AbiTypeKind.Aggregate:
                return CompatPlan.Differs(type.Aggregate!, target)
                    ? type.Aggregate!.FullName + "." + CompatPlan.TwinName(type.Aggregate!, target)
                    : type.Aggregate!.FullName;
            default:
                if (!CompatPlan.Differs(type, target))
                    return type.CSharpName;
                string name = GeneratedNames.Take(memberName + "Array", taken);
                arrays.Add((name, type));
                return name;
        }
    }

    /// <summary>True when the conversions touch a pointer member directly (they then need an unsafe context, as the declaration does).</summary>
    private static bool UsesPointers(AggregateModel a)
        => a.Fields.Any(f => IsPointer(f.Type) || (f.Compat?.Discriminator is not null && f.Type.Aggregate is { } u && u.Fields.Any(m => IsPointer(m.Type) || m.IsFixedBuffer)));

    private static bool IsPointer(AbiType type) => type.Kind == AbiTypeKind.Array ? IsPointer(type.Element!) : type.Scalar == ScalarKind.Pointer;

    private static string Num(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Str(string value) => Rendering.CSharpText.StringLiteral(value);
}
