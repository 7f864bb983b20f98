using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;

namespace IoctlSharp.Conformance.Tests.Probe;

/// <summary>One value asked of both gcc and IoctlSharp: a C constant expression and how IoctlSharp computes it.</summary>
/// <param name="Key">The C expression (<c>offsetof(struct kvm_run, io.port)</c>, <c>KVM_CREATE_VM</c>); also the key in probe.keys.</param>
/// <param name="Guard">Where the key exists.</param>
/// <param name="Kind">
/// "sizeof", "alignof", "offsetof", "membersize", "request", "constant", or "bitoffset" and "bitwidth" (a bit-field's gcc bit
/// position from the start of the root struct and its width: not in the array, read back from a static object of the
/// root type with that bit-field set to all ones, <c>ioctlsharp_bits_N</c>, N being the bitoffset key's line).
/// </param>
/// <param name="Declaration">The C# declaration the value comes from, for messages.</param>
/// <remarks>A "constant" is a macro name that a target's header may not define: there the C value and IoctlSharp's are <see cref="ProbeModel.Undefined"/>.</remarks>
public sealed record ProbeEntry(string Key, Guard Guard, string Kind, string Declaration, Func<AbiTarget, uint> Compute);

/// <summary>A C type probed at top level (sizeof, _Alignof and every member).</summary>
/// <param name="KeySuffix">A C comment that keeps the keys unique when two declarations are compared with the same C type.</param>
public sealed record ProbedType(Type Type, string CSpelling, Guard Guard, string KeySuffix = "");

/// <summary>A request probed by its macro, with the macro's arguments if it takes any.</summary>
public sealed record ProbedRequest(MethodInfo Method, string Key, Guard Guard, int[]? Arguments = null);

/// <summary>
/// Builds the list of probed values by reflection over the declarations in <c>Headers/</c>: every [AbiStruct] and
/// [AbiUnion] type (except anonymous ones, reached through their parents) and every ioctl of every [IoctlGroup].
/// </summary>
public static class ProbeModel
{
    public const string HeadersNamespace = "IoctlSharp.Conformance.Tests.Headers";

    // Before Types, which reads the C names from the layouts.
    private static readonly MethodInfo s_of = typeof(AbiLayout).GetMethod(nameof(AbiLayout.Of))!;
    private static readonly ConcurrentDictionary<(Type, AbiTarget), AbiStructLayout> s_layouts = new();

    /// <summary>The headers in probe order, with the guard under which each is included.</summary>
    public static readonly IReadOnlyList<(string Namespace, string Include, Guard Guard)> Headers = new[]
    {
        (HeadersNamespace + ".Userfaultfd", "linux/userfaultfd.h", Guard.Always),
        (HeadersNamespace + ".VboxGuest", "linux/vboxguest.h", Guard.Always),
        (HeadersNamespace + ".Kvm", "linux/kvm.h", Guard.Kvm),
        (HeadersNamespace + ".Xen", "xen/privcmd.h", Guard.Xen),
        (HeadersNamespace + ".LayoutRules", "\"layout-rules.h\"", Guard.Always),
        (HeadersNamespace + ".If", "linux/if.h", Guard.Always),
        (HeadersNamespace + ".IoUring", "linux/io_uring.h", Guard.Always),
        (HeadersNamespace + ".Loop", "linux/loop.h", Guard.Always),
        // sys/types.h (probe/userspace-stub) gives pid_t, which asm/ioctls.h and asm/sockios.h use on alpha, mips and sh4.
        (HeadersNamespace + ".Sockios", "sys/types.h asm/ioctls.h linux/sockios.h", Guard.Always),
        (HeadersNamespace + ".Termios", "sys/types.h linux/serial.h linux/termios.h", Guard.Always),
        (HeadersNamespace + ".Input", "linux/input.h", Guard.Always),
        (HeadersNamespace + ".Spidev", "linux/spi/spidev.h", Guard.Always),
        (HeadersNamespace + ".Mman", "linux/mman.h", Guard.Always),
        (HeadersNamespace + ".PosixTypes", "\"posix-types.h\"", Guard.Always),
    };

