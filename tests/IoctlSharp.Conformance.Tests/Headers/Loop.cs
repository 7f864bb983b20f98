// linux/loop.h, declared with IoctlSharp: every LOOP_* request (plain numbers, the same on every target) and the
// structs loop_info64 and loop_config. struct loop_info (with the per-target __kernel_old_dev_t) is declared in
// PosixTypes.cs; LOOP_SET_STATUS and LOOP_GET_STATUS pass it here as bytes.
using System;
using System.Runtime.InteropServices;
using IoctlSharp.Conformance.Tests.Probe;

namespace IoctlSharp.Conformance.Tests.Headers.Loop;

[AbiStruct(ExpectedSize = 232)]
public unsafe partial struct LoopInfo64
{
    public ulong LoDevice;
    public ulong LoInode;
    public ulong LoRdevice;
    public ulong LoOffset;
    public ulong LoSizelimit;
    public uint LoNumber;
    public uint LoEncryptType;
    public uint LoEncryptKeySize;
    public uint LoFlags;
    public fixed byte LoFileName[64];
    public fixed byte LoCryptName[64];
    public fixed byte LoEncryptKey[32];
    public fixed ulong LoInit[2];
}

[AbiStruct(ExpectedSize = 304)]
public unsafe partial struct LoopConfig
{
    [AbiFileDescriptor] public uint Fd;
    public uint BlockSize;
    public LoopInfo64 Info;
    [AbiName("__reserved")] public fixed ulong Reserved[8];
}

[IoctlGroup(0x4C)]
public static partial class Loop
{
    [IoctlRequest(0x4C00, Name = "LOOP_SET_FD")]
    public static partial void SetFd(SafeHandle loop, SafeHandle file);

    [IoctlRequest(0x4C01, Name = "LOOP_CLR_FD")]
    public static partial void ClearFd(SafeHandle loop);

    [IoctlRequest(0x4C02, Name = "LOOP_SET_STATUS")]
    public static partial void SetStatus(SafeHandle loop, ReadOnlySpan<byte> loopInfo);

    [IoctlRequest(0x4C03, Name = "LOOP_GET_STATUS")]
    public static partial void GetStatus(SafeHandle loop, Span<byte> loopInfo);

    [IoctlRequest(0x4C04, Name = "LOOP_SET_STATUS64")]
    public static partial void SetStatus64(SafeHandle loop, in LoopInfo64 info);

    [IoctlRequest(0x4C05, Name = "LOOP_GET_STATUS64")]
    public static partial void GetStatus64(SafeHandle loop, out LoopInfo64 info);

    [IoctlRequest(0x4C06, Name = "LOOP_CHANGE_FD")]
    public static partial void ChangeFd(SafeHandle loop, SafeHandle file);

    [IoctlRequest(0x4C07, Name = "LOOP_SET_CAPACITY")]
    public static partial void SetCapacity(SafeHandle loop);

    [IoctlRequest(0x4C08, Name = "LOOP_SET_DIRECT_IO")]
    public static partial void SetDirectIo(SafeHandle loop, nuint enable);

    [IoctlRequest(0x4C09, Name = "LOOP_SET_BLOCK_SIZE")]
    public static partial void SetBlockSize(SafeHandle loop, nuint size);

    [IoctlRequest(0x4C0A, Name = "LOOP_CONFIGURE")]
    public static partial void Configure(SafeHandle loop, in LoopConfig config);

    [IoctlRequest(0x4C80, Name = "LOOP_CTL_ADD")]
    public static partial int ControlAdd(SafeHandle control, nuint number);

    [IoctlRequest(0x4C81, Name = "LOOP_CTL_REMOVE")]
    public static partial int ControlRemove(SafeHandle control, nuint number);

    [IoctlRequest(0x4C82, Name = "LOOP_CTL_GET_FREE")]
    public static partial int ControlGetFree(SafeHandle control);
}
