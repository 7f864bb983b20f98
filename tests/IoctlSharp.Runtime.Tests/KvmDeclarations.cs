using System.Runtime.InteropServices;
using IoctlSharp;

namespace IoctlSharp.Runtime.Tests;

// The parts of linux/kvm.h (x86) the runtime tests drive, declared as a user would. The full kvm.h, checked against
// gcc, is the conformance suite's.

/// <summary>A VM's fd (anon_inode:kvm-vm), returned by KVM_CREATE_VM.</summary>
public sealed class KvmVmHandle : FileDescriptorHandle
{
}

/// <summary>A vCPU's fd (anon_inode:kvm-vcpu:N), returned by KVM_CREATE_VCPU.</summary>
public sealed class KvmVcpuHandle : FileDescriptorHandle
{
}

/// <summary><c>struct kvm_regs</c> (x86).</summary>
[AbiStruct(ExpectedSize = 144)]
public partial struct KvmRegs
{
    public ulong Rax, Rbx, Rcx, Rdx, Rsi, Rdi, Rsp, Rbp;
    public ulong R8, R9, R10, R11, R12, R13, R14, R15;
    public ulong Rip, Rflags;
}

/// <summary><c>struct kvm_segment</c>.</summary>
[AbiStruct(ExpectedSize = 24)]
public partial struct KvmSegment
{
    public ulong Base;
    public uint Limit;
    public ushort Selector;
    public byte Type, Present, Dpl, Db, S, L, G, Avl, Unusable, Padding;
}

/// <summary><c>struct kvm_dtable</c>.</summary>
[AbiStruct(ExpectedSize = 16)]
public unsafe partial struct KvmDtable
{
    public ulong Base;
    public ushort Limit;
    public fixed ushort Padding[3];
}

/// <summary><c>struct kvm_sregs</c> (x86).</summary>
[AbiStruct(ExpectedSize = 312)]
public unsafe partial struct KvmSregs
{
    public KvmSegment Cs, Ds, Es, Fs, Gs, Ss, Tr, Ldt;
    public KvmDtable Gdt, Idt;
    public ulong Cr0, Cr2, Cr3, Cr4, Cr8, Efer, ApicBase;
    public fixed ulong InterruptBitmap[4]; // (KVM_NR_INTERRUPTS + 63) / 64
}

/// <summary><c>struct kvm_msr_entry</c>.</summary>
[AbiStruct(ExpectedSize = 16)]
public partial struct KvmMsrEntry
{
    public uint Index;
    public uint Reserved;
    public ulong Data;
}

/// <summary><c>struct kvm_msrs { __u32 nmsrs; __u32 pad; struct kvm_msr_entry entries[0]; }</c>.</summary>
[AbiStruct(ExpectedSize = 8), FlexibleArray(typeof(KvmMsrEntry), CountField = nameof(Nmsrs))]
public partial struct KvmMsrs
{
    public uint Nmsrs;
    public uint Pad;
}

/// <summary><c>struct kvm_cpuid_entry2</c>.</summary>
[AbiStruct(ExpectedSize = 40)]
public unsafe partial struct KvmCpuidEntry2
{
    public uint Function, Index, Flags, Eax, Ebx, Ecx, Edx;
    public fixed uint Padding[3];
}

/// <summary><c>struct kvm_cpuid2 { __u32 nent; __u32 padding; struct kvm_cpuid_entry2 entries[0]; }</c>.</summary>
[AbiStruct(ExpectedSize = 8), FlexibleArray(typeof(KvmCpuidEntry2), CountField = nameof(Nent))]
public partial struct KvmCpuid2
{
    public uint Nent;
    public uint Padding;
}

/// <summary>The <c>io</c> member of kvm_run's exit union (KVM_EXIT_IO).</summary>
[AbiStruct(ExpectedSize = 16)]
public partial struct KvmRunIo
{
    public byte Direction;
    public byte Size;
    public ushort Port;
    public uint Count;
    public ulong DataOffset; // relative to the start of the kvm_run mapping
}

