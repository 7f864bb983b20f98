using System;

namespace IoctlSharp;

/// <summary>
/// Declares a C struct of a driver or hypervisor ABI. The type must be a <c>partial struct</c>; its instance
/// fields, in declaration order, are the C struct's members. IoctlSharp computes its C layout for every
/// <see cref="AbiTarget"/>, makes the C# layout equal to the native one, and emits the layouts as constants.
/// </summary>
/// <remarks>
/// Field types map to C as follows: <c>byte</c>/<c>sbyte</c>/<c>ushort</c>/<c>short</c>/<c>uint</c>/<c>int</c>/
/// <c>ulong</c>/<c>long</c> are <c>__u8</c> … <c>__s64</c>; <c>float</c>/<c>double</c>; <c>bool</c> is
/// <c>_Bool</c>; <see cref="System.Runtime.InteropServices.CLong"/> and
/// <see cref="System.Runtime.InteropServices.CULong"/> are C <c>long</c> and <c>unsigned long</c>;
/// <c>nint</c>/<c>nuint</c> are <c>ssize_t</c>/<c>size_t</c>; pointers (<c>T*</c>) are user pointers; enums are
/// their underlying type; other <c>[AbiStruct]</c>/<c>[AbiUnion]</c> types nest; <c>fixed</c> buffers and
/// <c>[InlineArray]</c> structs are fixed-size arrays.
/// </remarks>
[AttributeUsage(AttributeTargets.Struct, Inherited = false)]
public sealed class AbiStructAttribute : Attribute
{
    /// <summary>The size the struct must have on every target (like <c>VMMDEV_ASSERT_SIZE</c>); 0 = not declared.</summary>
    public int ExpectedSize { get; set; }

    /// <summary>The size the struct must have on the ILP32 targets (i386, arm32, mips32); 0 = not declared.</summary>
    public int ExpectedSize32 { get; set; }

    /// <summary>The size the struct must have on the LP64 targets (x86_64, aarch64, ppc64le, riscv64); 0 = not declared.</summary>
    public int ExpectedSize64 { get; set; }

    /// <summary>
    /// Caps every member's alignment, <c>[AbiAlign]</c> included, as <c>#pragma pack(N)</c> does. 0 (the default)
    /// means natural alignment.
    /// </summary>
    public int Pack { get; set; }

    /// <summary>
    /// <c>__attribute__((packed))</c>: every member's alignment is 1, except that a member's own <c>[AbiAlign(N)]</c>
    /// still applies (unlike <see cref="Pack"/> = 1, which caps it too).
    /// </summary>
    public bool Packed { get; set; }

    /// <summary>The struct's own minimum alignment, as <c>__attribute__((aligned(N)))</c>; 0 = none.</summary>
    public int Align { get; set; }

    /// <summary>The C name used in generated comments and messages (default: the type name in snake_case).</summary>
    public string? CName { get; set; }

    /// <summary>
    /// The layout is meant to differ between ABIs (it has pointer or C long members, or i386's 4-byte alignment of
    /// 64-bit members is intended, as in a struct with a compat twin): silences the ISH122 and ISH123 advice.
    /// </summary>
    public bool AllowAbiDifferences { get; set; }
}

/// <summary>
/// Declares a C union. Every instance field is a member at offset 0 and must carry <c>[FieldOffset(0)]</c>.
/// The same properties as <see cref="AbiStructAttribute"/> apply.
/// </summary>
[AttributeUsage(AttributeTargets.Struct, Inherited = false)]
public sealed class AbiUnionAttribute : Attribute
{
    /// <inheritdoc cref="AbiStructAttribute.ExpectedSize"/>
    public int ExpectedSize { get; set; }

    /// <inheritdoc cref="AbiStructAttribute.ExpectedSize32"/>
    public int ExpectedSize32 { get; set; }

    /// <inheritdoc cref="AbiStructAttribute.ExpectedSize64"/>
    public int ExpectedSize64 { get; set; }

    /// <inheritdoc cref="AbiStructAttribute.Pack"/>
    public int Pack { get; set; }

    /// <inheritdoc cref="AbiStructAttribute.Packed"/>
    public bool Packed { get; set; }

    /// <inheritdoc cref="AbiStructAttribute.Align"/>
    public int Align { get; set; }

    /// <inheritdoc cref="AbiStructAttribute.CName"/>
    public string? CName { get; set; }

