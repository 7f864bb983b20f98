// linux/io_uring.h: struct io_uring_sqe, whose unions and the structs inside them are C11 anonymous members, on
// every target. Not declared: the zero-length marker `__u8 cmd[0]` of the last union (0 bytes, alignment 1: it
// changes no layout; issue 10 lists `char x[0]` markers apart).
using System.Runtime.InteropServices;

namespace IoctlSharp.Conformance.Tests.Headers.IoUring;

[AbiStruct]
public partial struct SqeCmd
{
    public uint CmdOp;
    public uint __pad1;
}

[AbiUnion]
public partial struct SqeOff
{
    [FieldOffset(0)] public ulong Off;
    [FieldOffset(0)] public ulong Addr2;
    [FieldOffset(0), AbiAnonymous] public SqeCmd Cmd;
}

[AbiUnion]
public partial struct SqeAddr
{
    [FieldOffset(0)] public ulong Addr;
    [FieldOffset(0)] public ulong SpliceOffIn;
}

[AbiUnion]
public partial struct SqeOpFlags
{
    [FieldOffset(0)] public uint RwFlags;
    [FieldOffset(0)] public uint FsyncFlags;
    [FieldOffset(0)] public ushort PollEvents;
    [FieldOffset(0)] public uint Poll32Events;
    [FieldOffset(0)] public uint SyncRangeFlags;
    [FieldOffset(0)] public uint MsgFlags;
    [FieldOffset(0)] public uint TimeoutFlags;
    [FieldOffset(0)] public uint AcceptFlags;
    [FieldOffset(0)] public uint CancelFlags;
    [FieldOffset(0)] public uint OpenFlags;
    [FieldOffset(0)] public uint StatxFlags;
    [FieldOffset(0)] public uint FadviseAdvice;
    [FieldOffset(0)] public uint SpliceFlags;
    [FieldOffset(0)] public uint RenameFlags;
    [FieldOffset(0)] public uint UnlinkFlags;
    [FieldOffset(0)] public uint HardlinkFlags;
    [FieldOffset(0)] public uint XattrFlags;
    [FieldOffset(0)] public uint MsgRingFlags;
    [FieldOffset(0)] public uint UringCmdFlags;
}

/// <summary><c>union { ... } __attribute__((packed))</c>.</summary>
[AbiUnion(Packed = true)]
public partial struct SqeBuf
{
    [FieldOffset(0)] public ushort BufIndex;
    [FieldOffset(0)] public ushort BufGroup;
}

[AbiStruct]
public unsafe partial struct SqeAddrLen
{
    public ushort AddrLen;
    public fixed ushort __pad3[1];
}

[AbiUnion]
public partial struct SqeFile
{
    [FieldOffset(0)] public int SpliceFdIn;
    [FieldOffset(0)] public uint FileIndex;
    [FieldOffset(0), AbiAnonymous] public SqeAddrLen AddrLenPad;
}

[AbiStruct]
public unsafe partial struct SqeAddr3
{
    public ulong Addr3;
    public fixed ulong __pad2[1];
}

[AbiUnion]
public partial struct SqeTail
{
    [FieldOffset(0), AbiAnonymous] public SqeAddr3 Addr3Pad;
}

[AbiStruct(ExpectedSize = 64)]
public partial struct IoUringSqe
{
    public byte Opcode;
    public byte Flags;
    public ushort Ioprio;
    public int Fd;
    [AbiAnonymous] public SqeOff OffUnion;
    [AbiAnonymous] public SqeAddr AddrUnion;
    public uint Len;
    [AbiAnonymous] public SqeOpFlags OpFlags;
    public ulong UserData;
    [AbiAnonymous] public SqeBuf Buf;
    public ushort Personality;
    [AbiAnonymous] public SqeFile File;
    [AbiAnonymous] public SqeTail Tail;
}

[AbiStruct, FlexibleArray(typeof(ulong), Name = "BigCqe")]
public partial struct IoUringCqe
{
    public ulong UserData;
    public int Res;
    public uint Flags;
}

[AbiStruct(ExpectedSize = 40)]
public partial struct IoSqringOffsets
{
    public uint Head;
    public uint Tail;
    public uint RingMask;
    public uint RingEntries;
    public uint Flags;
    public uint Dropped;
    public uint Array;
    public uint Resv1;
    public ulong Resv2;
}

[AbiStruct(ExpectedSize = 40)]
public partial struct IoCqringOffsets
{
    public uint Head;
    public uint Tail;
    public uint RingMask;
    public uint RingEntries;
    public uint Overflow;
    public uint Cqes;
    public uint Flags;
    public uint Resv1;
    public ulong Resv2;
}

[AbiStruct(ExpectedSize = 120)]
public unsafe partial struct IoUringParams
{
    public uint SqEntries;
    public uint CqEntries;
    public uint Flags;
    public uint SqThreadCpu;
    public uint SqThreadIdle;
    public uint Features;
    public uint WqFd;
    public fixed uint Resv[3];
    public IoSqringOffsets SqOff;
    public IoCqringOffsets CqOff;
}

[AbiStruct(ExpectedSize = 16)]
public partial struct IoUringFilesUpdate
{
    public uint Offset;
    public uint Resv;
    [AbiAlign(8)] public ulong Fds;
}

[AbiStruct(ExpectedSize = 8)]
public partial struct IoUringProbeOp
{
    public byte Op;
    public byte Resv;
    public ushort Flags;
    public uint Resv2;
}
