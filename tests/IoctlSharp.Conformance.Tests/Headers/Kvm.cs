// linux/kvm.h and x86's asm/kvm.h, declared with IoctlSharp. Every type here exists wherever linux/kvm.h
// compiles (not arm32); [CGuard(Guard.X86)] marks what asm/kvm.h defines only on x86.
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using IoctlSharp.Conformance.Tests.Probe;

namespace IoctlSharp.Conformance.Tests.Headers.Kvm;

[AbiStruct(ExpectedSize = 32)]
public partial struct KvmUserspaceMemoryRegion
{
    public uint Slot;
    public uint Flags;
    public ulong GuestPhysAddr;
    public ulong MemorySize;
    public ulong UserspaceAddr;
}

[AbiUnion, CAnonymousType]
public partial struct KvmIrqLevelIrq
{
    [FieldOffset(0)] public uint Irq;
    [FieldOffset(0)] public int Status;
}

[AbiStruct]
public partial struct KvmIrqLevel
{
    [CAnonymous] public KvmIrqLevelIrq U;
    public uint Level;
}

[AbiStruct]
public partial struct KvmInterrupt
{
    public uint Irq;
}

[AbiUnion, CAnonymousType]
public unsafe partial struct KvmDirtyLogBitmap
{
    [FieldOffset(0)] public void* DirtyBitmap;
    [FieldOffset(0)] public ulong Padding2;
}

[AbiStruct]
public partial struct KvmDirtyLog
{
    public uint Slot;
    public uint Padding1;
    [CAnonymous] public KvmDirtyLogBitmap U;
}

[AbiStruct]
public partial struct KvmClearDirtyLog
{
    public uint Slot;
    public uint NumPages;
    public ulong FirstPage;
    [CAnonymous] public KvmDirtyLogBitmap U;
}

[AbiUnion, CAnonymousType]
public partial struct KvmCoalescedMmioZonePad
{
    [FieldOffset(0)] public uint Pad;
    [FieldOffset(0)] public uint Pio;
}

[AbiStruct]
public partial struct KvmCoalescedMmioZone
{
    public ulong Addr;
    public uint Size;
    [CAnonymous] public KvmCoalescedMmioZonePad U;
}

[AbiStruct, FlexibleArray(typeof(byte), Name = "Sigset")]
public partial struct KvmSignalMask
{
    public uint Len;
}

[AbiStruct]
public unsafe partial struct KvmIrqfd
{
    public uint Fd;
    public uint Gsi;
    public uint Flags;
    public uint Resamplefd;
    public fixed byte Pad[16];
}

[AbiStruct]
public unsafe partial struct KvmIoeventfd
{
    public ulong Datamatch;
    public ulong Addr;
    public uint Len;
    public int Fd;
    public uint Flags;
    public fixed byte Pad[36];
}

[AbiStruct]
public unsafe partial struct KvmEnableCap
{
    public uint Cap;
    public uint Flags;
    public fixed ulong Args[4];
    public fixed byte Pad[64];
}

[AbiStruct]
public partial struct KvmMpState
{
    public uint MpState;
}

[AbiStruct]
public unsafe partial struct KvmTranslation
{
    public ulong LinearAddress;
    public ulong PhysicalAddress;
    public byte Valid;
    public byte Writeable;
    public byte Usermode;
    public fixed byte Pad[5];
}

[AbiStruct]
public partial struct KvmOneReg
{
    public ulong Id;
    public ulong Addr;
}

[AbiStruct]
public partial struct KvmCreateDevice
{
    public uint Type;
    public uint Fd;
    public uint Flags;
}

[AbiStruct]
public partial struct KvmDeviceAttr
{
    public uint Flags;
    public uint Group;
    public ulong Attr;
    public ulong Addr;
}

[AbiStruct]
public unsafe partial struct KvmMsi
{
    public uint AddressLo;
    public uint AddressHi;
    public uint Data;
    public uint Flags;
    public uint Devid;
    public fixed byte Pad[12];
}

