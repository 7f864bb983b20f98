/* Layout rules the four kernel headers do not exercise, for the conformance probe: gcc is the judge of each.
 * Declared in C# in Headers/LayoutRules.cs. */
#ifndef IOCTLSHARP_LAYOUT_RULES_H
#define IOCTLSHARP_LAYOUT_RULES_H
#include <linux/types.h>
#include <linux/ioctl.h>

/* __attribute__((packed)) keeps a member's aligned(8); its tail padding follows. */
struct rules_packed_aligned_tail { __u64 x __attribute__((aligned(8))); __u8 c; } __attribute__((packed));

/* #pragma pack(1) caps aligned(8) too. */
#pragma pack(push, 1)
struct rules_pragma1_aligned_tail { __u64 x __attribute__((aligned(8))); __u8 c; };
#pragma pack(pop)

/* #pragma pack(2) caps natural alignment. */
#pragma pack(push, 2)
struct rules_pragma2 { __u16 a; __u32 b; __u64 c; __u16 d; };
#pragma pack(pop)

/* __aligned_u64 after a u32: 8 on i386 too. */
struct rules_aligned_u64 { __u32 a; __aligned_u64 b; };

/* A plain u64 after a u32: 4 on i386 only. */
struct rules_u64_after_u32 { __u32 a; __u64 b; };

/* double is 4-aligned in i386 structs. */
struct rules_double { __u8 c; double d; float f; };

/* The struct's own aligned(16). */
struct rules_overaligned { __u32 a; } __attribute__((aligned(16)));

/* A flexible array that sets alignment and tail padding. */
struct rules_flex { __u32 n; __u8 kind; __u64 items[]; };

/* A flexible array of structs. */
struct rules_flex_structs { __u16 count; struct rules_aligned_u64 entries[]; };

/* _Bool, C long, size_t and pointers. */
struct rules_scalars { _Bool b; long l; unsigned long ul; __kernel_size_t sz; __kernel_ssize_t ssz; void *p; __u8 c; };

/* Arrays of structs and of pointers. */
struct rules_arrays { __u8 c; struct rules_u64_after_u32 pairs[3]; void *ptrs[2]; __s16 shorts[3]; };

/* A union whose size follows the pointer size. */
union rules_union { __u32 a; void *p; long l; __u8 bytes[6]; };

/* A packed union inside a struct. */
union rules_packed_union { __u32 a; __u64 b; } __attribute__((packed));
struct rules_holds_packed_union { __u8 tag; __u8 pad[3]; union rules_packed_union u; __u16 tail; };

/* The largest size that fits every target's size field (13 bits on powerpc and mips). */
struct rules_big { __u8 data[8191]; };

/* Bit-fields: the boundary rule, 64-bit units, packed, zero-width and unnamed ones. */
struct rules_bits_straddle { __u32 a:20; __u32 b:20; __u16 c:9; __u16 d:9; __u8 e; };
struct rules_bits_u64 { __u64 a:40; __u64 b:30; __s32 c:5; __u8 d; };
struct __attribute__((packed)) rules_bits_packed { __u8 a; __u32 b:12; __u32 c:20; __u16 d; };
struct rules_bits_after_pointer { void *p; __u32 a:5; __u32 b:7; __s32 c:20; };
struct rules_bits_zero { __u8 a:3; __u8 :0; __u8 b:4; __u8 :2; _Bool c:1; __u16 d; };

#define RULES_IOR_BIG      _IOR('r', 1, struct rules_big)
#define RULES_IOW_LONG     _IOW('r', 2, long)
#define RULES_IOC_WRITE_0  _IOC(_IOC_WRITE, 'r', 3, 0)
#define RULES_IOWR_SCALARS _IOWR('r', 4, struct rules_scalars)
#define RULES_IOR_TOP      _IOR(0xFF, 0xFF, __u64)
#define RULES_IO_TOP       _IO(0xFF, 0xFF)
#define RULES_IOW_FLEX     _IOW('r', 5, struct rules_flex)
#define RULES_IOC_READ_7   _IOC(_IOC_READ, 'r', 6, 7)

#endif