/// <summary>kvm_run's exit union, padded to 256 bytes as in the header.</summary>
[AbiUnion(ExpectedSize = 256)]
public unsafe partial struct KvmRunExit
{
    [FieldOffset(0)] public KvmRunIo Io;
    [FieldOffset(0)] public fixed byte Padding[256];
}

/// <summary>The start of <c>struct kvm_run</c>, the vCPU's shared page: what the tests read (up to the exit union).</summary>
[AbiStruct(ExpectedSize = 288)]
public unsafe partial struct KvmRun
{
    public byte RequestInterruptWindow;
    public byte ImmediateExit;
    public fixed byte Padding1[6];
    public uint ExitReason;
    public byte ReadyForInterruptInjection;
    public byte IfFlag;
    public ushort Flags;
    public ulong Cr8;
    public ulong ApicBase;
    public KvmRunExit Exit;

    public const uint ExitIo = 2, ExitHlt = 5;
    public const byte ExitIoOut = 1;
}

// More of the KVMIO group declared in Declarations.cs: the VM and vCPU lifecycle, registers, MSRs, CPUID.
public static partial class Kvm
{
    public const int CapImmediateExit = 136;

    [IoctlNone(0x01, Name = "KVM_CREATE_VM")]
    public static partial KvmVmHandle CreateVm(SafeHandle kvm, nuint machineType);

    [IoctlNone(0x03, Name = "KVM_CHECK_EXTENSION", SuppressGCTransition = true)]
    public static partial int CheckExtensionWithoutGCTransition(SafeHandle kvm, int extension);

    [IoctlNone(0x03, Name = "KVM_CHECK_EXTENSION")]
    public static partial IoctlResult TryCheckExtension(SafeHandle kvm, int extension);

    [IoctlNone(0x04, Name = "KVM_GET_VCPU_MMAP_SIZE")]
    public static partial int GetVcpuMmapSize(SafeHandle kvm);

    [IoctlReadWrite(0x05, Name = "KVM_GET_SUPPORTED_CPUID")]
    public static partial int GetSupportedCpuid(SafeHandle kvm, FlexibleBuffer<KvmCpuid2, KvmCpuidEntry2> cpuid);

    [IoctlReadWrite(0x05, Name = "KVM_GET_SUPPORTED_CPUID")]
    public static partial IoctlResult TryGetSupportedCpuid(SafeHandle kvm, FlexibleBuffer<KvmCpuid2, KvmCpuidEntry2> cpuid);

    [IoctlNone(0x41, Name = "KVM_CREATE_VCPU")]
    public static partial KvmVcpuHandle CreateVcpu(SafeHandle vm, nuint vcpuId);

    [IoctlNone(0x80, Name = "KVM_RUN")]
    public static partial void Run(SafeHandle vcpu);

    [IoctlNone(0x80, Name = "KVM_RUN")]
    public static partial IoctlResult TryRun(SafeHandle vcpu);

    [IoctlRead(0x81, Name = "KVM_GET_REGS")]
    public static partial void GetRegs(SafeHandle vcpu, out KvmRegs regs);

    [IoctlRead(0x81, Name = "KVM_GET_REGS")]
    public static unsafe partial void GetRegsAt(SafeHandle vcpu, KvmRegs* regs);

    [IoctlWrite(0x82, Name = "KVM_SET_REGS")]
    public static partial void SetRegs(SafeHandle vcpu, in KvmRegs regs);

    [IoctlRead(0x83, Name = "KVM_GET_SREGS")]
    public static partial void GetSregs(SafeHandle vcpu, out KvmSregs sregs);

    [IoctlWrite(0x84, Name = "KVM_SET_SREGS")]
    public static partial void SetSregs(SafeHandle vcpu, in KvmSregs sregs);

    [IoctlReadWrite(0x88, Name = "KVM_GET_MSRS")]
    public static partial int GetMsrs(SafeHandle vcpu, FlexibleBuffer<KvmMsrs, KvmMsrEntry> msrs);

    [IoctlWrite(0x89, Name = "KVM_SET_MSRS")]
    public static partial int SetMsrs(SafeHandle vcpu, FlexibleBuffer<KvmMsrs, KvmMsrEntry> msrs);
}