[AbiStruct]
public unsafe partial struct KvmClockData
{
    public ulong Clock;
    public uint Flags;
    public uint Pad0;
    public ulong Realtime;
    public ulong HostTsc;
    public fixed uint Pad[4];
}

[AbiStruct, FlexibleArray(typeof(ulong), Name = "Reg")]
public partial struct KvmRegList
{
    public ulong N;
}

[AbiStruct]
public unsafe partial struct KvmPitConfig
{
    public uint Flags;
    public fixed uint Pad[15];
}

// ---------------------------------------------------------------- x86 (asm/kvm.h)

[AbiStruct(ExpectedSize = 144), CGuard(Guard.X86)]
public partial struct KvmRegs
{
    public ulong Rax, Rbx, Rcx, Rdx;
    public ulong Rsi, Rdi, Rsp, Rbp;
    public ulong R8, R9, R10, R11;
    public ulong R12, R13, R14, R15;
    public ulong Rip, Rflags;
}

[AbiStruct(ExpectedSize = 24), CGuard(Guard.X86)]
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

[AbiStruct, CGuard(Guard.X86)]
public unsafe partial struct KvmDtable
{
    public ulong Base;
    public ushort Limit;
    public fixed ushort Padding[3];
}

[AbiStruct, CGuard(Guard.X86)]
public unsafe partial struct KvmSregs
{
    public KvmSegment Cs, Ds, Es, Fs, Gs, Ss;
    public KvmSegment Tr, Ldt;
    public KvmDtable Gdt, Idt;
    public ulong Cr0, Cr2, Cr3, Cr4, Cr8;
    public ulong Efer;
    public ulong ApicBase;
    public fixed ulong InterruptBitmap[(256 + 63) / 64];
}

[AbiStruct, CGuard(Guard.X86)]
public partial struct KvmMsrEntry
{
    public uint Index;
    public uint Reserved;
    public ulong Data;
}

[AbiStruct, FlexibleArray(typeof(KvmMsrEntry), Name = "Entries"), CGuard(Guard.X86)]
public partial struct KvmMsrs
{
    public uint Nmsrs;
    public uint Pad;
}

[AbiStruct, FlexibleArray(typeof(uint), Name = "Indices"), CGuard(Guard.X86)]
public partial struct KvmMsrList
{
    public uint Nmsrs;
}

[AbiStruct, CGuard(Guard.X86)]
public unsafe partial struct KvmCpuidEntry2
{
    public uint Function;
    public uint Index;
    public uint Flags;
    public uint Eax;
    public uint Ebx;
    public uint Ecx;
    public uint Edx;
    public fixed uint Padding[3];
}

[AbiStruct, FlexibleArray(typeof(KvmCpuidEntry2), Name = "Entries"), CGuard(Guard.X86)]
public partial struct KvmCpuid2
{
    public uint Nent;
    public uint Padding;
}

[AbiStruct(ExpectedSize = 416), CGuard(Guard.X86)]
public unsafe partial struct KvmFpu
{
    public fixed byte Fpr[8 * 16];
    public ushort Fcw;
    public ushort Fsw;
    public byte Ftwx;
    public byte Pad1;
    public ushort LastOpcode;
    public ulong LastIp;
    public ulong LastDp;
    public fixed byte Xmm[16 * 16];
    public uint Mxcsr;
    public uint Pad2;
}

[AbiStruct, CGuard(Guard.X86)]
public partial struct KvmPicState
{
    public byte LastIrr;
    public byte Irr;
    public byte Imr;
    public byte Isr;
    public byte PriorityAdd;
    public byte IrqBase;
    public byte ReadRegSelect;
    public byte Poll;
    public byte SpecialMask;
    public byte InitState;
    public byte AutoEoi;
    public byte RotateOnAutoEoi;
    public byte SpecialFullyNestedMode;
    public byte Init4;
    public byte Elcr;
    public byte ElcrMask;
}