    /// <inheritdoc cref="AbiStructAttribute.AllowAbiDifferences"/>
    public bool AllowAbiDifferences { get; set; }

    /// <summary>
    /// What chooses the active member when no member of the containing struct does, in words (for <c>struct ifreq</c>'s
    /// <c>ifr_ifru</c>: <c>"the request"</c>). Setting it accepts that a struct holding this union, laid out
    /// differently on a 32-bit ABI, gets 32-bit twins for their layout but no conversions: no ISH111 warning. Where a
    /// member does say which case is active, name it with <see cref="AbiDiscriminatorAttribute"/> instead.
    /// </summary>
    public string? ActiveMemberChosenBy { get; set; }
}

/// <summary>A member's minimum alignment, as <c>__attribute__((aligned(N)))</c> on a member (<c>__aligned_u64</c> is <c>[AbiAlign(8)] ulong</c>).</summary>
[AttributeUsage(AttributeTargets.Field, Inherited = false)]
public sealed class AbiAlignAttribute : Attribute
{
    /// <summary>Declares the member's alignment, a power of two.</summary>
    public AbiAlignAttribute(int alignment) => Alignment = alignment;

    /// <summary>The alignment in bytes.</summary>
    public int Alignment { get; }
}

/// <summary>The member is packed (alignment 1), as <c>__attribute__((packed))</c> on a member declaration.</summary>
[AttributeUsage(AttributeTargets.Field, Inherited = false)]
public sealed class AbiPackedAttribute : Attribute
{
}

/// <summary>
/// The struct ends in a C flexible array member (<c>struct kvm_msr_entry entries[]</c>): it adds no size but
/// aligns the struct to its element, and its offset is part of the layout.
/// </summary>
[AttributeUsage(AttributeTargets.Struct, Inherited = false)]
public sealed class FlexibleArrayAttribute : Attribute
{
    /// <summary>Declares the element type: a primitive, an enum or an <c>[AbiStruct]</c>.</summary>
    public FlexibleArrayAttribute(Type elementType) => ElementType = elementType;

    /// <summary>The element type.</summary>
    public Type ElementType { get; }

    /// <summary>The member's name in layouts and generated accessors.</summary>
    public string Name { get; set; } = "Entries";

    /// <summary>
    /// The integer field that counts the entries (<c>nameof(Nmsrs)</c>), or null. With it the struct implements
    /// <see cref="IFlexibleArray{TSelf, TEntry}"/>, so a <see cref="FlexibleBuffer{T, TEntry}"/> can hold it and its
    /// entries in one buffer with the count kept equal to the entries' span.
    /// </summary>
    public string? CountField { get; set; }
}

/// <summary>
/// A static partial class whose partial methods are ioctls of one driver: the type ("magic") byte of
/// <c>_IOC(dir, type, nr, size)</c>, such as <c>0xAE</c> for KVM or <c>'V'</c> for vboxguest.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class IoctlGroupAttribute : Attribute
{
    /// <summary>Declares the group's type byte (0 to 255).</summary>
    public IoctlGroupAttribute(int type) => Type = type;

    /// <summary>The type byte.</summary>
    public int Type { get; }
}

/// <summary>The direction bits of a request number, as the header spells them: a promise of the encoding, not of data flow.</summary>
[Flags]
public enum IoctlDirection
{
    /// <summary><c>_IOC_NONE</c>.</summary>
    None = 0,
    /// <summary><c>_IOC_WRITE</c>: user space writes, the driver reads.</summary>
    Write = 1,
    /// <summary><c>_IOC_READ</c>: the driver writes, user space reads.</summary>
    Read = 2,
    /// <summary><c>_IOC_READ | _IOC_WRITE</c>.</summary>
    ReadWrite = Write | Read,
}

