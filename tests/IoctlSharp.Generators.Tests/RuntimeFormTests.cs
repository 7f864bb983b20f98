using Xunit;

namespace IoctlSharp.Generators.Tests;

/// <summary>
/// The wrapper shapes the runtime adds: fd-returning ioctls that return an owned handle, IoctlResult (the errno
/// without an exception), the SuppressGCTransition opt-in, and flexible-array buffers with their count field.
/// </summary>
public class RuntimeFormTests
{
    private const string Usings = "using System;\nusing System.Runtime.InteropServices;\nusing IoctlSharp;\n";

    [Fact]
    public void HandlesResultsNoGCTransitionAndFlexibleBuffers()
    {
        var result = Harness.Run(Usings + """
            namespace Forms;

            public sealed class VmHandle : FileDescriptorHandle { }

            [AbiStruct(ExpectedSize = 16)]
            public partial struct MsrEntry
            {
                public uint Index;
                public uint Reserved;
                public ulong Data;
            }

            [AbiStruct(ExpectedSize = 8), FlexibleArray(typeof(MsrEntry), CountField = nameof(Nmsrs))]
            public partial struct Msrs
            {
                public uint Nmsrs;
                public uint Pad;
            }

            [IoctlGroup(0xAE)]
            public static partial class Kvm
            {
                [IoctlNone(0x01, Name = "KVM_CREATE_VM")]
                public static partial VmHandle CreateVm(SafeHandle kvm, nuint machineType);

                [IoctlNone(0x03, Name = "KVM_CHECK_EXTENSION", SuppressGCTransition = true)]
                public static partial int CheckExtension(SafeHandle kvm, int extension);

                [IoctlNone(0x80, Name = "KVM_RUN")]
                public static partial IoctlResult TryRun(SafeHandle vcpu);

                [IoctlReadWrite(0x88, Name = "KVM_GET_MSRS")]
                public static partial int GetMsrs(SafeHandle vcpu, FlexibleBuffer<Msrs, MsrEntry> msrs);

                [IoctlWrite(0x89, Name = "KVM_SET_MSRS", SuppressGCTransition = true)]
                public static partial IoctlResult TrySetMsrs(SafeHandle vcpu, FlexibleBuffer<Msrs, MsrEntry> msrs);
            }
            """).AssertClean();
        Snapshot.Match(result.Sources, nameof(HandlesResultsNoGCTransitionAndFlexibleBuffers));
    }

    [Theory]
    [InlineData("public abstract class Abstract : SafeHandle { protected Abstract() : base(0, true) { } }",
        "public static partial Abstract Get(SafeHandle fd);")]
    [InlineData("public sealed class NoDefault : FileDescriptorHandle { public NoDefault(int fd) : base(fd, true) { } }",
        "public static partial NoDefault Get(SafeHandle fd);")]
    [InlineData("", "public static partial string Get(SafeHandle fd);")]
    public void AReturnTypeTheWrapperCannotProduceIsRejected(string types, string method)
    {
        var result = Harness.Run(Usings + "namespace Bad;\n" + types
            + "\n[IoctlGroup(0xAE)] public static partial class G {\n[IoctlNone(0)] public static partial int Fine(SafeHandle fd);\n[IoctlNone(1)] "
            + method + "\n}");
        Assert.All(result.Run.Results, r => Assert.Null(r.Exception));
        var error = Assert.Single(result.AnalyzerDiagnostics, d => d.Id == "ISH206");
        Assert.Contains("IoctlResult", error.GetMessage());
        var group = Assert.Single(result.Sources, s => s.HintName == "Bad.G.g.cs").Text;
        Assert.Contains("Fine(", group);
        Assert.DoesNotContain("public static class Get", group);
        Assert.Contains("IoctlSharp generated no wrapper for G.Get: ISH206", group);
        Assert.Empty(result.ErrorsCausedByGeneration);
    }

    [Theory]
    [InlineData("Missing")]
    [InlineData("Pointer")]
    [InlineData("Flag")]
    public void ACountFieldThatIsNotAnIntegerFieldIsRejected(string countField)
    {
        var result = Harness.Run(Usings + "namespace Bad;\n"
            + "[AbiStruct] public partial struct E { public uint A; }\n"
            + $"[AbiStruct, FlexibleArray(typeof(E), CountField = \"{countField}\")] public unsafe partial struct S {{ public uint N; public void* Pointer; public bool Flag; }}");
        Assert.All(result.Run.Results, r => Assert.Null(r.Exception));
        var error = Assert.Single(result.AnalyzerDiagnostics, d => d.Id == "ISH106");
        Assert.Contains("integer field", error.GetMessage());
        Assert.DoesNotContain(result.Completed, s => s.HintName == "Bad.S.g.cs");
        Assert.Contains(result.Sources, s => s.HintName == "Bad.E.g.cs");
    }
}