    /// <summary>The runtime's tables of C constants by target, each compared name by name on every target (probe.c includes each table's header after <see cref="Headers"/>).</summary>
    public static readonly IReadOnlyList<AbiConstantTable> ConstantTables = new[] { Errno.Table, OpenFlagsExtensions.Table };

    /// <summary>The value of a constant that a target's header does not define (no errno or O_* flag has it).</summary>
    public const uint Undefined = 0xFFFFFFFF;

    private static readonly Lazy<IReadOnlyList<ProbeEntry>> s_entries = new(BuildEntries);

    public static IReadOnlyList<ProbeEntry> Entries => s_entries.Value;

    private static readonly Lazy<Dictionary<string, ProbeEntry>> s_byKey = new(() => Entries.ToDictionary(e => e.Key, StringComparer.Ordinal));

    public static IReadOnlyDictionary<string, ProbeEntry> ByKey => s_byKey.Value;

    // ---------------------------------------------------------------- guards

    public static string Condition(Guard flag) => flag switch
    {
        // linux/kvm.h includes asm/kvm.h, which only the architectures KVM runs on (or ran on) have.
        Guard.Kvm => "__has_include(<asm/kvm.h>)",
        Guard.X86 => "defined(__x86_64__) || defined(__i386__)",
        Guard.Xen => "defined(__x86_64__) || defined(__i386__) || defined(__aarch64__) || defined(__arm__)",
        Guard.Lp64 => "__SIZEOF_POINTER__ == 8",
        Guard.Ilp32 => "__SIZEOF_POINTER__ == 4",
        Guard.NotS390 => "!defined(__s390x__)",
        _ => throw new ArgumentOutOfRangeException(nameof(flag)),
    };

    private static bool Holds(Guard flag, AbiTarget target) => flag switch
    {
        Guard.Kvm => target is not (AbiTarget.Arm32 or AbiTarget.Armel or AbiTarget.Sparc64 or AbiTarget.Alpha or AbiTarget.Hppa
            or AbiTarget.M68k or AbiTarget.Sh4 or AbiTarget.Arc),
        Guard.X86 => target is AbiTarget.X86_64 or AbiTarget.I386 or AbiTarget.X32, // x32 defines __x86_64__
        Guard.Xen => target is AbiTarget.X86_64 or AbiTarget.I386 or AbiTarget.X32 or AbiTarget.Aarch64 or AbiTarget.Arm32 or AbiTarget.Armel,
        Guard.Lp64 => !target.IsIlp32(),
        Guard.Ilp32 => target.IsIlp32(),
        Guard.NotS390 => target != AbiTarget.S390x,
        _ => throw new ArgumentOutOfRangeException(nameof(flag)),
    };

    public static IEnumerable<Guard> Flags(Guard guard)
        => Enum.GetValues<Guard>().Where(f => f != Guard.Always && (guard & f) == f);

    public static bool Exists(Guard guard, AbiTarget target) => Flags(guard).All(f => Holds(f, target));

    /// <summary>The guard as written in probe.keys: <c>Kvm+X86</c>, or <c>Always</c>.</summary>
    public static string GuardName(Guard guard) => guard == Guard.Always ? "Always" : string.Join("+", Flags(guard));

    public static Guard ParseGuard(string name)
        => name == "Always" ? Guard.Always : name.Split('+').Aggregate(Guard.Always, (g, f) => g | Enum.Parse<Guard>(f));

    /// <summary>The C preprocessor condition of a guard.</summary>
    /// <summary>A system header in angle brackets; one of the probe's own (already quoted) beside probe.c.</summary>
    private static string IncludeSpelling(string include)
        => string.Join("\n#include ", include.Split(' ').Select(i => i.StartsWith('"') ? i : "<" + i + ">"));