/// <summary>
/// Common shape of the ioctl attributes. The generator implements the partial method: it issues the request
/// with the running architecture's number and throws <see cref="IoctlException"/> on failure.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public abstract class IoctlAttributeBase : Attribute
{
    private protected IoctlAttributeBase(int number) => Number = number;

    /// <summary>The request's number within its group (<c>nr</c>, 0 to 255).</summary>
    public int Number { get; }

    /// <summary>
    /// The type whose C size goes in the number, when it is not the argument's (FS_IOC_GETFLAGS is
    /// <c>_IOR('f', 1, long)</c>: <c>SizeOf = typeof(CLong)</c> with an <c>int</c> argument).
    /// </summary>
    public Type? SizeOf { get; set; }

    /// <summary>The size comes from the call: the argument is a span whose length is the size (<c>VBG_IOCTL_HGCM_CALL_64(s)</c>).</summary>
    public bool SizeAtCall { get; set; }

    /// <summary>The request's C name (<c>KVM_CREATE_VM</c>), for generated comments and error messages.</summary>
    public string? Name { get; set; }

    /// <summary>
    /// Opt-in, for a request that never blocks (KVM_CHECK_EXTENSION): the wrapper calls ioctl without the GC
    /// transition (<see cref="System.Runtime.InteropServices.SuppressGCTransitionAttribute"/>). Never set it on a
    /// request that can wait (KVM_RUN, a userfaultfd read): the garbage collector could not suspend the thread.
    /// </summary>
    public bool SuppressGCTransition { get; set; }
}

/// <summary><c>_IO(type, nr)</c>: no size and no direction, whatever the argument is (VFIO passes structs through <c>_IO</c>).</summary>
public sealed class IoctlNoneAttribute : IoctlAttributeBase
{
    /// <summary>Declares <c>_IO(type, number)</c>.</summary>
    public IoctlNoneAttribute(int number) : base(number) { }
}

/// <summary><c>_IOR(type, nr, T)</c>: the driver writes the argument.</summary>
public sealed class IoctlReadAttribute : IoctlAttributeBase
{
    /// <summary>Declares <c>_IOR(type, number, argument)</c>.</summary>
    public IoctlReadAttribute(int number) : base(number) { }
}

/// <summary><c>_IOW(type, nr, T)</c>: the driver reads the argument.</summary>
public sealed class IoctlWriteAttribute : IoctlAttributeBase
{
    /// <summary>Declares <c>_IOW(type, number, argument)</c>.</summary>
    public IoctlWriteAttribute(int number) : base(number) { }
}

/// <summary><c>_IOWR(type, nr, T)</c>: the driver reads and writes the argument.</summary>
public sealed class IoctlReadWriteAttribute : IoctlAttributeBase
{
    /// <summary>Declares <c>_IOWR(type, number, argument)</c>.</summary>
    public IoctlReadWriteAttribute(int number) : base(number) { }
}

/// <summary>
/// Raw <c>_IOC(dir, type, nr, size)</c>, with the direction spelled out (Xen's IOCTL_PRIVCMD_MMAPBATCH_V2 is
/// <c>_IOC(_IOC_NONE, 'P', 4, sizeof(struct privcmd_mmapbatch_v2))</c>). The size is the argument's unless
/// <see cref="IoctlAttributeBase.SizeOf"/>, <see cref="Size"/> or <see cref="IoctlAttributeBase.SizeAtCall"/> says otherwise.
/// </summary>
public sealed class IoctlAttribute : IoctlAttributeBase
{
    /// <summary>Declares <c>_IOC(direction, type, number, size)</c>.</summary>
    public IoctlAttribute(IoctlDirection direction, int number) : base(number) => Direction = direction;

    /// <summary>The direction bits.</summary>
    public IoctlDirection Direction { get; }

    /// <summary>A literal size for the size field; -1 (the default) means the argument's size.</summary>
    public int Size { get; set; } = -1;
}

/// <summary>
/// A request number the header spells as a plain number, the same on every target, with no direction or size
/// encoding: linux/loop.h's <c>#define LOOP_SET_FD 0x4C00</c>, linux/sockios.h's <c>#define SIOCGIFFLAGS 0x8913</c>.
/// With <see cref="IoctlRequestOnAttribute"/> the number is the default of a request defined per architecture
/// (asm/ioctls.h's <c>TCGETS</c> is 0x5401 on most targets and <c>_IOR('t', 19, struct termios)</c> on powerpc);
/// without a number, every target must have an <see cref="IoctlRequestOnAttribute"/>.
/// </summary>
/// <remarks>
/// A number whose direction bits (on any target's encoding) say that the driver reads or writes a buffer the
/// argument cannot be — a READ bit with an <c>in</c> argument, a WRITE bit with an <c>out</c> one, any direction bit with no argument — is
/// compile error ISH207. The group's type byte does not apply: the number is taken as written.
/// </remarks>
public sealed class IoctlRequestAttribute : IoctlAttributeBase
{
    /// <summary>Declares a request with no default number: every target needs an <see cref="IoctlRequestOnAttribute"/>.</summary>
    public IoctlRequestAttribute() : base(0) { }

