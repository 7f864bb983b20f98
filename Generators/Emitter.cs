using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using IoctlSharp.Generators.Abi;
using IoctlSharp.Generators.Model;
using IoctlSharp.Generators.Rendering;

namespace IoctlSharp.Generators;

/// <summary>Models to C#. Pure functions of the model: same model, same text.</summary>
internal static class Emitter
{
    private const string Rt = "global::IoctlSharp.";
    private const string Unsafe = "global::System.Runtime.CompilerServices.Unsafe";
    public static readonly string Version = typeof(Emitter).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    // ---------------------------------------------------------------- structs and unions

    public static string EmitStruct(StructModel model, TargetSet set)
    {
        if (model.Aggregate is not { } a)
            return EmitRejectedStruct(model);
        // Every target's layout (AbiLayout.Of knows them all); constants and the table for the project's targets.
        var all = TargetAbi.All.Select(t => LayoutEngine.Layout(a, t)).ToArray();
        var targets = set.Targets;
        var layouts = targets.Select(t => all[(int)t.Target]).ToArray();
        var w = Begin(model.Declaration);

        // A table a person can read: every member's offset on every target of the project.
        string kind = a.IsUnion ? "union" : "struct";
        w.Line($"// {kind} {CSharpText.LineComment(a.CName)}: C layout on the project's targets (bytes), computed by IoctlSharp.");
        var rows = new List<string[]> { new[] { "" }.Concat(targets.Select(t => t.Name)).ToArray() };
        for (int i = 0; i < a.Fields.Count; i++)
            rows.Add(new[] { "offsetof " + a.Fields[i].Name }.Concat(layouts.Select(l => Num(l.Fields[i].Offset))).ToArray());
        if (a.Flexible is { } flex)
            rows.Add(new[] { "offsetof " + flex.Name + "[]" }.Concat(layouts.Select(l => Num(l.Flexible!.Offset))).ToArray());
        rows.Add(new[] { "sizeof" }.Concat(layouts.Select(l => Num(l.Size))).ToArray());
        rows.Add(new[] { "_Alignof" }.Concat(layouts.Select(l => Num(l.Align))).ToArray());
        foreach (var row in Table(rows))
            w.Line("//   " + row);
        foreach (var line in CompatEmitter.Summary(a, set))
            w.Line(line);

        int requestedSize = LayoutEngine.ClrSizeToRequest(a);
        var layoutArgs = new List<string> { a.IsUnion ? "global::System.Runtime.InteropServices.LayoutKind.Explicit" : "global::System.Runtime.InteropServices.LayoutKind.Sequential" };
        if (a.Packed || a.Pack > 0) layoutArgs.Add("Pack = " + Num(a.Packed ? 1 : a.Pack));
        if (requestedSize > 0) layoutArgs.Add("Size = " + Num(requestedSize));
        w.Line($"[global::System.Runtime.InteropServices.StructLayout({string.Join(", ", layoutArgs)})]");
        w.Line(GeneratedCode);
        string self = a.FullName;
        string flexibleInterface = a.FlexibleCount is not null ? $"{Rt}IFlexibleArray<{self}, {a.Flexible!.Type.CSharpName}>" : "";
        w.Open($"partial {model.Declaration.Keyword} {Id(model.Declaration.Name)} : {Rt}IAbiStruct<{self}>{(flexibleInterface.Length > 0 ? ", " + flexibleInterface : "")}");

        // Constants, per target.
        var names = new HashSet<string>(a.Fields.Select(f => f.Name), StringComparer.Ordinal);
        names.Add(a.Name);
        string abiClass = names.Contains("Abi") ? GeneratedNames.Take("Abi_", names) : "Abi";
        string offsetsClass = names.Contains("Offsets") ? GeneratedNames.Take("Offsets_", names) : "Offsets";
        // One class of constants per distinct layout; a target laid out as an earlier one derives from it, so
        // Abi.<Target>.SizeOf and Abi.<Target>.Offsets.<Member> exist for every target without a copy.
        w.Line($"/// <summary>The C layout of <c>{kind} {Xml(a.CName)}</c> on each target, as constants; targets that lay it out alike share one class.</summary>");
        w.Open($"public static class {abiClass}");
        var keys = layouts.Select(ConstantsKey).ToArray();
        for (int t = 0; t < targets.Length; t++)
        {
            var target = targets[t];
            var layout = layouts[t];
            int owner = Array.IndexOf(keys, keys[t]);
            if (t > 0) w.Line();
            if (owner < t)
            {
                string baseName = targets[owner].Identifier;
                w.Line($"/// <summary>On {target.Name}: laid out as on {targets[owner].Name} (<see cref=\"{baseName}\"/>).</summary>");
                w.Line($"public abstract class {target.Identifier} : {baseName} {{ private {target.Identifier}() {{ }} }}");
                continue;
            }

            var alike = Enumerable.Range(t + 1, targets.Length - t - 1).Where(u => keys[u] == keys[t]).Select(u => targets[u].Name).ToList();
            w.Line($"/// <summary>On {target.Name}{(alike.Count > 0 ? " (and " + string.Join(", ", alike) + ")" : "")}.</summary>");
            w.Open($"public abstract class {target.Identifier}");
            w.Line($"private protected {target.Identifier}() {{ }}");
            w.Line();
            w.Line($"/// <summary><c>sizeof({kind} {Xml(a.CName)})</c>.</summary>");
            w.Line($"public const int SizeOf = {Num(layout.Size)};");
            w.Line($"/// <summary><c>_Alignof({kind} {Xml(a.CName)})</c>.</summary>");
            w.Line($"public const int AlignOf = {Num(layout.Align)};");
            w.Line("/// <summary><c>offsetof</c> of each member.</summary>");
            w.Open($"public static class {offsetsClass}");
            foreach (var f in layout.Fields)
                w.Line($"public const int {Id(f.Name)} = {Num(f.Offset)};");
            if (layout.Flexible is { } fl)
                w.Line($"public const int {Id(fl.Name)} = {Num(fl.Offset)};");
            w.Close();
            w.Close();
        }

        w.Close();
        w.Line();

        // Run-time query of every target's layout.
        w.Line($"private static readonly {Rt}AbiStructLayout?[] __ioctlSharpLayouts = new {Rt}AbiStructLayout?[{TargetAbi.All.Length}];");
        w.Line();
        w.Line($"static {Rt}AbiStructLayout {Rt}IAbiStruct<{self}>.GetAbiLayout({Rt}AbiTarget target)");
        w.Line($"    => (uint)target < {TargetAbi.All.Length}u");
        w.Line($"        ? __ioctlSharpLayouts[(int)target] ??= __IoctlSharpCreateLayout(target)");
        w.Line($"        : throw new global::System.ArgumentOutOfRangeException(nameof(target));");
        w.Line();
        w.Open($"private static {Rt}AbiStructLayout __IoctlSharpCreateLayout({Rt}AbiTarget target)");
        // One line maps every target to its layout, so the table of targets can grow without this code growing.
        var groups = GroupIdentical(all);
        var digit = new char[all.Length];
        for (int g = 0; g < groups.Count; g++)
            foreach (int t in groups[g])
                digit[t] = LayoutDigit(g);
        w.Line($"// The layout of each target, in AbiTarget order ({string.Join(" ", TargetAbi.All.Select(t => t.Name))}).");
        w.Open($"switch ({Str(new string(digit))}[(int)target])");
        for (int g = 0; g < groups.Count; g++)
        {
            var group = groups[g];
            w.Line($"case '{LayoutDigit(g)}': // {string.Join(", ", group.Select(t => TargetAbi.All[t].Name))}");
            var l = all[group[0]];
            w.Line($"    return new {Rt}AbiStructLayout({Str(a.Name)}, {Str(a.CName)}, target, {(a.IsUnion ? "true" : "false")}, {Num(l.Size)}, {Num(l.Align)}, new {Rt}AbiFieldLayout[]");
            w.Line("    {");
            for (int i = 0; i < l.Fields.Length; i++)
                w.Line($"        {FieldLayoutExpression(l.Fields[i], a.Fields[i].Type)},");
            w.Line(l.Flexible is { } f ? $"    }}, {FieldLayoutExpression(f, a.Flexible!.Type)});" : "    });");
        }

        w.Line("default:");
        w.Line("    throw new global::System.ArgumentOutOfRangeException(nameof(target));");
        w.Close();
        w.Close();
        w.Line();

        // The check that .NET laid the declaration out as C does on this process's target.
        bool needsUnsafe = a.Fields.Any(f => f.IsFixedBuffer || f.Type.Scalar == ScalarKind.Pointer);
        w.Open($"static {(needsUnsafe ? "unsafe " : "")}string? {Rt}IAbiStruct<{self}>.CompareNativeLayout({Rt}AbiTarget target)");
        bool hasVolatile = a.Fields.Any(f => f.IsVolatile);
        if (hasVolatile)
            w.Line("#pragma warning disable CS0420 // a volatile member's address is taken only to measure its offset");
        w.Line($"{self} probe = default;");
        w.Line($"return {Rt}AbiLayout.CompareMeasured({Rt}AbiLayout.Of<{self}>(target), {Unsafe}.SizeOf<{self}>(), stackalloc int[]");
        w.Line("    {");
        foreach (var f in a.Fields)
        {
            // Pointers cannot be type arguments: measure them with pointer arithmetic (probe is a local, so unmoving).
            w.Line(f.Type.Scalar == ScalarKind.Pointer
                ? $"        (int)((byte*)&probe.{Id(f.Name)} - (byte*)&probe),"
                : $"        {Rt}AbiLayout.OffsetOf(in probe, in probe.{Id(f.Name)}{(f.IsFixedBuffer ? "[0]" : "")}),");
        }
        var nested = a.Fields.Select(f => Innermost(f.Type).Aggregate?.FullName)
            .Concat(new[] { a.Flexible is { } fx ? Innermost(fx.Type).Aggregate?.FullName : null })
            .Where(n => n is not null && n != self).Distinct().ToList();
        w.Line(nested.Count == 0 ? "    });" : "    })");
        for (int i = 0; i < nested.Count; i++)
            w.Line($"    ?? {Rt}AbiLayout.CompareNative<{nested[i]}>(target){(i == nested.Count - 1 ? ";" : "")}");
        if (hasVolatile)
            w.Line("#pragma warning restore CS0420");
        w.Close();

        EmitBitFieldAccessors(w, a, self, all);

        if (a.FlexibleCount is { } count)
        {
            // The count field and the entries of a FlexibleBuffer are kept equal through these two.
            var countField = a.Fields.First(f => f.Name == count).Type;
            string countType = countField.CSharpName;
            w.Line();
            // Never throws: a count the buffer cannot hold is the buffer's to report (FlexibleArrayCountException).
            string read = countField.Scalar == ScalarKind.U64
                ? $"self.{Id(count)} > long.MaxValue ? long.MaxValue : (long)self.{Id(count)}"
                : $"self.{Id(count)}";
            w.Line($"static long {flexibleInterface}.GetCount(in {self} self) => {read};");
            w.Line();
            w.Line($"static void {flexibleInterface}.SetCount(ref {self} self, int count) => self.{Id(count)} = checked(({countType})count);");
        }

        w.Close(); // the struct
        return End(w, model.Declaration);
    }