[AbiStruct, CAnonymousType]
public unsafe partial struct KvmIoapicRedirFields
{
    public byte Vector;
    [AbiBitField("delivery_mode", 3), AbiBitField("dest_mode", 1), AbiBitField("delivery_status", 1)]
    [AbiBitField("polarity", 1), AbiBitField("remote_irr", 1), AbiBitField("trig_mode", 1)]
    public byte ModeBits;
    [AbiBitField("mask", 1), AbiBitField("reserve", 7)]
    public byte MaskBits;
    public fixed byte Reserved[4];
    public byte DestId;
}

[AbiUnion, CAnonymousType]
public partial struct KvmIoapicRedir
{
    [FieldOffset(0)] public ulong Bits;
    [FieldOffset(0)] public KvmIoapicRedirFields Fields;
}

[InlineArray(24)]
public struct KvmIoapicRedirTable
{
    private KvmIoapicRedir _element;
}

[AbiStruct, CGuard(Guard.X86)]
public partial struct KvmIoapicState
{
    public ulong BaseAddress;
    public uint Ioregsel;
    public uint Id;
    public uint Irr;
    public uint Pad;
    public KvmIoapicRedirTable Redirtbl;
}

[AbiUnion, CAnonymousType]
public unsafe partial struct KvmIrqchipChip
{
    [FieldOffset(0)] public fixed byte Dummy[512];
    [FieldOffset(0)] public KvmPicState Pic;
    [FieldOffset(0)] public KvmIoapicState Ioapic;
}

// x86 only: elsewhere the chip union holds only dummy[512] (no __KVM_HAVE_PIT/__KVM_HAVE_IOAPIC), so the struct is
// 4-byte aligned there, while this declaration (with the x86 members) is 8-byte aligned. The requests' size, 520,
// is the same everywhere, so KVM_GET_IRQCHIP/KVM_SET_IRQCHIP stay probed on every KVM target.
[AbiStruct(ExpectedSize = 520), CGuard(Guard.X86)]
public partial struct KvmIrqchip
{
    public uint ChipId;
    public uint Pad;
    public KvmIrqchipChip Chip;
}

[AbiStruct(ExpectedSize = 1024), CGuard(Guard.X86)]
public unsafe partial struct KvmLapicState
{
    public fixed byte Regs[0x400];
}

[AbiStruct, CGuard(Guard.X86)]
public partial struct KvmXcr
{
    public uint Xcr;
    public uint Reserved;
    public ulong Value;
}

[InlineArray(16)]
public struct KvmXcrArray16
{
    private KvmXcr _element;
}

[AbiStruct, CGuard(Guard.X86)]
public unsafe partial struct KvmXcrs
{
    public uint NrXcrs;
    public uint Flags;
    public KvmXcrArray16 Xcrs;
    public fixed ulong Padding[16];
}

[AbiStruct, CAnonymousType]
public partial struct KvmVcpuEventsException
{
    public byte Injected;
    public byte Nr;
    public byte HasErrorCode;
    public byte Pending;
    public uint ErrorCode;
}

[AbiStruct, CAnonymousType]
public partial struct KvmVcpuEventsInterrupt
{
    public byte Injected;
    public byte Nr;
    public byte Soft;
    public byte Shadow;
}

[AbiStruct, CAnonymousType]
public partial struct KvmVcpuEventsNmi
{
    public byte Injected;
    public byte Pending;
    public byte Masked;
    public byte Pad;
}

[AbiStruct, CAnonymousType]
public partial struct KvmVcpuEventsSmi
{
    public byte Smm;
    public byte Pending;
    public byte SmmInsideNmi;
    public byte LatchedInit;
}

[AbiStruct, CAnonymousType]
public partial struct KvmVcpuEventsTripleFault
{
    public byte Pending;
}

