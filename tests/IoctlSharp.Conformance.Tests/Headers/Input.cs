// linux/input.h, declared with IoctlSharp: every EVIOC* request (those whose number takes a macro argument, such as
// EVIOCGABS(abs) and EVIOCGBIT(ev, len), probed at a few arguments each) and the structs they pass. struct
// input_event is declared with the per-target time types elsewhere.
using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using IoctlSharp.Conformance.Tests.Probe;

namespace IoctlSharp.Conformance.Tests.Headers.Input;

[AbiStruct(ExpectedSize = 8)]
public partial struct InputId
{
    public ushort Bustype;
    public ushort Vendor;
    public ushort Product;
    public ushort Version;
}

[AbiStruct(ExpectedSize = 24)]
public partial struct InputAbsinfo
{
    public int Value;
    public int Minimum;
    public int Maximum;
    public int Fuzz;
    public int Flat;
    public int Resolution;
}

[AbiStruct(ExpectedSize = 40)]
public unsafe partial struct InputKeymapEntry
{
    public byte Flags;
    public byte Len;
    public ushort Index;
    public uint Keycode;
    public fixed byte Scancode[32];
}

[AbiStruct(ExpectedSize = 16)]
public partial struct InputMask
{
    public uint Type;
    public uint CodesSize;
    public ulong CodesPtr;
}

[AbiStruct(ExpectedSize = 4)]
public partial struct FfReplay
{
    public ushort Length;
    public ushort Delay;
}

[AbiStruct(ExpectedSize = 4)]
public partial struct FfTrigger
{
    public ushort Button;
    public ushort Interval;
}

[AbiStruct(ExpectedSize = 8)]
public partial struct FfEnvelope
{
    public ushort AttackLength;
    public ushort AttackLevel;
    public ushort FadeLength;
    public ushort FadeLevel;
}

[AbiStruct(ExpectedSize = 10)]
public partial struct FfConstantEffect
{
    public short Level;
    public FfEnvelope Envelope;
}

[AbiStruct(ExpectedSize = 12)]
public partial struct FfRampEffect
{
    public short StartLevel;
    public short EndLevel;
    public FfEnvelope Envelope;
}

[AbiStruct(ExpectedSize = 12)]
public partial struct FfConditionEffect
{
    public ushort RightSaturation;
    public ushort LeftSaturation;
    public short RightCoeff;
    public short LeftCoeff;
    public ushort Deadband;
    public short Center;
}

/// <summary><c>struct ff_periodic_effect</c>: a user pointer at its end, so 32 bytes on LP64 (28 on i386, 26 on m68k).</summary>
[AbiStruct(ExpectedSize64 = 32, AllowAbiDifferences = true)]
public unsafe partial struct FfPeriodicEffect
{
    public ushort Waveform;
    public ushort Period;
    public short Magnitude;
    public short Offset;
    public ushort Phase;
    public FfEnvelope Envelope;
    public uint CustomLen;
    public short* CustomData;
}

[AbiStruct(ExpectedSize = 4)]
public partial struct FfRumbleEffect
{
    public ushort StrongMagnitude;
    public ushort WeakMagnitude;
}

[InlineArray(2)]
public struct FfConditionEffects
{
    private FfConditionEffect _element;
}

/// <summary>The anonymous union <c>u</c> of <c>struct ff_effect</c>.</summary>
[AbiUnion(AllowAbiDifferences = true, ActiveMemberChosenBy = "ff_effect.type")]
[CAnonymousType]
public partial struct FfEffectUnion
{
    [FieldOffset(0)] public FfConstantEffect Constant;
    [FieldOffset(0)] public FfRampEffect Ramp;
    [FieldOffset(0)] public FfPeriodicEffect Periodic;
    [FieldOffset(0)] public FfConditionEffects Condition;
    [FieldOffset(0)] public FfRumbleEffect Rumble;
}

[AbiStruct(ExpectedSize64 = 48, AllowAbiDifferences = true)]
public partial struct FfEffect
{
    public ushort Type;
    public short Id;
    public ushort Direction;
    public FfTrigger Trigger;
    public FfReplay Replay;
    public FfEffectUnion U;
}

/// <summary><c>unsigned int[2]</c>, the argument of EVIOCGREP and EVIOCGKEYCODE.</summary>
[InlineArray(2)]
public struct UIntPair
{
    private uint _element;
}

[IoctlGroup('E')]
public static partial class Evdev
{
    [IoctlRead(0x01, Name = "EVIOCGVERSION")]
    public static partial void GetVersion(SafeHandle device, out int version);

    [IoctlRead(0x02, Name = "EVIOCGID")]
    public static partial void GetId(SafeHandle device, out InputId id);

    [IoctlRead(0x03, Name = "EVIOCGREP")]
    public static partial void GetRepeat(SafeHandle device, out UIntPair repeat);

    [IoctlWrite(0x03, Name = "EVIOCSREP")]
    public static partial void SetRepeat(SafeHandle device, in UIntPair repeat);

    [IoctlRead(0x04, Name = "EVIOCGKEYCODE")]
    public static partial void GetKeycode(SafeHandle device, ref UIntPair keycode);

    [IoctlRead(0x04, Name = "EVIOCGKEYCODE_V2")]
    public static partial void GetKeycodeV2(SafeHandle device, ref InputKeymapEntry entry);