    /// <summary>
    /// A property and a <c>TrySet</c> method per named bit-field, on this process's layout (its target's bit offsets
    /// and byte order, read once from the layout table): the setter rejects a value the bit-field cannot hold.
    /// </summary>
    private static void EmitBitFieldAccessors(SourceWriter w, AggregateModel a, string self, AggregateLayout[] all)
    {
        var named = a.Fields.SelectMany((f, si) => f.BitFields.Select((b, bi) => (Storage: f, Bit: b, Si: si, Bi: bi)))
            .Where(x => x.Bit.Name is not null).ToList();
        if (named.Count == 0)
            return;
        w.Line();
        w.Line("// This process's bit offset of each named bit-field (they differ between targets only where the layout does).");
        w.Line($"private static readonly int[] __ioctlSharpBitOffsets = __IoctlSharpBitOffsets({Rt}AbiLayout.Of<{self}>({Rt}AbiTargets.RequireCurrent()));");
        w.Line();
        w.Open($"private static int[] __IoctlSharpBitOffsets({Rt}AbiStructLayout layout) => new[]");
        foreach (var (_, b, _, _) in named)
            w.Line($"layout.BitField({Str(b.Name!)}).BitOffset,");
        w.Close(";");
        string span = "global::System.Runtime.InteropServices.MemoryMarshal.AsBytes(global::System.Runtime.InteropServices.MemoryMarshal.CreateSpan(ref this, 1))";
        string bigEndian = "!global::System.BitConverter.IsLittleEndian";
        for (int i = 0; i < named.Count; i++)
        {
            var (storage, b, si, bi) = named[i];
            string keyword = Keyword(b.Type);
            string cType = CSpelling(b.Type);
            var byOffset = TargetAbi.All.GroupBy(t => all[(int)t.Target].Fields[si].BitFields[bi].BitOffset).ToList();
            string positions = byOffset.Count == 1 ? $"bit {byOffset[0].Key} of the struct on every target"
                : string.Join("; ", byOffset.Select(g => $"bit {g.Key} on {string.Join(", ", g.Select(t => t.Name))}"));
            string prop = Id(b.Property!);
            string offset = $"__ioctlSharpBitOffsets[{Num(i)}]";
            w.Line();
            w.Line($"/// <summary>C bit-field <c>{Xml(cType)} {Xml(b.Name!)} : {Num(b.Width)}</c>, stored in <see cref=\"{Id(storage.Name)}\"/> ({Xml(positions)}).</summary>");
            w.Line($"/// <exception cref=\"{Rt}AbiBitFieldOverflowException\">Set to a value that does not fit {Num(b.Width)} bits.</exception>");
            w.Open($"public {b.CSharpType} {prop}");
            string outer = b.CSharpType == keyword ? "" : $"({b.CSharpType})"; // an enum's
            string read = b.Type == ScalarKind.Bool ? $"{Rt}AbiBitFields.Read({span}, {offset}, {Num(b.Width)}, {bigEndian}) != 0"
                : b.IsSigned ? $"{outer}({keyword}){Rt}AbiBitFields.ReadSigned({span}, {offset}, {Num(b.Width)}, {bigEndian})"
                : $"{outer}({keyword}){Rt}AbiBitFields.Read({span}, {offset}, {Num(b.Width)}, {bigEndian})";
            w.Line($"get => {read};");
            w.Line($"set {{ if (!TrySet{b.Property}(value)) throw new {Rt}AbiBitFieldOverflowException({Str(b.Name!)}, {Num(b.Width)}, {(b.IsSigned ? "true" : "false")}, {(b.IsSigned ? $"(long)({keyword})value" : b.Type == ScalarKind.Bool ? "value ? 1L : 0L" : $"unchecked((long)({keyword})value)")}); }}");
            w.Close();
            w.Line();
            w.Line($"/// <summary>Stores <paramref name=\"value\"/> in <see cref=\"{prop}\"/>; false (and nothing stored) when it does not fit {Num(b.Width)} bits.</summary>");
            w.Open($"public bool TrySet{b.Property}({b.CSharpType} value)");
            string bits = b.Type == ScalarKind.Bool ? "value ? 1UL : 0UL" : b.IsSigned ? $"(long)({keyword})value" : $"(ulong)({keyword})value";
            w.Line($"var bits = {bits};");
            w.Line($"if (!{Rt}AbiBitFields.Fits(bits, {Num(b.Width)})) return false;");
            w.Line($"{Rt}AbiBitFields.Write({span}, {offset}, {Num(b.Width)}, {bigEndian}, {(b.IsSigned ? "unchecked((ulong)bits)" : "bits")});");
            w.Line("return true;");
            w.Close();
        }
    }

