using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Xunit;

namespace IoctlSharp.Compat.Tests;

/// <summary>
/// Every twin, member by member (offset and size, at every depth), against gcc -m32 reading the kernel's own
/// headers; the declarations themselves against gcc for x86_64; and a type without a twin against i386, which
/// proves that it needs none.
/// </summary>
public class GccConformanceTests
{
    private const string Prelude = """
        #include <stddef.h>
        #include <linux/types.h>
        #include <linux/kvm.h>
        #include <linux/vboxguest.h>
        #include <linux/vbox_vmmdev_types.h>
        #include <xen/privcmd.h>
        #define VBG_CALL_32(s) VBG_IOCTL_HGCM_CALL_32(s)
        /* include/linux/falloc.h: not exported, spelled as the kernel does. */
        struct space_resv { __s16 l_type; __s16 l_whence; __s64 l_start; __s64 l_len; __s32 l_sysid; __u32 l_pid; __s32 l_pad[4]; };
        /* Peer32/peer.c's own test structs. */
        struct u64_after_u32 { __u32 a; __u64 b; __u32 c; };
        struct with_pointers { void *p; unsigned char *q; __u32 n; };
        struct with_longs { long l; unsigned long u; __kernel_ssize_t n; __kernel_size_t z; };
        struct nested { __u16 tag; struct privcmd_dm_op_buf bufs[3]; struct u64_after_u32 inner; __u32 words[2]; };
        struct u64_after_u32_short { __u32 a; __u64 b; };
        struct array_of_shorts { __u32 n; struct u64_after_u32_short items[3]; };

        """;

    /// <summary>The declarations checked, with how C reaches a member the C# declaration nests in a named union.</summary>
    private static readonly (Type Type, string CPrefixToDrop)[] Checked =
    {
        (typeof(HgcmFunctionParameter), ""),
        (typeof(VbgIoctlHgcmCall), ""),
        (typeof(SpaceResv), ""),
        (typeof(PrivcmdMmap), ""),
        (typeof(PrivcmdMmapbatch), ""),
        (typeof(PrivcmdMmapbatchV2), ""),
        (typeof(PrivcmdDmOpBuf), ""),
        (typeof(PrivcmdDmOp), ""),
        (typeof(KvmDirtyTlb), ""),
        (typeof(KvmSevCmd), ""),
        (typeof(KvmSevLaunchStart), ""),
        (typeof(KvmSevLaunchUpdateData), ""),
        (typeof(KvmSevLaunchMeasure), ""),
        (typeof(KvmSevDbg), ""),
        (typeof(KvmSevLaunchSecret), ""),
        (typeof(KvmSevAttestationReport), ""),
        (typeof(KvmDirtyLog), "u."), // the union is anonymous in C
        (typeof(U64AfterU32), ""),
        (typeof(WithPointers), ""),
        (typeof(WithLongs), ""),
        (typeof(Nested), ""),
        (typeof(U64AfterU32Short), ""),
        (typeof(ArrayOfShorts), ""),
    };

    [Fact]
    public void EveryTwinMatchesGccI386MemberByMember() => Compare(i386: true);

    [Fact]
    public void EveryDeclarationMatchesGccX86_64MemberByMember() => Compare(i386: false);

    [Fact]
    public void AtLeastFifteenStructsOfTheKernelHeadersHaveAnI386Twin()
    {
        var withTwin = Checked.Select(c => c.Type).Where(t => t.GetNestedType("I386") is not null)
            .Except(new[] { typeof(U64AfterU32), typeof(WithPointers), typeof(WithLongs), typeof(Nested), typeof(U64AfterU32Short), typeof(ArrayOfShorts) }).ToList();
        Assert.True(withTwin.Count >= 15, string.Join(", ", withTwin.Select(t => t.Name)));
        Assert.Null(typeof(VbgIoctlHgcmCall).GetNestedType("I386")); // the header is alike on every target
    }

    [Fact]
    public void HgcmCallRequestNumbersForASizeKnownAtTheCallMatchTheHeader()
    {
        var facts = Gcc.Facts(Prelude + "const unsigned int facts[] = { VBG_IOCTL_HGCM_CALL_32(88), VBG_IOCTL_HGCM_CALL_64(104), VBG_IOCTL_HGCM_CALL(40) };\n", i386: false);
        int call32 = VbgIoctlHgcmCall.Abi.I386.SizeOf + 4 * HgcmFunctionParameter.Abi.I386.SizeOf;
        int call64 = VbgIoctlHgcmCall.Abi.X86_64.SizeOf + 4 * HgcmFunctionParameter.Abi.X86_64.SizeOf;
        Assert.Equal((88, 104), (call32, call64));
        Assert.Equal((uint)facts[0], Vbg.Requests.HgcmCall32.For(AbiTarget.X86_64, call32));
        Assert.Equal((uint)facts[1], Vbg.Requests.HgcmCall64.Native(call64));
        Assert.Equal((uint)facts[2], Vbg.Requests.HgcmCall64.Native(40));
        var i386 = Gcc.Facts(Prelude + "const unsigned int facts[] = { VBG_IOCTL_HGCM_CALL(88) };\n", i386: true);
        Assert.Equal((uint)i386[0], Vbg.Requests.HgcmCall32.For(AbiTarget.I386, call32)); // what a 32-bit client issues
    }

