using System.Threading.Tasks;
using IoctlSharp.CodeFixes;
using IoctlSharp.Generators.Tests.Verifiers;
using Xunit;

namespace IoctlSharp.Generators.Tests;

/// <summary>
/// Each code fix through the official Roslyn code-fix test library: the document it produces, one fix at a time and
/// through Fix All (document, project, solution), the diagnostic gone afterwards, and the fixed source building with
/// the generator.
/// </summary>
public class CodeFixTests
{
    [Fact]
    public Task BoolBecomesByte() => CodeFixVerifier.VerifyAsync(new BoolFieldCodeFixProvider(), "ISH120", """
        [AbiStruct(ExpectedSize = 8)]
        public partial struct VmmDevMemory
        {
            public uint Size;
            public bool [|HaveEvents|];
            public byte A, B, C;
        }
        """, """
        [AbiStruct(ExpectedSize = 8)]
        public partial struct VmmDevMemory
        {
            public uint Size;
            public byte HaveEvents;
            public byte A, B, C;
        }
        """);

    [Fact]
    public Task FixAllTurnsEveryBoolOfADocumentIntoByte() => CodeFixVerifier.VerifyAsync(new BoolFieldCodeFixProvider(), "ISH120", """
        [AbiStruct(ExpectedSize = 4)]
        public partial struct Two
        {
            public bool [|A|];
            public bool [|B|];
            public ushort C;
        }
        """, """
        [AbiStruct(ExpectedSize = 4)]
        public partial struct Two
        {
            public byte A;
            public byte B;
            public ushort C;
        }
        """);

    [Fact]
    public Task BoolFixedBufferBecomesByte() => CodeFixVerifier.VerifyAsync(new BoolFieldCodeFixProvider(), "ISH120", """
        [AbiStruct(ExpectedSize = 4)]
        public unsafe partial struct Flags
        {
            public fixed bool [|Values|][4];
        }
        """, """
        [AbiStruct(ExpectedSize = 4)]
        public unsafe partial struct Flags
        {
            public fixed byte Values[4];
        }
        """);

    [Fact]
    public Task HoleBecomesExplicitPadding() => CodeFixVerifier.VerifyAsync(new ExplicitPaddingCodeFixProvider(), "ISH121", """
        [AbiStruct(ExpectedSize = 8)]
        public partial struct S
        {
            public byte Flag;
            public uint [|Value|];
        }
        """, """
        [AbiStruct(ExpectedSize = 8)]
        public partial struct S
        {
            public byte Flag;
            public byte Padding1;
            public ushort Padding2;
            public uint Value;
        }
        """);

    [Fact]
    public Task HoleInAOneLineStructIsPaddedInsideItsBody() => CodeFixVerifier.VerifyAsync(new ExplicitPaddingCodeFixProvider(), "ISH121", """
        [AbiStruct(ExpectedSize = 8)] public partial struct S { public byte Flag; public uint [|Value|]; }
        """, """
        [AbiStruct(ExpectedSize = 8)] public partial struct S { public byte Flag; public byte Padding1; public ushort Padding2; public uint Value; }
        """);

    [Fact]
    public Task TailHoleInAOneLineStructIsPaddedInsideItsBody() => CodeFixVerifier.VerifyAsync(new ExplicitPaddingCodeFixProvider(), "ISH121", """
        [AbiStruct(ExpectedSize64 = 16, AllowAbiDifferences = true)] public partial struct [|S|] { public ulong A; public uint B; }
        """, """
        [AbiStruct(ExpectedSize64 = 16, AllowAbiDifferences = true)] public partial struct S { public ulong A; public uint B; public uint Padding12; }
        """);

    [Fact]
    public Task TailHoleBecomesExplicitPadding() => CodeFixVerifier.VerifyAsync(new ExplicitPaddingCodeFixProvider(), "ISH121", """
        [AbiStruct(ExpectedSize64 = 16, AllowAbiDifferences = true)]
        public partial struct [|S|]
        {
            public ulong A;
            public uint B;
        }
        """, """
        [AbiStruct(ExpectedSize64 = 16, AllowAbiDifferences = true)]
        public partial struct S
        {
            public ulong A;
            public uint B;
            public uint Padding12;
        }
        """);

    [Fact]
    public Task LongHoleBecomesAFixedBuffer() => CodeFixVerifier.VerifyAsync(new ExplicitPaddingCodeFixProvider(), "ISH121", """
        [AbiStruct(Align = 32, ExpectedSize = 32)]
        public partial struct [|CacheLine|]
        {
            public ulong Head;
        }
        """, """
        [AbiStruct(Align = 32, ExpectedSize = 32)]
        public unsafe partial struct CacheLine
        {
            public ulong Head;
            public fixed byte Padding8[24];
        }
        """);