    private static string Keyword(ScalarKind kind) => kind switch
    {
        ScalarKind.U8 => "byte", ScalarKind.S8 => "sbyte", ScalarKind.U16 => "ushort", ScalarKind.S16 => "short",
        ScalarKind.U32 => "uint", ScalarKind.S32 => "int", ScalarKind.U64 => "ulong", ScalarKind.S64 => "long",
        _ => "bool",
    };

    private static string CSpelling(ScalarKind kind) => kind == ScalarKind.Bool ? "_Bool" : "__" + Keyword(kind) switch
    {
        "byte" => "u8", "sbyte" => "s8", "ushort" => "u16", "short" => "s16", "uint" => "u32", "int" => "s32", "ulong" => "u64", _ => "s64",
    };

    /// <summary>
    /// A rejected ABI type still gets a part, so that the analyzer's error is what the build shows: a union's
    /// [FieldOffset]s need an explicit layout (else CS0636), and the comment says why nothing else is here.
    /// </summary>
    private static string EmitRejectedStruct(StructModel model)
    {
        var w = Begin(model.Declaration);
        var rejection = model.Rejection!;
        w.Line($"// IoctlSharp generated no layout for {CSharpText.LineComment(model.Declaration.Name)}: {rejection.Id}: {CSharpText.LineComment(rejection.Message)}");
        w.Line($"// The build reports {rejection.Id}; docs/diagnostics/{rejection.Id}.md says how to fix it.");
        if (model.IsUnion && !model.OwnStructLayout)
            w.Line("[global::System.Runtime.InteropServices.StructLayout(global::System.Runtime.InteropServices.LayoutKind.Explicit)]");
        w.Line(GeneratedCode);
        w.Open(PartOf(model.Declaration));
        w.Close();
        return End(w, model.Declaration);
    }