[AbiStruct(ExpectedSize = 64), CGuard(Guard.X86)]
public unsafe partial struct KvmVcpuEvents
{
    public KvmVcpuEventsException Exception;
    public KvmVcpuEventsInterrupt Interrupt;
    public KvmVcpuEventsNmi Nmi;
    public uint SipiVector;
    public uint Flags;
    public KvmVcpuEventsSmi Smi;
    public KvmVcpuEventsTripleFault TripleFault;
    public fixed byte Reserved[26];
    public byte ExceptionHasPayload;
    public ulong ExceptionPayload;
}

[AbiStruct, CGuard(Guard.X86)]
public partial struct KvmDebugExitArch
{
    public uint Exception;
    public uint Pad;
    public ulong Pc;
    public ulong Dr6;
    public ulong Dr7;
}

[AbiStruct, CGuard(Guard.X86)]
public partial struct KvmSyncRegs
{
    public KvmRegs Regs;
    public KvmSregs Sregs;
    public KvmVcpuEvents Events;
}

// ---------------------------------------------------------------- struct kvm_run

[AbiStruct, CAnonymousType]
public partial struct KvmRunHw
{
    public ulong HardwareExitReason;
}

[AbiStruct, CAnonymousType]
public partial struct KvmRunFailEntry
{
    public ulong HardwareEntryFailureReason;
    public uint Cpu;
}

[AbiStruct, CAnonymousType]
public partial struct KvmRunEx
{
    public uint Exception;
    public uint ErrorCode;
}

[AbiStruct, CAnonymousType]
public partial struct KvmRunIo
{
    public byte Direction;
    public byte Size;
    public ushort Port;
    public uint Count;
    public ulong DataOffset;
}

[AbiStruct, CAnonymousType]
public partial struct KvmRunDebug
{
    public KvmDebugExitArch Arch;
}

[AbiStruct, CAnonymousType]
public unsafe partial struct KvmRunMmio
{
    public ulong PhysAddr;
    public fixed byte Data[8];
    public uint Len;
    public byte IsWrite;
}

[AbiStruct, CAnonymousType]
public unsafe partial struct KvmRunHypercall
{
    public ulong Nr;
    public fixed ulong Args[6];
    public ulong Ret;
    public uint Longmode;
    public uint Pad;
}

[AbiStruct, CAnonymousType]
public partial struct KvmRunTprAccess
{
    public ulong Rip;
    public uint IsWrite;
    public uint Pad;
}

[AbiStruct, CAnonymousType]
public unsafe partial struct KvmRunInternal
{
    public uint Suberror;
    public uint Ndata;
    public fixed ulong Data[16];
}

[AbiStruct, CAnonymousType]
public unsafe partial struct KvmRunEmulationFailureInsn
{
    public byte InsnSize;
    public fixed byte InsnBytes[15];
}

[AbiUnion, CAnonymousType]
public partial struct KvmRunEmulationFailureUnion
{
    [FieldOffset(0), CAnonymous] public KvmRunEmulationFailureInsn Insn;
}

[AbiStruct, CAnonymousType]
public partial struct KvmRunEmulationFailure
{
    public uint Suberror;
    public uint Ndata;
    public ulong Flags;
    [CAnonymous] public KvmRunEmulationFailureUnion U;
}

[AbiUnion, CAnonymousType]
public unsafe partial struct KvmRunSystemEventData
{
    [FieldOffset(0)] public ulong Flags;
    [FieldOffset(0)] public fixed ulong Data[16];
}

[AbiStruct, CAnonymousType]
public partial struct KvmRunSystemEvent
{
    public uint Type;
    public uint Ndata;
    [CAnonymous] public KvmRunSystemEventData U;
}

[AbiStruct, CAnonymousType]
public partial struct KvmRunEoi
{
    public byte Vector;
}

[AbiStruct, CAnonymousType]
public unsafe partial struct KvmRunMsr
{
    public byte Error;
    public fixed byte Pad[7];
    public uint Reason;
    public uint Index;
    public ulong Data;
}

[InlineArray(6)]
public struct CULong6
{
    private CULong _element;
}

[InlineArray(2)]
public struct CULong2
{
    private CULong _element;
}

