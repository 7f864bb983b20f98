// What the docs' code fragments (<!-- compile: context -->, <!-- compile: members -->) use without declaring it,
// compiled with each such fragment by DocsCodeBlockTests, with the generator and analyzers. The KVM and tun
// declarations are the runtime tests' own (tests/IoctlSharp.Runtime.Tests/Declarations.cs, KvmDeclarations.cs,
// TunDeclarations.cs, compiled beside this file), the ones that run against the real /dev/kvm; this file adds the
// variables the fragments name (Given) and what only README's HGCM example uses.
global using IoctlSharp.Runtime.Tests;
global using static Given;

/// <summary>The variables the fragments use as if a surrounding method had them.</summary>
public static class Given
{
    public static FileDescriptorHandle kvm = null!, vm = null!, vcpu = null!;
    public static MemoryMapping<KvmRun> kvmRun = null!;
    public static CancellationToken cancellationToken;
    public static IfReqFlags ifreq;
    public static ReadOnlySpan<byte> call32 => default;
}

// VBoxGuest's HGCM call (README's 32-bit peers section).
public enum HgcmParameterType : uint { Bit32 = 1, Bit64 = 2, LinAddr = 4, LinAddrIn = 5, LinAddrOut = 6, PageList = 10 }

[AbiStruct(Pack = 1, ExpectedSize = 8)]
public partial struct HgcmPageList { public uint Size; public uint Offset; }

[AbiStruct(ExpectedSize = 40)]
public unsafe partial struct VbgIoctlHgcmCall
{
    public fixed byte Header[24];
    public uint ClientId;
    public uint Function;
    public uint Timeout;
    public byte Interruptible;
    public byte Reserved;
    public ushort ParmCount;
}