    /// <summary>The constants a target's class holds, as one comparable value.</summary>
    private static string ConstantsKey(AggregateLayout l)
        => string.Join(",", new[] { l.Size, l.Align }.Concat(l.Fields.Select(f => f.Offset)).Concat(l.Flexible is { } f ? new[] { f.Offset } : Array.Empty<int>()));

    private static string FieldLayoutExpression(FieldLayout f, AbiType type)
    {
        var inner = Innermost(type);
        string nested = inner.Aggregate is not null ? $", {Rt}AbiLayout.Of<{inner.Aggregate.FullName}>(target)" : "";
        string count = f.Count != 1 || nested.Length > 0 ? ", " + Num(f.Count) : "";
        if (!f.BitFields.IsEmpty)
        {
            var bits = f.BitFields.Select(b => $"new {Rt}AbiBitFieldLayout({(b.Model.Name is { } n ? Str(n) : "null")}, {Num((int)b.BitOffset)}, {Num(b.Width)}, {(b.Model.IsSigned ? "true" : "false")})");
            return $"new {Rt}AbiFieldLayout({Str(f.Name)}, {Num(f.Offset)}, {Num(f.Size)}, {Num(f.Align)}, new {Rt}AbiBitFieldLayout[] {{ {string.Join(", ", bits)} }})";
        }

        return $"new {Rt}AbiFieldLayout({Str(f.Name)}, {Num(f.Offset)}, {Num(f.Size)}, {Num(f.Align)}{count}{nested})";
    }