[AbiStruct, CAnonymousType]
public partial struct KvmRunRiscvSbi
{
    public CULong ExtensionId;
    public CULong FunctionId;
    public CULong6 Args;
    public CULong2 Ret;
}

[AbiStruct, CAnonymousType]
public partial struct KvmRunRiscvCsr
{
    public CULong CsrNum;
    public CULong NewValue;
    public CULong WriteMask;
    public CULong RetValue;
}

[AbiStruct, CAnonymousType]
public partial struct KvmRunNotify
{
    public uint Flags;
}

/// <summary>The anonymous exit union of <c>struct kvm_run</c>: 256 bytes, set by <c>char padding[256]</c>.</summary>
[AbiUnion(ExpectedSize = 256), CAnonymousType]
public unsafe partial struct KvmRunExit
{
    [FieldOffset(0)] public KvmRunHw Hw;
    [FieldOffset(0)] public KvmRunFailEntry FailEntry;
    [FieldOffset(0)] public KvmRunEx Ex;
    [FieldOffset(0)] public KvmRunIo Io;
    [FieldOffset(0), CGuard(Guard.X86)] public KvmRunDebug Debug;
    [FieldOffset(0)] public KvmRunMmio Mmio;
    [FieldOffset(0)] public KvmRunHypercall Hypercall;
    [FieldOffset(0)] public KvmRunTprAccess TprAccess;
    [FieldOffset(0)] public ulong S390ResetFlags;
    [FieldOffset(0)] public KvmRunInternal Internal;
    [FieldOffset(0)] public KvmRunEmulationFailure EmulationFailure;
    [FieldOffset(0)] public KvmRunSystemEvent SystemEvent;
    [FieldOffset(0)] public KvmRunEoi Eoi;
    [FieldOffset(0)] public KvmRunMsr Msr;
    [FieldOffset(0)] public KvmRunRiscvSbi RiscvSbi;
    [FieldOffset(0)] public KvmRunRiscvCsr RiscvCsr;
    [FieldOffset(0)] public KvmRunNotify Notify;
    [FieldOffset(0)] public fixed byte Padding[256];
}

/// <summary>The <c>s</c> union at the end of <c>struct kvm_run</c> (2048 bytes).</summary>
[AbiUnion(ExpectedSize = 2048), CAnonymousType]
public unsafe partial struct KvmRunS
{
    [FieldOffset(0)] public KvmSyncRegs Regs;
    [FieldOffset(0)] public fixed byte Padding[2048];
}

// linux/kvm.h gives struct kvm_run two more members on s390 (psw_mask and psw_addr, under __KVM_S390), which
// this one declaration does not have: it is compared on every other target.
[AbiStruct(ExpectedSize = 2352), CGuard(Guard.NotS390)]
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
    [CAnonymous] public KvmRunExit Exit;
    public ulong KvmValidRegs;
    public ulong KvmDirtyRegs;
    public KvmRunS S;
}

// ---------------------------------------------------------------- ioctls (KVMIO = 0xAE)

[IoctlGroup(0xAE)]
public static unsafe partial class KvmIoctl
{
    [IoctlNone(0x00, Name = "KVM_GET_API_VERSION")]
    public static partial int GetApiVersion(SafeHandle kvm);

    [IoctlNone(0x01, Name = "KVM_CREATE_VM")]
    public static partial int CreateVm(SafeHandle kvm, nuint machineType);

    [IoctlReadWrite(0x02, Name = "KVM_GET_MSR_INDEX_LIST"), CGuard(Guard.X86)]
    public static partial void GetMsrIndexList(SafeHandle kvm, ref KvmMsrList list);

    [IoctlNone(0x03, Name = "KVM_CHECK_EXTENSION")]
    public static partial int CheckExtension(SafeHandle fd, nuint extension);

    [IoctlNone(0x04, Name = "KVM_GET_VCPU_MMAP_SIZE")]
    public static partial int GetVcpuMmapSize(SafeHandle kvm);