    public static string CCondition(Guard guard)
    {
        var flags = Flags(guard).ToList();
        return flags.Count == 1 ? Condition(flags[0]) : string.Join(" && ", flags.Select(f => "(" + Condition(f) + ")"));
    }

    // ---------------------------------------------------------------- declarations

    private static Guard HeaderGuard(Type type)
        => Headers.FirstOrDefault(h => h.Namespace == type.Namespace) is { Namespace: not null } h ? h.Guard
            : throw new InvalidOperationException($"{type.FullName} is not in a known header namespace.");

    private static int HeaderIndex(Type type)
    {
        for (int i = 0; i < Headers.Count; i++)
            if (Headers[i].Namespace == type.Namespace) return i;
        throw new InvalidOperationException($"{type.FullName} is not in a known header namespace.");
    }

    private static IEnumerable<Type> DeclaredTypes()
        => typeof(ProbeModel).Assembly.GetTypes()
            .Where(t => t.Namespace is { } ns && ns.StartsWith(HeadersNamespace + ".", StringComparison.Ordinal) && !t.IsNested)
            .OrderBy(HeaderIndex).ThenBy(t => t.MetadataToken);

    public static bool IsAbiType(Type t) => t.IsDefined(typeof(AbiStructAttribute), false) || t.IsDefined(typeof(AbiUnionAttribute), false);

    private static Guard OwnGuard(MemberInfo m) => m.GetCustomAttribute<CGuardAttribute>()?.Guard ?? Guard.Always;

    /// <summary>The types of [AbiAnonymous] members: they have no C name, so they are probed through their parents only.</summary>
    private static readonly HashSet<Type> AnonymousMemberTypes = DeclaredTypes()
        .SelectMany(t => t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        .Where(f => f.IsDefined(typeof(AbiAnonymousAttribute), false)).Select(f => f.FieldType).ToHashSet();

    /// <summary>Every C type probed at top level, in probe order (a type with an ILP32 spelling appears twice).</summary>
    public static IReadOnlyList<ProbedType> Types { get; } = DeclaredTypes()
        .Where(t => IsAbiType(t) && !t.IsDefined(typeof(CAnonymousTypeAttribute), false) && !AnonymousMemberTypes.Contains(t))
        .SelectMany(t =>
        {
            var guard = HeaderGuard(t) | OwnGuard(t);
            bool union = t.IsDefined(typeof(AbiUnionAttribute), false);
            var ctype = t.GetCustomAttribute<CTypeAttribute>();
            string spelling = ctype?.Spelling ?? (union ? "union " : "struct ") + LayoutOf(t, AbiTarget.X86_64).CName;
            return ctype?.Ilp32Spelling is { } ilp32
                ? new[] { new ProbedType(t, spelling, guard | Guard.Lp64), new ProbedType(t, ilp32, guard | Guard.Ilp32, $" /* as {t.Name} */") }
                : new[] { new ProbedType(t, spelling, guard) };
        }).ToList();

    /// <summary>Every ioctl of every group, in probe order.</summary>
    public static IReadOnlyList<ProbedRequest> Requests { get; } = DeclaredTypes()
        .Where(t => t.IsDefined(typeof(IoctlGroupAttribute), false))
        .SelectMany(g => g.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Where(m => m.GetCustomAttribute<IoctlAttributeBase>() is not null)
            .OrderBy(m => m.MetadataToken)
            .SelectMany(m =>
            {
                var a = m.GetCustomAttribute<IoctlAttributeBase>()!;
                string name = a.Name ?? throw new InvalidOperationException($"{g.Name}.{m.Name} has no Name.");
                var guard = HeaderGuard(g) | OwnGuard(g) | OwnGuard(m);
                var arguments = m.GetCustomAttributes<CMacroArgumentAttribute>().ToList();
                return arguments.Count == 0
                    ? new[] { new ProbedRequest(m, name, guard) }
                    : arguments.Select(arg => new ProbedRequest(m, $"{name}({string.Join(", ", arg.Arguments)})", guard, arg.Arguments));
            }))
        .ToList();

    /// <summary>An [AbiConstant] field of an [AbiConstants] class in Headers/.</summary>
    public sealed record ProbedConstant(Type Class, string Member, string CName, Guard Guard);

    /// <summary>Every declared constant, in probe order.</summary>
    public static IReadOnlyList<ProbedConstant> Constants { get; } = DeclaredTypes()
        .Where(t => t.IsDefined(typeof(AbiConstantsAttribute), false))
        .SelectMany(c => c.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsDefined(typeof(AbiConstantAttribute), false))
            .OrderBy(f => f.MetadataToken)
            .Select(f => new ProbedConstant(c, f.Name, f.GetCustomAttribute<AbiConstantAttribute>()!.Name, HeaderGuard(c) | OwnGuard(c) | OwnGuard(f))))
        .ToList();