    private static AbiType Innermost(AbiType type) => type.Kind == AbiTypeKind.Array ? Innermost(type.Element!) : type;

    /// <summary>Targets whose layouts are identical, so the generated switch says so once.</summary>
    private static List<List<int>> GroupIdentical(AggregateLayout[] layouts)
    {
        var groups = new List<List<int>>();
        for (int t = 0; t < layouts.Length; t++)
        {
            var group = groups.FirstOrDefault(g => layouts[g[0]].SameShape(layouts[t]));
            if (group is null) groups.Add(new List<int> { t });
            else group.Add(t);
        }

        return groups;
    }

    /// <summary>The character naming the <paramref name="index"/>th distinct layout: 0-9, then a-z, then further letters.</summary>
    private static char LayoutDigit(int index) => index < 10 ? (char)('0' + index) : index < 36 ? (char)('a' + index - 10) : (char)('A' + index - 36);

    // ---------------------------------------------------------------- ioctl groups

    public static string EmitGroup(GroupModel model, TargetSet set)
    {
        var w = Begin(model.Declaration);
        string group = QualifiedName(model.Declaration);
        w.Line(GeneratedCode);
        w.Open(PartOf(model.Declaration, model.Unsafe));
        if (model.Ioctls.Count > 0)
        {
            w.Line($"/// <summary>The request numbers of <see cref=\"{Cref(model.Declaration)}\"/>'s ioctls on every target.</summary>");
            w.Open($"public static class {Id(model.RequestsClass)}");
            for (int i = 0; i < model.Ioctls.Count; i++)
            {
                if (i > 0) w.Line();
                EmitRequest(w, model.Ioctls[i], set);
            }

            w.Close();
        }

        foreach (var ioctl in model.Ioctls)
        {
            w.Line();
            EmitWrapper(w, ioctl, group + "." + Id(model.RequestsClass), model.Type);
        }

        EmitRejectedIoctls(w, model.Rejected, model.Declaration.Name);
        w.Close();
        return End(w, model.Declaration);
    }