    [IoctlReadWrite(0x05, Name = "KVM_GET_SUPPORTED_CPUID"), CGuard(Guard.X86)]
    public static partial void GetSupportedCpuid(SafeHandle kvm, ref KvmCpuid2 cpuid);

    [IoctlReadWrite(0x09, Name = "KVM_GET_EMULATED_CPUID"), CGuard(Guard.X86)]
    public static partial void GetEmulatedCpuid(SafeHandle kvm, ref KvmCpuid2 cpuid);

    [IoctlReadWrite(0x0a, Name = "KVM_GET_MSR_FEATURE_INDEX_LIST"), CGuard(Guard.X86)]
    public static partial void GetMsrFeatureIndexList(SafeHandle kvm, ref KvmMsrList list);

    [IoctlNone(0x41, Name = "KVM_CREATE_VCPU")]
    public static partial int CreateVcpu(SafeHandle vm, nuint vcpuId);

    [IoctlWrite(0x42, Name = "KVM_GET_DIRTY_LOG")]
    public static partial void GetDirtyLog(SafeHandle vm, ref KvmDirtyLog log);

    [IoctlNone(0x44, Name = "KVM_SET_NR_MMU_PAGES")]
    public static partial void SetNrMmuPages(SafeHandle vm, nuint pages);

    [IoctlNone(0x45, Name = "KVM_GET_NR_MMU_PAGES")]
    public static partial int GetNrMmuPages(SafeHandle vm);

    [IoctlWrite(0x46, Name = "KVM_SET_USER_MEMORY_REGION")]
    public static partial void SetUserMemoryRegion(SafeHandle vm, in KvmUserspaceMemoryRegion region);

    [IoctlNone(0x47, Name = "KVM_SET_TSS_ADDR")]
    public static partial void SetTssAddr(SafeHandle vm, nuint address);

    [IoctlWrite(0x48, Name = "KVM_SET_IDENTITY_MAP_ADDR")]
    public static partial void SetIdentityMapAddr(SafeHandle vm, in ulong address);

    [IoctlNone(0x60, Name = "KVM_CREATE_IRQCHIP")]
    public static partial void CreateIrqchip(SafeHandle vm);

    [IoctlWrite(0x61, Name = "KVM_IRQ_LINE")]
    public static partial void IrqLine(SafeHandle vm, in KvmIrqLevel level);

    [IoctlReadWrite(0x62, Name = "KVM_GET_IRQCHIP")]
    public static partial void GetIrqchip(SafeHandle vm, ref KvmIrqchip chip);

    // The header says _IOR though the kernel reads the argument.
    [IoctlRead(0x63, Name = "KVM_SET_IRQCHIP")]
    public static partial void SetIrqchip(SafeHandle vm, in KvmIrqchip chip);

    [IoctlNone(0x64, Name = "KVM_CREATE_PIT")]
    public static partial void CreatePit(SafeHandle vm);

    [IoctlReadWrite(0x67, Name = "KVM_IRQ_LINE_STATUS")]
    public static partial void IrqLineStatus(SafeHandle vm, ref KvmIrqLevel level);

    [IoctlWrite(0x67, Name = "KVM_REGISTER_COALESCED_MMIO")]
    public static partial void RegisterCoalescedMmio(SafeHandle vm, in KvmCoalescedMmioZone zone);

    [IoctlWrite(0x68, Name = "KVM_UNREGISTER_COALESCED_MMIO")]
    public static partial void UnregisterCoalescedMmio(SafeHandle vm, in KvmCoalescedMmioZone zone);

    [IoctlWrite(0x76, Name = "KVM_IRQFD")]
    public static partial void Irqfd(SafeHandle vm, in KvmIrqfd irqfd);

    [IoctlWrite(0x77, Name = "KVM_CREATE_PIT2")]
    public static partial void CreatePit2(SafeHandle vm, in KvmPitConfig config);

    [IoctlNone(0x78, Name = "KVM_SET_BOOT_CPU_ID")]
    public static partial void SetBootCpuId(SafeHandle vm, nuint id);

