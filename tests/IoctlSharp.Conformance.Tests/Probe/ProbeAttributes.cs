using System;

namespace IoctlSharp.Conformance.Tests.Probe;

/// <summary>
/// Where a probed value exists. A key exists on a target only if every guard on its path (the header's, the
/// type's, the member's, the request's) holds there. Each guard is also a C preprocessor condition.
/// </summary>
[Flags]
public enum Guard
{
    Always = 0,
    /// <summary>linux/kvm.h compiles: the target has asm/kvm.h (not arm32, armel, sparc64, alpha, hppa, m68k, sh4, arc).</summary>
    Kvm = 1,
    /// <summary>x86-only KVM definitions (asm/kvm.h of x86: x86_64, i386, x32).</summary>
    X86 = 2,
    /// <summary>Linux supports Xen (x86 with x32, arm with armel, arm64).</summary>
    Xen = 4,
    /// <summary>LP64 targets.</summary>
    Lp64 = 8,
    /// <summary>ILP32 targets.</summary>
    Ilp32 = 16,
    /// <summary>Not s390x, where linux/kvm.h adds members under __KVM_S390.</summary>
    NotS390 = 32,
}

/// <summary>The C type of an [AbiStruct]/[AbiUnion] is not <c>struct snake_case(Name)</c>.</summary>
[AttributeUsage(AttributeTargets.Struct)]
public sealed class CTypeAttribute : Attribute
{
    public CTypeAttribute(string spelling) => Spelling = spelling;
    /// <summary>How C spells the type (<c>struct vbg_ioctl_change_filter</c>).</summary>
    public string Spelling { get; }
    /// <summary>When set, the type is compared with <see cref="Spelling"/> on LP64 targets and this on ILP32 targets.</summary>
    public string? Ilp32Spelling { get; set; }
}

/// <summary>The type has no C name of its own (an anonymous struct or union): it is probed only through the members of that type.</summary>
[AttributeUsage(AttributeTargets.Struct)]
public sealed class CAnonymousTypeAttribute : Attribute
{
}

/// <summary>The member's C name is not snake_case of the C# name.</summary>
[AttributeUsage(AttributeTargets.Field)]
public sealed class CNameAttribute : Attribute
{
    public CNameAttribute(string name) => Name = name;
    public string Name { get; }
}

/// <summary>The member is an anonymous struct or union in C: its members are reached without a prefix.</summary>
[AttributeUsage(AttributeTargets.Field)]
public sealed class CAnonymousAttribute : Attribute
{
}

/// <summary>Narrows where a type, member or request exists (added to the header's guard).</summary>
[AttributeUsage(AttributeTargets.Struct | AttributeTargets.Field | AttributeTargets.Method | AttributeTargets.Class)]
public sealed class CGuardAttribute : Attribute
{
    public CGuardAttribute(Guard guard) => Guard = guard;
    public Guard Guard { get; }
}

/// <summary>The request macro takes an argument (<c>VBG_IOCTL_HGCM_CALL_64(s)</c>): probe it with this one.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class CMacroArgumentAttribute : Attribute
{
    public CMacroArgumentAttribute(int argument) => Argument = argument;
    public int Argument { get; }
}
