using System.Linq;
using Xunit;

namespace IoctlSharp.Generators.Tests;

/// <summary>Valid declarations that generated code could easily get wrong: the output must compile cleanly.</summary>
public class UnusualButValidTests
{
    private const string Usings = "using System;\nusing System.Runtime.InteropServices;\nusing IoctlSharp;\n";

    [Fact]
    public void KeywordNamesAreEscaped()
    {
        var result = Harness.Run(Usings + """
            namespace @fixed;
            [AbiStruct(AllowAbiDifferences = true)] public partial struct @class { public uint @base; public ulong @checked; }
            [IoctlGroup(1)] public static partial class @event
            {
                [IoctlRead(2)] public static partial void @new(SafeHandle @this, out @class @out);
            }
            """).AssertClean();
        Assert.Equal(3, result.Sources.Count); // the struct, its i386 twin (compat file) and the group
    }

    [Fact]
    public void NamesThatMeetGeneratedMembers()
    {
        // Fields named like the generated nested classes, and a struct nested in partial classes and a record struct.
        var result = Harness.Run(Usings + """
            namespace N;
            public static partial class Outer
            {
                public partial record struct Inner
                {
                    [AbiStruct] public partial struct S { public uint Abi; public uint Offsets; public uint SizeOf; public uint probe; public uint target; }
                }
            }
            """).AssertClean();
        Assert.Equal("N.Outer+Inner+S.g.cs", Assert.Single(result.Sources).HintName);
    }

    [Fact]
    public void GlobalNamespaceAndInternalTypes()
    {
        var result = Harness.Run(Usings + """
            [AbiStruct] internal partial struct S { public uint A; }
            [IoctlGroup('x')] internal static partial class G { [IoctlWrite(1)] internal static partial int Set(SafeHandle fd, in S s); }
            """).AssertClean();
        Assert.Equal(new[] { "G.g.cs", "S.g.cs" }, result.Sources.Select(s => s.HintName).OrderBy(h => h));
    }
}