    [IoctlWrite(0x79, Name = "KVM_IOEVENTFD")]
    public static partial void Ioeventfd(SafeHandle vm, in KvmIoeventfd ioeventfd);

    [IoctlWrite(0x7b, Name = "KVM_SET_CLOCK")]
    public static partial void SetClock(SafeHandle vm, in KvmClockData data);

    [IoctlRead(0x7c, Name = "KVM_GET_CLOCK")]
    public static partial void GetClock(SafeHandle vm, out KvmClockData data);

    [IoctlNone(0x80, Name = "KVM_RUN")]
    public static partial void Run(SafeHandle vcpu);

    [IoctlRead(0x81, Name = "KVM_GET_REGS"), CGuard(Guard.X86)]
    public static partial void GetRegs(SafeHandle vcpu, out KvmRegs regs);

    [IoctlWrite(0x82, Name = "KVM_SET_REGS"), CGuard(Guard.X86)]
    public static partial void SetRegs(SafeHandle vcpu, in KvmRegs regs);

    [IoctlRead(0x83, Name = "KVM_GET_SREGS"), CGuard(Guard.X86)]
    public static partial void GetSregs(SafeHandle vcpu, out KvmSregs sregs);

    [IoctlWrite(0x84, Name = "KVM_SET_SREGS"), CGuard(Guard.X86)]
    public static partial void SetSregs(SafeHandle vcpu, in KvmSregs sregs);

    [IoctlReadWrite(0x85, Name = "KVM_TRANSLATE")]
    public static partial void Translate(SafeHandle vcpu, ref KvmTranslation translation);

    [IoctlWrite(0x86, Name = "KVM_INTERRUPT")]
    public static partial void Interrupt(SafeHandle vcpu, in KvmInterrupt interrupt);

    [IoctlReadWrite(0x88, Name = "KVM_GET_MSRS"), CGuard(Guard.X86)]
    public static partial int GetMsrs(SafeHandle vcpu, ref KvmMsrs msrs);

    [IoctlWrite(0x89, Name = "KVM_SET_MSRS"), CGuard(Guard.X86)]
    public static partial int SetMsrs(SafeHandle vcpu, in KvmMsrs msrs);

    [IoctlWrite(0x8b, Name = "KVM_SET_SIGNAL_MASK")]
    public static partial void SetSignalMask(SafeHandle vcpu, in KvmSignalMask mask);

    [IoctlRead(0x8c, Name = "KVM_GET_FPU"), CGuard(Guard.X86)]
    public static partial void GetFpu(SafeHandle vcpu, out KvmFpu fpu);

    [IoctlWrite(0x8d, Name = "KVM_SET_FPU"), CGuard(Guard.X86)]
    public static partial void SetFpu(SafeHandle vcpu, in KvmFpu fpu);

    [IoctlRead(0x8e, Name = "KVM_GET_LAPIC"), CGuard(Guard.X86)]
    public static partial void GetLapic(SafeHandle vcpu, out KvmLapicState lapic);

    [IoctlWrite(0x8f, Name = "KVM_SET_LAPIC"), CGuard(Guard.X86)]
    public static partial void SetLapic(SafeHandle vcpu, in KvmLapicState lapic);

    [IoctlWrite(0x90, Name = "KVM_SET_CPUID2"), CGuard(Guard.X86)]
    public static partial void SetCpuid2(SafeHandle vcpu, in KvmCpuid2 cpuid);

    [IoctlReadWrite(0x91, Name = "KVM_GET_CPUID2"), CGuard(Guard.X86)]
    public static partial void GetCpuid2(SafeHandle vcpu, ref KvmCpuid2 cpuid);

    [IoctlRead(0x98, Name = "KVM_GET_MP_STATE")]
    public static partial void GetMpState(SafeHandle vcpu, out KvmMpState state);

    [IoctlWrite(0x99, Name = "KVM_SET_MP_STATE")]
    public static partial void SetMpState(SafeHandle vcpu, in KvmMpState state);