    /// <summary>The ioctl methods of a type that is not an [IoctlGroup]: each throws, naming ISH202.</summary>
    public static string EmitOrphans(OrphanIoctls model)
    {
        var w = Begin(model.Declaration);
        w.Line(GeneratedCode);
        w.Open(PartOf(model.Declaration, model.Unsafe));
        EmitRejectedIoctls(w, model.Methods, model.Declaration.Name);
        w.Close();
        return End(w, model.Declaration);
    }

    /// <summary>
    /// A rejected ioctl is implemented all the same, by a body that throws naming the diagnostic: without it the
    /// compiler reports CS8795 and, because the build then has errors, never runs the analyzer that says why.
    /// </summary>
    private static void EmitRejectedIoctls(SourceWriter w, EquatableArray<RejectedIoctl> rejected, string owner)
    {
        foreach (var r in rejected)
        {
            w.Line();
            w.Line($"// IoctlSharp generated no wrapper for {CSharpText.LineComment(r.MethodName)}: {r.Rejection.Id}: {CSharpText.LineComment(r.Rejection.Message)}");
            w.Open(r.Signature);
            string message = $"IoctlSharp generated no wrapper for {owner}.{r.MethodName}: {r.Rejection.Id}: {r.Rejection.Message} (the build reports {r.Rejection.Id}; see docs/diagnostics/{r.Rejection.Id}.md).";
            w.Line($"throw new global::System.InvalidOperationException({CSharpText.StringLiteral(message)});");
            w.Close();
        }
    }

    private static void EmitRequest(SourceWriter w, IoctlModel ioctl, TargetSet set)
    {
        var targets = set.Targets;
        w.Line($"/// <summary><c>{Xml(ioctl.Macro)}</c>: the request number of <c>{Xml(ioctl.RequestName)}</c>.</summary>");
        w.Open($"public static class {Id(ioctl.RequestClass)}");
        bool atCall = ioctl.SizeSource == SizeSource.AtCall;
        // One declaration per distinct number: the first target holds it, the others with that number name it.
        var groups = targets.GroupBy(t => (ioctl.Numbers[(int)t.Target], ioctl.Sizes[(int)t.Target])).ToList();
        foreach (var g in groups)
        {
            var first = g.First();
            string what = atCall ? "with a size of 0; the call ORs its size into bits 16 and up" : $"size {g.Key.Item2}";
            w.Line($"/// <summary>On {string.Join(", ", g.Select(t => t.Name))} ({what}).</summary>");
            w.Line($"public const uint {first.Identifier} = 0x{g.Key.Item1:X8}{string.Concat(g.Skip(1).Select(t => $", {t.Identifier} = {first.Identifier}"))};");
        }

        if (atCall)
        {
            string name = Str(ioctl.RequestName);

            w.Line();
            w.Line("/// <summary>The number on <paramref name=\"target\"/> for an argument of <paramref name=\"size\"/> bytes; a size the size field cannot hold throws.</summary>");
            w.Line($"public static uint For({Rt}AbiTarget target, int size) => {Rt}Ioctl.WithSize(WithoutSize(target), size, MaxSize(target), {name});");
            w.Line();
            w.Line("/// <summary>The running process's number for an argument of <paramref name=\"size\"/> bytes.</summary>");
            w.Line($"public static uint Native(int size) => {Rt}Ioctl.WithSize(s_native, size, s_nativeMaxSize, {name});");
            w.Line();
            w.Line($"private static readonly uint s_native = WithoutSize({Rt}AbiTargets.RequireCurrent());");
            w.Line($"private static readonly int s_nativeMaxSize = MaxSize({Rt}AbiTargets.RequireCurrent());");
            w.Line();
            w.Line($"private static uint WithoutSize({Rt}AbiTarget target) => target switch");
            w.Line("{");
            foreach (var g in groups)
                w.Line($"    {string.Join(" or ", g.Select(t => $"{Rt}AbiTarget.{t.Identifier}"))} => {g.First().Identifier},");
            w.Line($"    _ => throw {Rt}AbiTargets.NotGenerated(target),");
            w.Line("};");
            w.Line();
            // The size field of each target's family: an arm per family, the family most targets use as the default.
            var families = targets.Select(t => t.Encoding).Distinct().ToList();
            var common = families.OrderByDescending(f => targets.Count(t => t.Encoding == f)).First();
            var others = families.Where(f => f != common).Where(f => f.MaxSize != common.MaxSize).ToList();
            w.Line("// " + string.Concat(others.Select(f => $"{f.SizeBits} size bits on {string.Join(", ", targets.Where(t => t.Encoding == f).Select(t => t.Name))}; "))
                + $"{common.SizeBits}{(others.Count > 0 ? " elsewhere" : " everywhere")}.");
            w.Line($"private static int MaxSize({Rt}AbiTarget target) => target switch");
            w.Line("{");
            foreach (var f in others)
                w.Line($"    {string.Join(" or ", targets.Where(t => t.Encoding == f).Select(t => $"{Rt}AbiTarget.{t.Identifier}"))} => {Num(f.MaxSize)},");
            w.Line($"    _ => {Num(common.MaxSize)},");
            w.Line("};");
        }
        else
        {
            w.Line();
            w.Line("/// <summary>The running process's number, fixed once: no per-call cost.</summary>");
            w.Line($"public static readonly uint Native = For({Rt}AbiTargets.RequireCurrent());");
            w.Line();
            w.Line("/// <summary>The number on <paramref name=\"target\"/>.</summary>");
            w.Line($"public static uint For({Rt}AbiTarget target) => target switch");
            w.Line("{");
            foreach (var g in groups)
                w.Line($"    {string.Join(" or ", g.Select(t => $"{Rt}AbiTarget.{t.Identifier}"))} => {g.First().Identifier},");
            w.Line($"    _ => throw {Rt}AbiTargets.NotGenerated(target),");
            w.Line("};");
        }

        w.Close();
    }