    [IoctlWrite(0x04, Name = "EVIOCSKEYCODE")]
    public static partial void SetKeycode(SafeHandle device, in UIntPair keycode);

    [IoctlWrite(0x04, Name = "EVIOCSKEYCODE_V2")]
    public static partial void SetKeycodeV2(SafeHandle device, in InputKeymapEntry entry);

    // EVIOCGNAME(len) and its kind: _IOC(_IOC_READ, 'E', nr, len), the length of the span at the call.
    [Ioctl(IoctlDirection.Read, 0x06, SizeAtCall = true, Name = "EVIOCGNAME"), CMacroArgument(0), CMacroArgument(256), CMacroArgument(8191)]
    public static partial int GetName(SafeHandle device, Span<byte> name);

    [Ioctl(IoctlDirection.Read, 0x07, SizeAtCall = true, Name = "EVIOCGPHYS"), CMacroArgument(64)]
    public static partial int GetPhysical(SafeHandle device, Span<byte> location);

    [Ioctl(IoctlDirection.Read, 0x08, SizeAtCall = true, Name = "EVIOCGUNIQ"), CMacroArgument(64)]
    public static partial int GetUnique(SafeHandle device, Span<byte> identifier);

    [Ioctl(IoctlDirection.Read, 0x09, SizeAtCall = true, Name = "EVIOCGPROP"), CMacroArgument(4)]
    public static partial int GetProperties(SafeHandle device, Span<byte> bits);

    [Ioctl(IoctlDirection.Read, 0x0A, SizeAtCall = true, Name = "EVIOCGMTSLOTS"), CMacroArgument(4 * 9)]
    public static partial int GetMultitouchSlots(SafeHandle device, Span<byte> values);

    [Ioctl(IoctlDirection.Read, 0x18, SizeAtCall = true, Name = "EVIOCGKEY"), CMacroArgument(96)]
    public static partial int GetKeyState(SafeHandle device, Span<byte> bits);

    [Ioctl(IoctlDirection.Read, 0x19, SizeAtCall = true, Name = "EVIOCGLED"), CMacroArgument(2)]
    public static partial int GetLeds(SafeHandle device, Span<byte> bits);

    [Ioctl(IoctlDirection.Read, 0x1A, SizeAtCall = true, Name = "EVIOCGSND"), CMacroArgument(1)]
    public static partial int GetSounds(SafeHandle device, Span<byte> bits);

    [Ioctl(IoctlDirection.Read, 0x1B, SizeAtCall = true, Name = "EVIOCGSW"), CMacroArgument(4)]
    public static partial int GetSwitches(SafeHandle device, Span<byte> bits);

    // EVIOCGBIT(ev, len): _IOC(_IOC_READ, 'E', 0x20 + (ev), len); ev from 0 (EV_SYN) to 0x1f (EV_MAX).
    [Ioctl(IoctlDirection.Read, 0x20, SizeAtCall = true, Name = "EVIOCGBIT"), CMacroArgument(0, 4), CMacroArgument(3, 8), CMacroArgument(0x1f, 96)]
    public static partial int GetBits(SafeHandle device, [IoctlMacroArgument] int ev, Span<byte> bits);

    // EVIOCGABS(abs): _IOR('E', 0x40 + (abs), struct input_absinfo); abs from 0 (ABS_X) to 0x3f (ABS_MAX).
    [IoctlRead(0x40, Name = "EVIOCGABS"), CMacroArgument(0), CMacroArgument(0x18), CMacroArgument(0x3f)]
    public static partial void GetAbs(SafeHandle device, [IoctlMacroArgument] int abs, out InputAbsinfo info);

    [IoctlWrite(0xC0, Name = "EVIOCSABS"), CMacroArgument(0), CMacroArgument(0x18), CMacroArgument(0x3f)]
    public static partial void SetAbs(SafeHandle device, [IoctlMacroArgument] int abs, in InputAbsinfo info);

    [IoctlWrite(0x80, Name = "EVIOCSFF")]
    public static partial void SetForceFeedback(SafeHandle device, ref FfEffect effect);

    [IoctlWrite(0x81, Name = "EVIOCRMFF", SizeOf = typeof(int))]
    public static partial void RemoveForceFeedback(SafeHandle device, nint id);

    [IoctlRead(0x84, Name = "EVIOCGEFFECTS")]
    public static partial void GetEffects(SafeHandle device, out int count);

    [IoctlWrite(0x90, Name = "EVIOCGRAB", SizeOf = typeof(int))]
    public static partial void Grab(SafeHandle device, nint grab);

    [IoctlWrite(0x91, Name = "EVIOCREVOKE", SizeOf = typeof(int))]
    public static partial void Revoke(SafeHandle device, nint zero);

    [IoctlRead(0x92, Name = "EVIOCGMASK")]
    public static partial void GetMask(SafeHandle device, ref InputMask mask);

    [IoctlWrite(0x93, Name = "EVIOCSMASK")]
    public static partial void SetMask(SafeHandle device, in InputMask mask);

    [IoctlWrite(0xA0, Name = "EVIOCSCLOCKID")]
    public static partial void SetClockId(SafeHandle device, in int clockId);
}