    private static Func<AbiTarget, uint> ConstantFunction(ProbedConstant c)
    {
        var perTarget = c.Class.GetNestedType("PerTarget")?.GetNestedType(c.Member)?.GetMethod("For", new[] { typeof(AbiTarget) })
                        ?? throw new InvalidOperationException($"IoctlSharp generated no {c.Class.Name}.PerTarget.{c.Member}.For(AbiTarget).");
        var table = (AbiConstantTable)c.Class.GetProperty("Constants")!.GetValue(null)!;
        return target =>
        {
            long value = Convert.ToInt64(perTarget.Invoke(null, new object[] { target }), System.Globalization.CultureInfo.InvariantCulture);
            long inTable = table.Number(c.CName, target);
            if (inTable != value)
                throw new InvalidOperationException($"{c.Class.Name}.Constants has {inTable} for {c.CName} on {target.CName()}, PerTarget.{c.Member}.For {value}");
            return unchecked((uint)value);
        };
    }

    // ---------------------------------------------------------------- entries


    /// <summary>IoctlSharp's layout of <paramref name="type"/> on <paramref name="target"/> (AbiLayout.Of&lt;T&gt;).</summary>
    public static AbiStructLayout LayoutOf(Type type, AbiTarget target)
        => s_layouts.GetOrAdd((type, target), k => (AbiStructLayout)s_of.MakeGenericMethod(k.Item1).Invoke(null, new object[] { k.Item2 })!);