    private static void EmitWrapper(SourceWriter w, IoctlModel ioctl, string requests, int type)
    {
        uint x64 = ioctl.Numbers[(int)TargetAbi.X86_64.Target];
        w.Line($"// {CSharpText.LineComment(ioctl.Macro)} = 0x{x64:X8} on x86_64{(ioctl.SizeSource == SizeSource.AtCall ? " for s = 0" : "")}");
        w.Open(ioctl.Signature);
        string fd = ioctl.Parameters[0].Name;
        string? arg = ioctl.Parameters.Count > 1 ? ioctl.Parameters[1].Name : null;
        string request = ioctl.SizeSource == SizeSource.AtCall
            ? $"{requests}.{Id(ioctl.RequestClass)}.Native({arg}.Length)"
            : $"{requests}.{Id(ioctl.RequestClass)}.Native";
        if (ioctl.StructToVerify is { } verify)
            w.Line($"{Rt}AbiLayout.EnsureNative<{verify}>();");
        if (ioctl.ArgumentRefKind == "out")
            w.Line($"{arg} = default;");
        var (form, argument) = ioctl.ArgumentKind switch
        {
            ArgumentKind.None => ("", null),
            ArgumentKind.Ref when ioctl.ArgumentRefKind is "ref" or "out" => ("Ref", $"ref {arg}"),
            ArgumentKind.Ref => ("Ref", $"ref {Unsafe}.AsRef(in {arg})"),
            ArgumentKind.Span when ioctl.ArgumentRefKind == "readonly"
                => ("Span", $"global::System.Runtime.InteropServices.MemoryMarshal.CreateSpan(ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference({arg}), {arg}.Length)"),
            ArgumentKind.Span => ("Span", arg),
            ArgumentKind.FlexibleBuffer => ("Span", $"{arg}.Bytes"),
            ArgumentKind.Pointer => ("Pointer", arg),
            _ => ("Value", ValueArgument(ioctl, arg!)),
        };

        // IoctlResult returns the errno instead of throwing; SuppressGCTransition is an opt-in.
        bool returnsErrno = ioctl.Return == ReturnKind.Result;
        string invoker = $"{Rt}Ioctl.{(ioctl.SuppressGCTransition ? "WithoutGCTransition." : "")}{(returnsErrno ? "TryInvoke" : "Invoke")}{form}";
        // Every form passes the request's name: the throwing ones put it in the exception, all of them in the trace.
        string call = $"{invoker}({fd}, {request}{(argument is null ? "" : ", " + argument)}, {Str(ioctl.RequestName)})";
        switch (ioctl.Return)
        {
            case ReturnKind.Void:
                w.Line(call + ";");
                break;
            case ReturnKind.Handle:
                // The handle exists before the call, so the new fd is owned the moment it is returned.
                string handle = GeneratedNames.Take("__ioctlSharpHandle", new HashSet<string>(ioctl.Parameters.Select(p => p.Name.TrimStart('@')), StringComparer.Ordinal));
                w.Line($"var {handle} = new {ioctl.ReturnType}();");
                w.Open("try");
                w.Line($"global::System.Runtime.InteropServices.Marshal.InitHandle({handle}, (nint){call});");
                w.Close();
                w.Open("catch");
                w.Line($"{handle}.Dispose();");
                w.Line("throw;");
                w.Close();
                w.Line($"return {handle};");
                break;
            default:
                w.Line("return " + call + ";");
                break;
        }

        w.Close();
    }

