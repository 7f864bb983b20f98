using System.Runtime.InteropServices;
using IoctlSharp;

namespace Sample.Driver;

// What the VMM needs of linux/kvm.h beyond Kvm.cs: the vCPU's registers, its segment state and the shared
// kvm_run page, each declared once as the header spells it.

/// <summary><c>struct kvm_regs</c> (x86): the general-purpose registers.</summary>
[AbiStruct(ExpectedSize = 144)]
public partial struct KvmRegs
{
    public ulong Rax, Rbx, Rcx, Rdx;
    public ulong Rsi, Rdi, Rsp, Rbp;
    public ulong R8, R9, R10, R11;
    public ulong R12, R13, R14, R15;
    public ulong Rip, Rflags;
}

/// <summary><c>struct kvm_segment</c>: a segment register with its hidden descriptor cache.</summary>
[AbiStruct(ExpectedSize = 24)]
public partial struct KvmSegment
{
    public ulong Base;
    public uint Limit;
    public ushort Selector;
    public byte Type;
    public byte Present, Dpl, Db, S, L, G, Avl;
    public byte Unusable;
    public byte Padding;
}

/// <summary><c>struct kvm_dtable</c>: the GDTR or IDTR.</summary>
[AbiStruct(ExpectedSize = 16)]
public unsafe partial struct KvmDtable
{
    public ulong Base;
    public ushort Limit;
    public fixed ushort Padding[3];
}

/// <summary><c>struct kvm_sregs</c> (x86): segments, descriptor tables, control registers, EFER.</summary>
[AbiStruct(ExpectedSize = 312)]
public unsafe partial struct KvmSregs
{
    public KvmSegment Cs, Ds, Es, Fs, Gs, Ss;
    public KvmSegment Tr, Ldt;
    public KvmDtable Gdt, Idt;
    public ulong Cr0, Cr2, Cr3, Cr4, Cr8;
    public ulong Efer;
    public ulong ApicBase;
    public fixed ulong InterruptBitmap[4]; // (KVM_NR_INTERRUPTS + 63) / 64
}

/// <summary>The <c>KVM_EXIT_*</c> reasons (linux/kvm.h).</summary>
public enum KvmExitReason : uint
{
    Unknown = 0, Exception = 1, Io = 2, Hypercall = 3, Debug = 4, Hlt = 5, Mmio = 6, IrqWindowOpen = 7,
    Shutdown = 8, FailEntry = 9, Intr = 10, SetTpr = 11, TprAccess = 12, Nmi = 16, InternalError = 17,
    Osi = 18, SystemEvent = 24, X86Rdmsr = 29, X86Wrmsr = 30, X86BusLock = 33, Notify = 37,
}

/// <summary>The <c>io</c> member of kvm_run's exit union: a port access; its data lies at <c>DataOffset</c> in the kvm_run page.</summary>
[AbiStruct(ExpectedSize = 16)]
public partial struct KvmExitIo
{
    public const byte In = 0, Out = 1; // KVM_EXIT_IO_IN, KVM_EXIT_IO_OUT

    public byte Direction;
    public byte Size;
    public ushort Port;
    public uint Count;
    public ulong DataOffset;
}

/// <summary>The <c>mmio</c> member: an access to guest-physical memory no slot backs.</summary>
[AbiStruct(ExpectedSize = 24)]
public unsafe partial struct KvmExitMmio
{
    public ulong PhysAddr;
    public fixed byte Data[8];
    public uint Len;
    public byte IsWrite;
}

/// <summary>The <c>fail_entry</c> member: VM entry failed (KVM_EXIT_FAIL_ENTRY).</summary>
[AbiStruct(AllowAbiDifferences = true)] // kvm.h's own layout: 12 bytes on i386, 16 where u64 is 8-aligned
public partial struct KvmExitFailEntry
{
    public ulong HardwareEntryFailureReason;
    public uint Cpu;
}

/// <summary>The <c>internal</c> member: KVM could not handle something (KVM_EXIT_INTERNAL_ERROR).</summary>
[AbiStruct(ExpectedSize = 136)]
public unsafe partial struct KvmExitInternalError
{
    public uint Suberror;
    public uint Ndata;
    public fixed ulong Data[16];
}

/// <summary>kvm_run's exit union, 256 bytes: the member <see cref="KvmRun.ExitReason"/> selects.</summary>
[AbiUnion(ExpectedSize = 256)]
public unsafe partial struct KvmRunExit
{
    [FieldOffset(0)] public KvmExitIo Io;
    [FieldOffset(0)] public KvmExitMmio Mmio;
    [FieldOffset(0)] public KvmExitFailEntry FailEntry;
    [FieldOffset(0)] public KvmExitInternalError Internal;
    [FieldOffset(0)] public fixed byte Padding[256];
}

/// <summary>
/// The head of <c>struct kvm_run</c>, the page KVM shares with user space for each vCPU (mmap of the vCPU fd,
/// KVM_GET_VCPU_MMAP_SIZE bytes): everything up to and including the exit union. The rest (sync regs) is unused.
/// </summary>
[AbiStruct(ExpectedSize = 288)]
public unsafe partial struct KvmRun
{
    public byte RequestInterruptWindow;
    public byte ImmediateExit;
    public fixed byte Padding1[6];
    public KvmExitReason ExitReason;
    public byte ReadyForInterruptInjection;
    public byte IfFlag;
    public ushort Flags;
    public ulong Cr8;
    public ulong ApicBase;
#pragma warning disable ISH111 // kvm_run is shared with this process's own kernel only: no 32-bit peer, so no conversion
    public KvmRunExit Exit;
#pragma warning restore ISH111
}

/// <summary>The ioctls on a VM fd (from KVM_CREATE_VM) that the VMM uses besides Kvm.SetUserMemoryRegion.</summary>
[IoctlGroup(0xAE)]
public static partial class KvmVm
{
    [IoctlNone(0x41, Name = "KVM_CREATE_VCPU")]
    public static partial int CreateVcpu(SafeHandle vm, nuint vcpuId);
}

/// <summary>The ioctls on a vCPU fd (from KVM_CREATE_VCPU).</summary>
[IoctlGroup(0xAE)]
public static partial class KvmVcpu
{
    [IoctlNone(0x80, Name = "KVM_RUN")]
    public static partial int Run(SafeHandle vcpu);

    [IoctlRead(0x81, Name = "KVM_GET_REGS")]
    public static partial void GetRegs(SafeHandle vcpu, out KvmRegs regs);

    [IoctlWrite(0x82, Name = "KVM_SET_REGS")]
    public static partial void SetRegs(SafeHandle vcpu, in KvmRegs regs);

    [IoctlRead(0x83, Name = "KVM_GET_SREGS")]
    public static partial void GetSregs(SafeHandle vcpu, out KvmSregs sregs);

    [IoctlWrite(0x84, Name = "KVM_SET_SREGS")]
    public static partial void SetSregs(SafeHandle vcpu, in KvmSregs sregs);
}