    [Fact]
    public Task PaddingNamesDoNotCollide() => CodeFixVerifier.VerifyAsync(new ExplicitPaddingCodeFixProvider(), "ISH121", """
        [AbiStruct(ExpectedSize = 8)]
        public partial struct S
        {
            public ushort Padding4;
            public uint [|Value|];
        }
        """, """
        [AbiStruct(ExpectedSize = 8)]
        public partial struct S
        {
            public ushort Padding4;
            public ushort Padding2;
            public uint Value;
        }
        """);

    [Fact]
    public Task I386AgreesThroughAbiAlign() => CodeFixVerifier.VerifyAsync(new AbiAlignCodeFixProvider(), "ISH122", """
        [AbiStruct(ExpectedSize64 = 16)]
        public partial struct S
        {
            public uint A;
            public ulong [|B|];
        }
        """, """
        [AbiStruct(ExpectedSize64 = 16)]
        public partial struct S
        {
            public uint A;
            [AbiAlign(8)] public ulong B;
        }
        """);

    [Fact]
    public Task I386AgreesThroughExplicitPadding() => CodeFixVerifier.VerifyAsync(new ExplicitPaddingCodeFixProvider(), "ISH122", """
        [AbiStruct(ExpectedSize64 = 16)]
        public partial struct S
        {
            public ushort A;
            public ulong [|B|];
        }
        """, """
        [AbiStruct(ExpectedSize64 = 16)]
        public partial struct S
        {
            public ushort A;
            public ushort Padding2;
            public uint Padding4;
            public ulong B;
        }
        """);

    [Fact]
    public Task I386SizeAgreesThroughTheStructsAlignment() => CodeFixVerifier.VerifyAsync(new AbiAlignCodeFixProvider(), "ISH122", """
        [AbiStruct(ExpectedSize64 = 16)]
        public partial struct [|SpaceResvTail|]
        {
            public long Start;
            public int Len;
        }
        """, """
        [AbiStruct(ExpectedSize64 = 16, Align = 8)]
        public partial struct SpaceResvTail
        {
            public long Start;
            public int Len;
        }
        """);

    [Fact]
    public Task I386SizeAgreesThroughTailPadding() => CodeFixVerifier.VerifyAsync(new ExplicitPaddingCodeFixProvider(), "ISH122", """
        [AbiStruct(ExpectedSize64 = 16)]
        public partial struct [|SpaceResvTail|]
        {
            public long Start;
            public int Len;
        }
        """, """
        [AbiStruct(ExpectedSize64 = 16)]
        public partial struct SpaceResvTail
        {
            public long Start;
            public int Len;
            public uint Padding12;
        }
        """);

    [Fact]
    public Task WrongExpectedSizeIsCorrected() => CodeFixVerifier.VerifyAsync(new ExpectedSizeCodeFixProvider(), "ISH103", """
        [AbiStruct(ExpectedSize = 12)]
        public partial struct [|KvmMsrEntry|]
        {
            public uint Index;
            public uint Reserved;
            public ulong Data;
        }
        """, """
        [AbiStruct(ExpectedSize = 16)]
        public partial struct KvmMsrEntry
        {
            public uint Index;
            public uint Reserved;
            public ulong Data;
        }
        """);

    [Fact]
    public Task ExpectedSizeSplitsBetweenIlp32AndLp64() => CodeFixVerifier.VerifyAsync(new ExpectedSizeCodeFixProvider(), "ISH103", """
        [AbiStruct(ExpectedSize = 24, CName = "privcmd_mmapbatch_v2")]
        public unsafe partial struct [|PrivcmdMmapbatchV2|]
        {
            public uint Num;
            public ushort Dom;
            public ulong Addr;
            public CULong* Arr;
            public int* Err;
        }
        """, """
        [AbiStruct(CName = "privcmd_mmapbatch_v2", ExpectedSize32 = 24, ExpectedSize64 = 32)]
        public unsafe partial struct PrivcmdMmapbatchV2
        {
            public uint Num;
            public ushort Dom;
            public ulong Addr;
            public CULong* Arr;
            public int* Err;
        }
        """);

    [Fact]
    public Task MissingExpectedSizeIsDeclared() => CodeFixVerifier.VerifyAsync(new ExpectedSizeCodeFixProvider(), "ISH124", """
        [AbiStruct]
        public partial struct [|UffdioApi|]
        {
            public ulong Api;
            public ulong Features;
            public ulong Ioctls;
        }
        """, """
        [AbiStruct(ExpectedSize = 24)]
        public partial struct UffdioApi
        {
            public ulong Api;
            public ulong Features;
            public ulong Ioctls;
        }
        """);
}