    [IoctlNone(0x9a, Name = "KVM_NMI"), CGuard(Guard.X86)]
    public static partial void Nmi(SafeHandle vcpu);

    [IoctlWrite(0x9c, Name = "KVM_X86_SETUP_MCE"), CGuard(Guard.X86)]
    public static partial void X86SetupMce(SafeHandle vcpu, in ulong mcgCap);

    [IoctlRead(0x9d, Name = "KVM_X86_GET_MCE_CAP_SUPPORTED"), CGuard(Guard.X86)]
    public static partial void X86GetMceCapSupported(SafeHandle kvm, out ulong mcgCap);

    [IoctlRead(0x9f, Name = "KVM_GET_VCPU_EVENTS"), CGuard(Guard.X86)]
    public static partial void GetVcpuEvents(SafeHandle vcpu, out KvmVcpuEvents events);

    [IoctlWrite(0xa0, Name = "KVM_SET_VCPU_EVENTS"), CGuard(Guard.X86)]
    public static partial void SetVcpuEvents(SafeHandle vcpu, in KvmVcpuEvents events);

    [IoctlNone(0xa2, Name = "KVM_SET_TSC_KHZ")]
    public static partial void SetTscKhz(SafeHandle vcpu, nuint khz);

    [IoctlNone(0xa3, Name = "KVM_GET_TSC_KHZ")]
    public static partial int GetTscKhz(SafeHandle vcpu);

    [IoctlWrite(0xa3, Name = "KVM_ENABLE_CAP")]
    public static partial void EnableCap(SafeHandle fd, in KvmEnableCap cap);

    [IoctlWrite(0xa5, Name = "KVM_SIGNAL_MSI")]
    public static partial int SignalMsi(SafeHandle vm, in KvmMsi msi);

    [IoctlRead(0xa6, Name = "KVM_GET_XCRS"), CGuard(Guard.X86)]
    public static partial void GetXcrs(SafeHandle vcpu, out KvmXcrs xcrs);

    [IoctlWrite(0xa7, Name = "KVM_SET_XCRS"), CGuard(Guard.X86)]
    public static partial void SetXcrs(SafeHandle vcpu, in KvmXcrs xcrs);

    [IoctlWrite(0xab, Name = "KVM_GET_ONE_REG")]
    public static partial void GetOneReg(SafeHandle vcpu, in KvmOneReg reg);

    [IoctlWrite(0xac, Name = "KVM_SET_ONE_REG")]
    public static partial void SetOneReg(SafeHandle vcpu, in KvmOneReg reg);

    [IoctlNone(0xad, Name = "KVM_KVMCLOCK_CTRL")]
    public static partial void KvmclockCtrl(SafeHandle vcpu);

    [IoctlReadWrite(0xb0, Name = "KVM_GET_REG_LIST")]
    public static partial void GetRegList(SafeHandle vcpu, ref KvmRegList list);

    [IoctlReadWrite(0xc0, Name = "KVM_CLEAR_DIRTY_LOG")]
    public static partial void ClearDirtyLog(SafeHandle vm, ref KvmClearDirtyLog log);

    [IoctlNone(0xce, Name = "KVM_GET_STATS_FD")]
    public static partial int GetStatsFd(SafeHandle fd);

    [IoctlReadWrite(0xe0, Name = "KVM_CREATE_DEVICE")]
    public static partial void CreateDevice(SafeHandle vm, ref KvmCreateDevice device);

    [IoctlWrite(0xe1, Name = "KVM_SET_DEVICE_ATTR")]
    public static partial void SetDeviceAttr(SafeHandle fd, in KvmDeviceAttr attr);

    [IoctlWrite(0xe2, Name = "KVM_GET_DEVICE_ATTR")]
    public static partial void GetDeviceAttr(SafeHandle fd, in KvmDeviceAttr attr);

    [IoctlWrite(0xe3, Name = "KVM_HAS_DEVICE_ATTR")]
    public static partial void HasDeviceAttr(SafeHandle fd, in KvmDeviceAttr attr);
}