    [Fact]
    public void EveryTwinOfBothAbisHasTheLayoutTheEngineComputed()
    {
        // arm32 has no compiler on this machine; the engine's arm32 layouts are checked against Debian's cross
        // compilers elsewhere. This proves each twin is exactly the engine's layout, member by member.
        int twins = 0;
        foreach (var declared in typeof(GccConformanceTests).Assembly.GetTypes().Where(IsDeclaredAbi))
        {
            foreach (var (name, target) in new[] { ("I386", AbiTarget.I386), ("Arm32", AbiTarget.Arm32) })
            {
                var layout = (AbiStructLayout)typeof(AbiLayout).GetMethod(nameof(AbiLayout.Of))!.MakeGenericMethod(declared).Invoke(null, new object[] { target })!;
                var twin = declared.GetNestedType(name);
                if (twin is null)
                {
                    // No twin: the declaration itself must be that ABI's layout, byte for byte.
                    var native = (AbiStructLayout)typeof(AbiLayout).GetMethod(nameof(AbiLayout.Of))!.MakeGenericMethod(declared).Invoke(null, new object[] { AbiTarget.X86_64 })!;
                    Assert.Equal(native.Size, layout.Size);
                    Assert.Equal(native.Fields.Select(f => (f.Offset, f.Size)), layout.Fields.Select(f => (f.Offset, f.Size)));
                    continue;
                }

                twins++;
                Assert.Equal(layout.Size, SizeOf(twin));
                Assert.Equal(layout.Size, (int)twin.GetField("SizeOf")!.GetValue(null)!);
                foreach (var f in layout.Fields)
                {
                    Assert.Equal(f.Offset, (int)Marshal.OffsetOf(twin, f.Name));
                    Assert.Equal(f.Size, SizeOf(twin.GetField(f.Name)!.FieldType));
                }
            }
        }

        Assert.True(twins >= 30, $"{twins} twins");
    }

    private static void Compare(bool i386)
    {
        var c = new StringBuilder(Prelude).Append("const unsigned int facts[] = {\n");
        var expected = new List<(string What, long Value)>();
        foreach (var (declared, drop) in Checked)
        {
            var type = i386 ? declared.GetNestedType("I386") ?? declared : declared;
            string cType = "struct " + CName(declared);
            c.Append($"  sizeof({cType}),\n");
            expected.Add(($"sizeof({cType}) as {type.Name}", SizeOf(type)));
            foreach (var (path, offset, size) in Members(type, "", 0))
            {
                string member = SnakePath(path);
                if (drop.Length > 0 && member + "." == drop) continue;
                if (drop.Length > 0 && member.StartsWith(drop, StringComparison.Ordinal)) member = member.Substring(drop.Length);
                c.Append($"  offsetof({cType}, {member}), sizeof((({cType} *)0)->{member}),\n");
                expected.Add(($"offsetof({cType}, {member})", offset));
                expected.Add(($"sizeof({cType}.{member})", size));
            }
        }

        Assert.Contains(expected, e => e.What == "offsetof(struct vmmdev_hgcm_function_parameter, u.pointer.u.linear_addr)");
        Assert.Contains(expected, e => e.What == "offsetof(struct nested, inner.b)");
        var facts = Gcc.Facts(c.Append("};\n").ToString(), i386);
        Assert.Equal(expected.Count, facts.Count);
        var wrong = expected.Zip(facts).Where(p => p.First.Value != p.Second).Select(p => $"{p.First.What}: gcc {p.Second}, IoctlSharp {p.First.Value}").ToList();
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    /// <summary>Every member at every depth of an ABI aggregate (or a twin): its path, offset and size as .NET lays the type out.</summary>
    private static IEnumerable<(string Path, long Offset, long Size)> Members(Type type, string prefix, long baseOffset)
    {
        foreach (var f in type.GetFields(BindingFlags.Public | BindingFlags.Instance))
        {
            long offset = baseOffset + Marshal.OffsetOf(type, f.Name).ToInt64();
            string path = prefix + f.Name;
            yield return (path, offset, SizeOf(f.FieldType));
            if (IsAbiAggregate(f.FieldType))
                foreach (var inner in Members(f.FieldType, path + ".", offset))
                    yield return inner;
        }
    }

    /// <summary>An [AbiStruct]/[AbiUnion], or one's twin.</summary>
    private static bool IsAbiAggregate(Type t)
        => IsDeclaredAbi(t) || (t.Name == "I386" && t.DeclaringType is { } d && IsDeclaredAbi(d));

    private static bool IsDeclaredAbi(Type t) => t.GetCustomAttributes().Any(a => a is AbiStructAttribute or AbiUnionAttribute);

    private static long SizeOf(Type t) => t.IsPointer ? IntPtr.Size
        : (int)typeof(Unsafe).GetMethod(nameof(Unsafe.SizeOf))!.MakeGenericMethod(t).Invoke(null, null)!;

    private static string CName(Type t)
    {
        string? name = (string?)t.GetCustomAttributes().Select(a => a switch { AbiStructAttribute s => s.CName, AbiUnionAttribute u => u.CName, _ => null }).FirstOrDefault(n => n is not null);
        return name ?? Snake(t.Name);
    }

    private static string SnakePath(string path) => string.Join(".", path.Split('.').Select(Snake));

    /// <summary><c>LinearAddr</c> to <c>linear_addr</c>; <c>Value32</c> stays <c>value32</c>.</summary>
    private static string Snake(string name)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1])
                || (i + 1 < name.Length && char.IsLower(name[i + 1])))) sb.Append('_');
            sb.Append(char.ToLowerInvariant(name[i]));
        }

        return sb.ToString();
    }
}