    /// <summary>Declares the request number <paramref name="request"/>, taken as written on every target (unless an <see cref="IoctlRequestOnAttribute"/> says otherwise).</summary>
    public IoctlRequestAttribute(uint request) : base(0)
    {
        Request = request;
        HasRequest = true;
    }

    /// <summary>The number, when <see cref="HasRequest"/>.</summary>
    public uint Request { get; }

    /// <summary>A default number was given.</summary>
    public bool HasRequest { get; }
}

/// <summary>
/// The request number on some targets, as an asm/ header defines it per architecture (asm/ioctls.h: <c>TCGETS</c> is
/// <c>_IOR('t', 19, struct termios)</c> = 0x402C7413 on powerpc, ppc64 and ppc64le). Goes with
/// <see cref="IoctlRequestAttribute"/>, whose number (if any) holds on every target not named here. A target with no
/// number is compile error ISH208; a target named twice, ISH209.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class IoctlRequestOnAttribute : Attribute
{
    /// <summary>Declares <paramref name="request"/> as the number on <paramref name="targets"/>.</summary>
    public IoctlRequestOnAttribute(uint request, params AbiTarget[] targets)
    {
        Request = request;
        Targets = targets;
    }

    /// <summary>The number.</summary>
    public uint Request { get; }

    /// <summary>The targets it holds on.</summary>
    public AbiTarget[] Targets { get; }
}

/// <summary>What a request macro does with its argument.</summary>
public enum IoctlMacroArgumentKind
{
    /// <summary>The argument is added to the declared nr: <c>EVIOCGABS(abs)</c> is <c>_IOR('E', 0x40 + (abs), struct input_absinfo)</c>.</summary>
    AddsToNumber = 0,
    /// <summary>The size field is the argument times the size of the declared type: <c>SPI_IOC_MESSAGE(n)</c> is <c>_IOW('k', 0, char[n * sizeof(struct spi_ioc_transfer)])</c>.</summary>
    CountsSizeOf = 1,
}

/// <summary>
/// The parameter is the argument of the request macro (<c>EVIOCGABS(abs)</c>, <c>SPI_IOC_MESSAGE(n)</c>), not an
/// argument of ioctl(2): the wrapper computes the number from it at each call, on the running target, and the
/// generated <c>Requests.X.For(target, argument)</c> does the same for any target. An argument that gives no valid
/// number (an nr above 255, a size the size field cannot hold, a negative value) throws
/// <see cref="ArgumentOutOfRangeException"/>: never a wrong number. The parameter must be an <c>int</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
public sealed class IoctlMacroArgumentAttribute : Attribute
{
    /// <summary>Declares what the macro does with the argument.</summary>
    public IoctlMacroArgumentAttribute(IoctlMacroArgumentKind kind = IoctlMacroArgumentKind.AddsToNumber) => Kind = kind;

    /// <summary>What the macro does with the argument.</summary>
    public IoctlMacroArgumentKind Kind { get; }
}

/// <summary>
/// The member holds a file descriptor (<c>kvm_irqfd.fd</c>, <c>loop_config.fd</c>): the generator adds a
/// <c>Set&lt;Member&gt;(SafeHandle)</c> method that stores the handle's fd number, refusing a handle that holds no
/// fd (<see cref="NotAFileDescriptorException"/>). The member must be an <c>int</c> or a <c>uint</c> (ISH212). The
/// struct stores a number, not a reference: keep the handle open until the ioctl that reads it has returned.
/// </summary>
[AttributeUsage(AttributeTargets.Field, Inherited = false)]
public sealed class AbiFileDescriptorAttribute : Attribute
{
}

/// <summary>
/// Declares a C typedef whose type depends on the target, such as <c>__kernel_old_dev_t</c> (unsigned long on
/// x86_64, unsigned short on i386, unsigned int on aarch64): a struct with one instance field, <c>Value</c>, that
/// holds the typedef's value in a .NET process. A member of this struct type is laid out, on each target, as the
/// C type the typedef has there: the type given here, unless an <see cref="AbiTypedefTargetAttribute"/> names
/// another for that target.
/// </summary>
/// <remarks>
/// <c>Value</c>'s .NET type is the typedef's C type on x86_64 or aarch64 (ISH153): a struct holding the typedef is
/// .NET's layout on the 64-bit targets where the two agree, and its other targets' layouts are in
/// <see cref="AbiLayout"/>, the generated <c>Abi.&lt;Target&gt;</c> constants and the 32-bit twins. The
/// IoctlSharp runtime declares every <c>__kernel_*</c> typedef of asm/posix_types.h this way
/// (<see cref="KernelOldDevT"/> and the others).
/// </remarks>
[AttributeUsage(AttributeTargets.Struct, Inherited = false)]
public sealed class AbiTypedefAttribute : Attribute
{
    /// <summary>A typedef whose every target is named by an <see cref="AbiTypedefTargetAttribute"/> (ISH151 otherwise).</summary>
    public AbiTypedefAttribute(string cName) => CName = cName;