    /// <summary>A by-value argument as the unsigned long the kernel receives: signed values sign-extend, as in C.</summary>
    private static string ValueArgument(IoctlModel ioctl, string arg) => ioctl.ArgumentScalar switch
    {
        ScalarKind.Bool => $"({arg} ? 1u : 0u)",
        ScalarKind.S8 or ScalarKind.S16 or ScalarKind.S32 or ScalarKind.S64 or ScalarKind.NInt => $"unchecked((nuint)(nint)(long){arg})",
        ScalarKind.CLong => $"unchecked((nuint){arg}.Value)",
        ScalarKind.CULong => $"{arg}.Value",
        ScalarKind.Pointer => $"(nuint){arg}",
        _ => $"unchecked((nuint)(ulong){arg})",
    };

    // ---------------------------------------------------------------- file scaffolding

    internal static SourceWriter BeginFile(TypeDeclaration declaration) => Begin(declaration);

    internal static string EndFile(SourceWriter w, TypeDeclaration declaration) => End(w, declaration);

    internal const string GeneratedCodeAttribute = GeneratedCode;

    private const string GeneratedCode = "[global::System.CodeDom.Compiler.GeneratedCode(\"IoctlSharp\", \"" + "{VERSION}" + "\")]";

    private static SourceWriter Begin(TypeDeclaration declaration)
    {
        var w = new SourceWriter();
        w.Line("// <auto-generated/>");
        w.Line("#nullable enable");
        // Constants and twin members are documented by the layout table, not one comment each: no CS1591 for
        // projects that build with GenerateDocumentationFile and TreatWarningsAsErrors.
        w.Line("#pragma warning disable CS1591");
        w.Line();
        if (declaration.Namespace.Length > 0)
            w.Open("namespace " + declaration.Namespace);
        foreach (var c in declaration.Containing)
            w.Open($"partial {c.Keyword} {Id(c.Name)}{c.TypeParameters}");
        return w;
    }

    private static string End(SourceWriter w, TypeDeclaration declaration)
    {
        foreach (var _ in declaration.Containing)
            w.Close();
        if (declaration.Namespace.Length > 0)
            w.Close();
        return w.ToString().Replace("{VERSION}", Version);
    }

    /// <summary>The header of the generated part of a declared type: <c>[unsafe ]partial struct S&lt;T&gt;</c>.</summary>
    private static string PartOf(TypeDeclaration d, bool isUnsafe = false)
        => $"{(isUnsafe ? "unsafe " : "")}partial {d.Keyword} {Id(d.Name)}{d.TypeParameters}";

    private static string QualifiedName(TypeDeclaration d)
        => "global::" + (d.Namespace.Length > 0 ? d.Namespace + "." : "") + string.Concat(d.Containing.Select(c => Id(c.Name) + ".")) + Id(d.Name);

    private static string Cref(TypeDeclaration d) => Id(d.Name);

    private static string Id(string name) => CSharpText.Identifier(name);

    private static string Num(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Str(string value) => CSharpText.StringLiteral(value);

    private static string Xml(string value) => CSharpText.Comment(value);

    private static IEnumerable<string> Table(List<string[]> rows)
    {
        int columns = rows.Max(r => r.Length);
        var widths = Enumerable.Range(0, columns).Select(c => rows.Max(r => c < r.Length ? r[c].Length : 0)).ToArray();
        foreach (var row in rows)
            yield return string.Join("  ", row.Select((cell, c) => c == 0 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))).TrimEnd();
    }
}