    private static IReadOnlyList<ProbeEntry> BuildEntries()
    {
        var list = new List<ProbeEntry>();
        foreach (var t in Types)
        {
            var type = t.Type;
            string decl = type.Name;
            list.Add(new ProbeEntry($"sizeof({t.CSpelling}){t.KeySuffix}", t.Guard, "sizeof", decl, target => (uint)LayoutOf(type, target).Size));
            list.Add(new ProbeEntry($"_Alignof({t.CSpelling}){t.KeySuffix}", t.Guard, "alignof", decl, target => (uint)LayoutOf(type, target).Alignment));
            Members(list, t, type, "", t.Guard);
        }

        foreach (var r in Requests)
            list.Add(new ProbeEntry(r.Key, r.Guard, "request", r.Method.DeclaringType!.Name + "." + r.Method.Name, RequestFunction(r)));

        // Every [AbiConstants] constant, as its generated PerTarget.<Name>.For gives it (and Constants agrees).
        foreach (var c in Constants)
            list.Add(new ProbeEntry(c.CName, c.Guard, "constant", c.Class.Name + "." + c.Member, ConstantFunction(c)));

        // Every name any target's header defines, so a name a target lacks (or has and the table does not) differs.
        foreach (var table in ConstantTables)
            foreach (var name in ConstantNames(table))
                list.Add(new ProbeEntry(name, Guard.Always, "constant", $"{table.Header} {name}",
                    target => table.TryGetNumber(name, target, out long number) ? unchecked((uint)number) : Undefined));

        var duplicates = list.GroupBy(e => e.Key).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicates.Count > 0)
            throw new InvalidOperationException("Duplicate probe keys: " + string.Join(", ", duplicates));
        return list;
    }

    /// <summary>The names <paramref name="table"/> has on any target, in ordinal order.</summary>
    public static IEnumerable<string> ConstantNames(AbiConstantTable table)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var target in AbiTargets.All)
            names.UnionWith(table.Names(target));
        return names;
    }

    private static void Members(List<ProbeEntry> list, ProbedType root, Type type, string cPath, Guard guard)
    {
        var probeLayout = LayoutOf(type, AbiTarget.X86_64); // only for the member names and order
        foreach (var f in probeLayout.Fields)
        {
            var field = type.GetField(f.Name, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
                        ?? throw new InvalidOperationException($"{type.Name} has no field {f.Name}.");
            var fieldGuard = guard | OwnGuard(field);
            if (f.BitFields.Count > 0)
            {
                // A storage member is no C member: its bit-fields are probed, each by its own name (bit offsets are
                // from the struct that holds them, so from the root they add that struct's offset).
                string parentPath = cPath, storageName = f.Name;
                foreach (var b in f.BitFields.Where(b => b.Name is not null))
                {
                    string path = cPath.Length == 0 ? b.Name! : cPath + "." + b.Name;
                    string bitName = b.Name!;
                    string where = $"{type.Name}.{f.Name}:{b.Name}";
                    list.Add(new ProbeEntry($"bitoffset({root.CSpelling}, {path}){root.KeySuffix}", fieldGuard, "bitoffset", where,
                        target => (uint)((parentPath.Length == 0 ? 0 : LayoutOf(root.Type, target).Find(parentPath).Offset) * 8 + BitOf(root.Type, parentPath, storageName, bitName, target).BitOffset)));
                    list.Add(new ProbeEntry($"bitwidth({root.CSpelling}, {path}){root.KeySuffix}", fieldGuard, "bitwidth", where,
                        target => (uint)BitOf(root.Type, parentPath, storageName, bitName, target).Width));
                }

                continue;
            }

            // The product's C names and anonymous members: the paths gcc is asked about are the ones
            // AbiStructLayout.Find takes, and every value below is computed by Find: gcc checks the C paths too.
            bool anonymous = f.IsAnonymous;
            string memberPath = anonymous ? cPath : cPath.Length == 0 ? f.CName : cPath + "." + f.CName;

            // The member's nested C type, if any: a struct/union, or the element of an [InlineArray] of them.
            Type? nested = null;
            bool isArrayOfAggregates = false;
            var fieldType = field.FieldType;
            if (fieldType.GetCustomAttribute<InlineArrayAttribute>() is not null)
            {
                var element = fieldType.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic).Single().FieldType;
                if (IsAbiType(element))
                {
                    nested = element;
                    isArrayOfAggregates = true;
                }
            }
            else if (IsAbiType(fieldType))
            {
                nested = fieldType;
            }

            if (nested is not null)
                fieldGuard |= OwnGuard(nested);

            if (!anonymous)
                AddMember(list, root, memberPath, fieldGuard, type.Name + "." + f.Name);

            if (nested is null)
                continue;
            if (isArrayOfAggregates)
            {
                int index = f.Count > 1 ? 1 : 0; // element 1 checks the stride too
                string elementPath = $"{memberPath}[{index}]";
                AddMember(list, root, elementPath, fieldGuard, $"{type.Name}.{f.Name}[{index}]");
                Members(list, root, nested, elementPath, fieldGuard);
            }
            else
            {
                Members(list, root, nested, memberPath, fieldGuard);
            }
        }

        if (probeLayout.FlexibleArray is { } flex)
        {
            string path = cPath.Length == 0 ? flex.CName : cPath + "." + flex.CName;
            list.Add(new ProbeEntry($"offsetof({root.CSpelling}, {path}){root.KeySuffix}", guard, "offsetof", type.Name + "." + flex.Name + "[]",
                target => (uint)LayoutOf(root.Type, target).Find(path).Offset));
        }
    }

    /// <summary>offsetof and sizeof of the member at <paramref name="cPath"/>, as AbiStructLayout.Find computes them.</summary>
    private static void AddMember(List<ProbeEntry> list, ProbedType root, string cPath, Guard guard, string decl)
    {
        list.Add(new ProbeEntry($"offsetof({root.CSpelling}, {cPath}){root.KeySuffix}", guard, "offsetof", decl,
            target => (uint)LayoutOf(root.Type, target).Find(cPath).Offset));
        list.Add(new ProbeEntry($"sizeof((({root.CSpelling} *)0)->{cPath}){root.KeySuffix}", guard, "membersize", decl,
            target => (uint)LayoutOf(root.Type, target).Find(cPath).Size));
    }

    /// <summary>The bit-field <paramref name="bitField"/> of the storage member <paramref name="storage"/> of the struct at C path <paramref name="parentPath"/>.</summary>
    private static AbiBitFieldLayout BitOf(Type root, string parentPath, string storage, string bitField, AbiTarget target)
    {
        var layout = LayoutOf(root, target);
        if (parentPath.Length > 0)
            layout = layout.Find(parentPath).Nested!;
        return layout[storage].BitFields.Single(b => b.Name == bitField);
    }

    /// <summary>A bit-field entry is read from an object, not from the array.</summary>
    public static bool IsBitEntry(ProbeEntry e) => e.Kind is "bitoffset" or "bitwidth";

    /// <summary>
    /// gcc's bit position and the width of the one bit-field set to all ones in <paramref name="bytes"/>: memory bit
    /// <c>b</c> of byte <c>n</c> is position <c>8n + b</c> on a little-endian target and <c>8n + 7 - b</c> on a
    /// big-endian one. Throws when the set bits are not one run (the read-back is wrong).
    /// </summary>
    public static (uint Offset, uint Width) BitsOf(IReadOnlyList<byte> bytes, bool bigEndian)
    {
        var set = new List<int>();
        for (int n = 0; n < bytes.Count; n++)
            for (int b = 0; b < 8; b++)
                if ((bytes[n] >> b & 1) != 0)
                    set.Add(8 * n + (bigEndian ? 7 - b : b));
        if (set.Count == 0 || set.Max() - set.Min() + 1 != set.Count)
            throw new InvalidOperationException($"the bit-field's bits are not one run: {string.Join(" ", bytes.Select(x => x.ToString("x2")))}");
        return ((uint)set.Min(), (uint)set.Count);
    }

    private static Func<AbiTarget, uint> RequestFunction(ProbedRequest r)
    {
        var group = r.Method.DeclaringType!;
        var holder = group.GetNestedType("Requests")?.GetNestedType(r.Method.Name)
                     ?? throw new InvalidOperationException($"IoctlSharp generated no {group.Name}.Requests.{r.Method.Name}.");
        // For(AbiTarget, int...) takes the macro's arguments in its order (a macro argument, then a size at the call).
        int count = r.Arguments?.Length ?? 0;
        var parameters = new[] { typeof(AbiTarget) }.Concat(Enumerable.Repeat(typeof(int), count)).ToArray();
        var plain = holder.GetMethod("For", new[] { typeof(AbiTarget) });
        if (holder.GetMethod("For", parameters) is null && count > 0 && plain is not null)
            return target => (uint)plain.Invoke(null, new object[] { target })!; // the macro ignores its argument (VBG_IOCTL_LOG(s) is _IO)
        var method = holder.GetMethod("For", parameters)
                     ?? throw new InvalidOperationException($"{holder.FullName} has no For(AbiTarget{string.Concat(Enumerable.Repeat(", int", count))}): "
                         + "a request whose number takes arguments needs [CMacroArgument] with that many.");
        return target => (uint)method.Invoke(null, new object[] { target }.Concat(r.Arguments?.Cast<object>() ?? System.Array.Empty<object>()).ToArray())!;
    }

    // ---------------------------------------------------------------- probe.c and probe.keys

    /// <summary>The C file: the headers and one array holding every value (its lines, from <c>value</c>), under the keys' guards.</summary>
    public static string RenderC()
    {
        var sb = new StringBuilder();
        sb.Append("/* Generated by IoctlSharp.Conformance.Tests (Probe/ProbeModel.cs) from the C# declarations in Headers/.\n");
        sb.Append(" * Do not edit: IOCTLSHARP_UPDATE_SNAPSHOTS=1 dotnet test tests/IoctlSharp.Conformance.Tests rewrites it.\n");
        sb.Append(" * Compile with -S and read the arrays from the assembly: ioctlsharp_probe holds the values and\n");
        sb.Append(" * ioctlsharp_probe_keys the line of probe.keys (guard TAB key, counted from 0) that names each. */\n");
        sb.Append("#include <stddef.h>\n#include <linux/types.h>\n#include <linux/ioctl.h>\n");
        foreach (var h in Headers)
        {
            if (h.Guard == Guard.Always)
                sb.Append($"#include {IncludeSpelling(h.Include)}\n");
            else
                sb.Append($"#if {CCondition(h.Guard)}\n#include {IncludeSpelling(h.Include)}\n#endif\n");
        }

        foreach (var table in ConstantTables)
            sb.Append($"#include {table.Header}\n");

        // The values, and then which line of probe.keys each value is: what exists on a target is decided by the
        // preprocessor, and the reader checks it against the guards.
        Array(sb, "ioctlsharp_probe", (e, _) => e.Kind == "constant"
            ? $"#ifdef {e.Key}\n    {e.Key},\n#else\n    0x{Undefined:X}u,\n#endif\n"
            : $"    {e.Key},\n");
        Array(sb, "ioctlsharp_probe_keys", (_, i) => $"    {i.ToString(System.Globalization.CultureInfo.InvariantCulture)},\n");

        // offsetof has no answer for a bit-field: one object per bit-field, with it set to all ones and the rest
        // zero, whose bytes the reader takes from the assembly (.byte and .zero lines); the number is the line of
        // its bitoffset key in probe.keys (bitwidth is the next line).
        sb.Append("\n#pragma GCC diagnostic ignored \"-Woverflow\"\n");
        for (int i = 0; i < Entries.Count; i++)
        {
            var e = Entries[i];
            if (e.Kind != "bitoffset")
                continue;
            // bitoffset(struct x, a.b.c) /* suffix */
            int open = e.Key.IndexOf('('), comma = e.Key.IndexOf(", ", StringComparison.Ordinal), close = e.Key.LastIndexOf(')');
            string spelling = e.Key[(open + 1)..comma], path = e.Key[(comma + 2)..close];
            if (e.Guard != Guard.Always) sb.Append($"#if {CCondition(e.Guard)}\n");
            sb.Append($"const {spelling} ioctlsharp_bits_{i} = {{ .{path} = -1 }};\n");
            if (e.Guard != Guard.Always) sb.Append("#endif\n");
        }

        return sb.ToString();
    }

    private static void Array(StringBuilder sb, string name, Func<ProbeEntry, int, string> value)
    {
        sb.Append($"\nconst unsigned int {name}[] = {{\n");
        Guard? open = null;
        for (int i = 0; i < Entries.Count; i++)
        {
            var e = Entries[i];
            if (IsBitEntry(e))
                continue;
            if (open != e.Guard)
            {
                if (open is { } o && o != Guard.Always)
                    sb.Append("#endif\n");
                if (e.Guard != Guard.Always)
                    sb.Append($"#if {CCondition(e.Guard)}\n");
                open = e.Guard;
            }

            sb.Append(value(e, i));
        }

        if (open is { } last && last != Guard.Always)
            sb.Append("#endif\n");
        sb.Append("};\n");
    }

    /// <summary>probe.keys: one line per value of the array, <c>guard TAB key</c>.</summary>
    public static string RenderKeys()
    {
        var sb = new StringBuilder();
        foreach (var e in Entries)
            sb.Append(GuardName(e.Guard)).Append('\t').Append(e.Key).Append('\n');
        return sb.ToString();
    }
}