    /// <summary>A typedef that is <paramref name="type"/> (an integer type) wherever no <see cref="AbiTypedefTargetAttribute"/> says otherwise.</summary>
    public AbiTypedefAttribute(string cName, Type type)
    {
        CName = cName;
        Type = type;
    }

    /// <summary>The C name (<c>__kernel_old_dev_t</c>), as messages and <c>sizeof(...)</c> in <see cref="AbiLengthAttribute"/> spell it.</summary>
    public string CName { get; }

    /// <summary>The C type on targets no <see cref="AbiTypedefTargetAttribute"/> names; null = none.</summary>
    public Type? Type { get; }
}

/// <summary>The C type of an <see cref="AbiTypedefAttribute"/> typedef on the listed targets (an integer type).</summary>
[AttributeUsage(AttributeTargets.Struct, Inherited = false, AllowMultiple = true)]
public sealed class AbiTypedefTargetAttribute : Attribute
{
    /// <summary>The typedef is <paramref name="type"/> on <paramref name="targets"/>.</summary>
    public AbiTypedefTargetAttribute(Type type, params AbiTarget[] targets)
    {
        Type = type;
        Targets = targets;
    }

    /// <summary>The C type on <see cref="Targets"/>.</summary>
    public Type Type { get; }

    /// <summary>The targets the type applies to.</summary>
    public AbiTarget[] Targets { get; }
}

/// <summary>
/// An array member whose C length depends on the target, as a C constant expression: integers, <c>+ - * /</c>,
/// parentheses and <c>sizeof(type)</c> of a C integer type (<c>int</c>, <c>unsigned long</c>, <c>__u32</c>,
/// <c>void *</c>) or of an <see cref="AbiTypedefAttribute"/> typedef (<c>sizeof(__kernel_mode_t)</c>).
/// <c>__kernel_fd_set</c>'s <c>unsigned long fds_bits[__FD_SETSIZE / (8 * sizeof(long))]</c> is
/// <c>[AbiLength("1024 / (8 * sizeof(long))")]</c> on an array of <c>CULong</c>.
/// </summary>
/// <remarks>
/// The member's .NET array (a fixed buffer or an <c>[InlineArray]</c>) has the length the expression gives on
/// x86_64 and aarch64 (ISH156); the layout engine uses each target's own length. A length that is not positive on
/// some target is ISH155; an expression outside this grammar is ISH154.
/// </remarks>
[AttributeUsage(AttributeTargets.Field, Inherited = false)]
public sealed class AbiLengthAttribute : Attribute
{
    /// <summary>The length of the array on each target, as <paramref name="expression"/> computes it there.</summary>
    public AbiLengthAttribute(string expression) => Expression = expression;

    /// <summary>The C constant expression.</summary>
    public string Expression { get; }
}

/// <summary>
/// A C bit-field stored in the member it is put on (<c>__u8 delivery_mode:3;</c> is
/// <c>[AbiBitField("delivery_mode", typeof(byte), 3)]</c>). Several on one member are consecutive bit-fields, in
/// declaration order; IoctlSharp places them as gcc does on each target (allocation units of the declared type,
/// the straddling rule, <c>:0</c>, packed structs, the Arm AAPCS's unnamed bit-fields, big-endian bit order) and
/// generates a typed accessor per named bit-field: a property, and <c>TrySet&lt;Name&gt;</c>. The member itself
/// (an integer field) only reserves the bytes: it must cover the bit-fields' bytes on every target (ISH164).
/// </summary>
[AttributeUsage(AttributeTargets.Field, Inherited = false, AllowMultiple = true)]
public sealed class AbiBitFieldAttribute : Attribute
{
    /// <summary>Declares <c>T name : width</c>, with <c>T</c> the member's own type.</summary>
    /// <param name="name">The C name; null for an unnamed bit-field (<c>int :0</c>, padding).</param>
    /// <param name="width">The width in bits; 0 only unnamed.</param>
    public AbiBitFieldAttribute(string? name, int width) => (Name, Width) = (name, width);

