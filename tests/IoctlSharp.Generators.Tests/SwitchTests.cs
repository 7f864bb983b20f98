using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace IoctlSharp.Generators.Tests;

/// <summary>
/// The switches a project has besides #pragma and NoWarn: <c>IoctlSharpAdviceAnalyzers=false</c> turns every
/// diagnostic that is not an error off, and <c>[AbiUnion(ActiveMemberChosenBy = "...")]</c> accepts ISH111 for one union.
/// </summary>
public class SwitchTests
{
    private const string Usings = "using System;\nusing System.Runtime.InteropServices;\nusing IoctlSharp;\nnamespace C;\n";

    // One declaration for each advice diagnostic, ISH111, and one error (ISH103).
    private const string Advice = Usings + """
        [AbiStruct(ExpectedSize64 = 16)] public partial struct HasBool { public bool On; public ulong After; } // ISH120, ISH121, ISH122
        [AbiStruct(ExpectedSize32 = 4, ExpectedSize64 = 8)] public unsafe partial struct HasPointer { public void* P; }        // ISH123
        [AbiStruct] public partial struct NoSize { public uint A; }                                                            // ISH124
        [AbiUnion] public unsafe partial struct PtrOrU32 { [FieldOffset(0)] public void* Ptr; [FieldOffset(0)] public uint Value; }
        [AbiStruct(AllowAbiDifferences = true, ExpectedSize32 = 8, ExpectedSize64 = 16)] public partial struct Holder { public uint Tag; public PtrOrU32 U; } // ISH111
        [AbiStruct(ExpectedSize = 4)] public partial struct Wrong { public ulong X; }                                          // ISH103
        [IoctlGroup(0xAB)]
        public static partial class Dev
        {
            [IoctlNone(0x01, Name = "DEV_ONE")] public static partial int One(SafeHandle fd);
            [IoctlNone(0x01, Name = "DEV_OTHER")] public static partial int Other(SafeHandle fd);                              // ISH220
            [IoctlRead(0x02)] public static partial void Read(SafeHandle fd, uint value);                                    // ISH221
        }
        """;

    private static async Task<HashSet<string>> Ids(string source, params (string, string)[] properties)
    {
        var run = Harness.Run(source);
        var diagnostics = await run.Output.WithAnalyzers(Harness.AllAnalyzers(), BuildProperties.Options(properties)).GetAnalyzerDiagnosticsAsync();
        return diagnostics.Select(d => d.Id).ToHashSet();
    }

    private static readonly string[] AdviceIds = { "ISH111", "ISH120", "ISH121", "ISH122", "ISH123", "ISH124", "ISH220", "ISH221" };

    [Fact]
    public async Task WithoutTheSwitchEveryAdviceIsReported()
    {
        var ids = await Ids(Advice);
        Assert.All(AdviceIds, id => Assert.Contains(id, ids));
        Assert.Contains("ISH103", ids);
        Assert.Equal(ids, await Ids(Advice, ("IoctlSharpAdviceAnalyzers", "true")));
    }

    [Theory]
    [InlineData("false")]
    [InlineData(" False ")]
    public async Task IoctlSharpAdviceAnalyzersFalseTurnsOffEveryDiagnosticButErrors(string value)
    {
        var ids = await Ids(Advice, ("IoctlSharpAdviceAnalyzers", value));
        Assert.All(AdviceIds, id => Assert.DoesNotContain(id, ids));
        Assert.Equal(new[] { "ISH103" }, ids.ToArray());
    }

    private const string IfReq = Usings + """
        [AbiUnion(ActiveMemberChosenBy = "the request (SIOCGIFFLAGS, SIOCGIFADDR, ...)")]
        public unsafe partial struct IfrIfru { [FieldOffset(0)] public short Flags; [FieldOffset(0)] public void* Data; }
        [AbiStruct(AllowAbiDifferences = true, ExpectedSize32 = 20, ExpectedSize64 = 24)]
        public unsafe partial struct IfReq { public fixed byte Name[16]; public IfrIfru Ifru; }
        """;

    [Fact]
    public void AUnionWhoseActiveMemberTheRequestChoosesAcceptsIsh111AndKeepsItsLayoutOnlyTwins()
    {
        var result = Harness.Run(IfReq).AssertClean();
        Assert.Contains("partial struct I386", result.Sources.Single(s => s.HintName == "C.IfReq.Compat.g.cs").Text);
        Assert.Contains("layout only (no conversions: see ISH111)", result.Sources.Single(s => s.HintName == "C.IfReq.g.cs").Text);
    }

    [Fact]
    public void WithoutActiveMemberChosenByTheSameUnionWarns()
    {
        foreach (var without in new[] { IfReq.Replace("(ActiveMemberChosenBy = \"the request (SIOCGIFFLAGS, SIOCGIFADDR, ...)\")", ""),
                     IfReq.Replace("the request (SIOCGIFFLAGS, SIOCGIFADDR, ...)", " ") })
        {
            var warning = Assert.Single(Harness.Run(without).AnalyzerDiagnostics, d => d.Id == "ISH111");
            Assert.Contains("member 'Ifru'", warning.GetMessage());
        }
    }

    [Fact]
    public void AnAcceptedUnionDoesNotHideAnotherThatNothingChooses()
    {
        var result = Harness.Run(IfReq + """
            [AbiUnion] public unsafe partial struct Other { [FieldOffset(0)] public void* Ptr; [FieldOffset(0)] public uint Value; }
            [AbiStruct(AllowAbiDifferences = true)] public unsafe partial struct Both { public IfrIfru First; public Other Second; }
            """);
        var warning = Assert.Single(result.AnalyzerDiagnostics, d => d.Id == "ISH111");
        Assert.Contains("member 'Second'", warning.GetMessage());
    }
}