    /// <summary>Declares <c>type name : width</c>.</summary>
    /// <param name="name">The C name; null for an unnamed bit-field (<c>int :0</c>, padding).</param>
    /// <param name="type">The declared C type: an integer type, an enum of one, or bool (<c>_Bool</c>).</param>
    /// <param name="width">The width in bits; 0 only unnamed.</param>
    public AbiBitFieldAttribute(string? name, Type type, int width) => (Name, Type, Width) = (name, type, width);

    /// <summary>The C name, or null.</summary>
    public string? Name { get; }

    /// <summary>The declared type; null means the member's type.</summary>
    public Type? Type { get; }

    /// <summary>The width in bits.</summary>
    public int Width { get; }
}

/// <summary>
/// The member's C name, where the default is wrong. The default is the C# name itself when it has no upper-case
/// letter (<c>ifr_name</c>, <c>ifreq</c>: a name already spelled as C spells it), else the C# name in snake_case
/// (<c>ExitReason</c> is <c>exit_reason</c>, <c>IfrIfru</c> is <c>ifr_ifru</c>). No spelling rule can tell
/// <c>IfReq</c> (<c>ifreq</c>) from <c>KvmRegs</c> (<c>kvm_regs</c>): UAPI names that are one C word
/// (ifreq, sockaddr, pollfd) are spelled <c>Ifreq</c>, <c>Sockaddr</c>, <c>Pollfd</c> in C# or named here (for a
/// type: <see cref="AbiStructAttribute.CName"/>). The C name is what <see cref="AbiFieldLayout.CName"/> and
/// <see cref="AbiStructLayout.Find"/> use.
/// </summary>
[AttributeUsage(AttributeTargets.Field, Inherited = false)]
public sealed class AbiNameAttribute : Attribute
{
    /// <summary>Declares the member's C name, a C identifier.</summary>
    public AbiNameAttribute(string name) => Name = name;

    /// <summary>The C name.</summary>
    public string Name { get; }
}

/// <summary>
/// The member is a C11 anonymous struct or union (<c>union { __u64 padding; struct kvm_run_io io; };</c>): its
/// type's members are members of the enclosing struct in C. IoctlSharp lays it out as any nested member, gives the
/// enclosing type a ref-returning property for each of them (so <c>run.Io</c> reaches <c>run.Exit.Io</c>), and
/// leaves its name out of C paths (<see cref="AbiStructLayout.Find"/>: <c>"io.port"</c>). The member's type must be
/// an <c>[AbiStruct]</c> or <c>[AbiUnion]</c>, and the promoted names must not collide with the enclosing type's.
/// </summary>
[AttributeUsage(AttributeTargets.Field, Inherited = false)]
public sealed class AbiAnonymousAttribute : Attribute
{
}

/// <summary>How an <see cref="AbiStringAttribute"/> member's bytes map to a string.</summary>
public enum AbiStringEncoding
{
    /// <summary>UTF-8, strict: invalid bytes are an error, not U+FFFD (the default).</summary>
    Utf8 = 0,
    /// <summary>7-bit ASCII, strict: a byte or character above 0x7F is an error.</summary>
    Ascii = 1,
}

/// <summary>
/// A <c>char name[N]</c> member holding a C string (<c>ifr_name</c>): the generator adds <c>GetName()</c>,
/// <c>TryGetName(out string)</c>, <c>SetName(string)</c> and <c>TrySetName(string)</c> (for a member <c>Name</c>),
/// with the conventions of <see cref="AbiString"/>. The member must be a <c>fixed byte</c>/<c>sbyte</c> buffer or an
/// <c>[InlineArray]</c> of <c>byte</c>/<c>sbyte</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Field, Inherited = false)]
public sealed class AbiStringAttribute : Attribute
{
    /// <summary>A UTF-8 string.</summary>
    public AbiStringAttribute() { }

    /// <summary>A string in <paramref name="encoding"/>.</summary>
    public AbiStringAttribute(AbiStringEncoding encoding) => Encoding = encoding;

    /// <summary>The encoding.</summary>
    public AbiStringEncoding Encoding { get; }
}
