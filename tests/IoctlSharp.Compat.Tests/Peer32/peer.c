/*
 * A real 32-bit peer for the compat tests: a static, freestanding i386 program (no libc; raw int 0x80 system
 * calls) built at test time with gcc -m32. Its structs are laid out by gcc's i386 ABI, the HGCM ones straight
 * from the kernel's UAPI header.
 *
 * stdin starts with one byte: 'w' writes the records below to stdout; 'v' reads the same records from stdin
 * (written by the 64-bit side through IoctlSharp's twins) and compares them with its own, exiting 0 when every
 * one matches, 10 + the index of the first record that does not, or 2 on a short read.
 */
#include <linux/types.h>
#include <linux/vboxguest.h>
#include <linux/vbox_vmmdev_types.h>

struct u64_after_u32 { __u32 a; __u64 b; __u32 c; };
struct with_pointers { void *p; unsigned char *q; __u32 n; };
struct with_longs { long l; unsigned long u; __kernel_ssize_t n; __kernel_size_t z; };
struct space_resv { __s16 l_type; __s16 l_whence; __s64 l_start; __s64 l_len; __s32 l_sysid; __u32 l_pid; __s32 l_pad[4]; };
struct dm_op_buf { void *uptr; __kernel_size_t size; };
struct nested { __u16 tag; struct dm_op_buf bufs[3]; struct u64_after_u32 inner; __u32 words[2]; };

/* The HGCM call: the header, then parm_count parameters in the 32-bit layout. */
struct call32 {
	struct vbg_ioctl_hgcm_call hdr;
	struct vmmdev_hgcm_function_parameter32 parms[4];
};

struct records {
	struct call32 call;
	struct u64_after_u32 u64;
	struct with_pointers ptrs;
	struct with_longs longs;
	struct space_resv resv;
	struct nested nested;
};

void *memset(void *d, int c, unsigned int n) { unsigned char *p = d; while (n--) *p++ = (unsigned char)c; return d; }
void *memcpy(void *d, const void *s, unsigned int n) { unsigned char *p = d; const unsigned char *q = s; while (n--) *p++ = *q++; return d; }

static long sys3(long nr, long a, long b, long c)
{
	long r;
	__asm__ volatile ("int $0x80" : "=a"(r) : "a"(nr), "b"(a), "c"(b), "d"(c) : "memory");
	return r;
}

static __attribute__((noreturn)) void sys_exit(int code) { for (;;) sys3(1, code, 0, 0); }

static int read_all(void *buf, unsigned int n)
{
	unsigned char *p = buf;
	while (n) {
		long r = sys3(3, 0, (long)p, (long)n);
		if (r <= 0) return -1;
		p += r;
		n -= (unsigned int)r;
	}
	return 0;
}

static void write_all(const void *buf, unsigned int n)
{
	const unsigned char *p = buf;
	while (n) {
		long r = sys3(4, 1, (long)p, (long)n);
		if (r <= 0) sys_exit(3);
		p += r;
		n -= (unsigned int)r;
	}
}

static struct records expected;

static void build(struct records *r)
{
	memset(r, 0, sizeof(*r));
	r->call.hdr.hdr.size_in = sizeof(struct call32);
	r->call.hdr.hdr.version = 0x10001;
	r->call.hdr.hdr.type = 0;
	r->call.hdr.hdr.rc = -1;
	r->call.hdr.hdr.size_out = sizeof(struct call32);
	r->call.hdr.client_id = 7;
	r->call.hdr.function = 42;
	r->call.hdr.timeout_ms = 0xffffffffu;
	r->call.hdr.interruptible = 1;
	r->call.hdr.parm_count = 4;
	r->call.parms[0].type = VMMDEV_HGCM_PARM_TYPE_32BIT;
	r->call.parms[0].u.value32 = 0xdeadbeefu;
	r->call.parms[1].type = VMMDEV_HGCM_PARM_TYPE_64BIT;
	r->call.parms[1].u.value64 = 0x0123456789abcdefull;
	r->call.parms[2].type = VMMDEV_HGCM_PARM_TYPE_LINADDR;
	r->call.parms[2].u.pointer.size = 0x1000;
	r->call.parms[2].u.pointer.u.linear_addr = 0xfffff000u;
	r->call.parms[3].type = VMMDEV_HGCM_PARM_TYPE_PAGELIST;
	r->call.parms[3].u.page_list.size = 0x2000;
	r->call.parms[3].u.page_list.offset = 0x30;

	r->u64.a = 0x11111111u;
	r->u64.b = 0x8877665544332211ull;
	r->u64.c = 0x22222222u;

	r->ptrs.p = (void *)0xc0001000u;
	r->ptrs.q = (unsigned char *)0x10u;
	r->ptrs.n = 7;

	r->longs.l = -5;
	r->longs.u = 0xfffffffeu;
	r->longs.n = -2;
	r->longs.z = 0x80000000u;

	r->resv.l_type = 1;
	r->resv.l_whence = 2;
	r->resv.l_start = -4096;
	r->resv.l_len = 0x123456789ll;
	r->resv.l_sysid = -3;
	r->resv.l_pid = 4242;
	for (int i = 0; i < 4; i++)
		r->resv.l_pad[i] = i + 1;

	r->nested.tag = 0xbeef;
	for (int i = 0; i < 3; i++) {
		r->nested.bufs[i].uptr = (void *)(0x80000000u | (0x1000u * (unsigned int)(i + 1)));
		r->nested.bufs[i].size = 0x100u + (unsigned int)i;
	}
	r->nested.inner.a = 1;
	r->nested.inner.b = 0xfedcba9876543210ull;
	r->nested.inner.c = 2;
	r->nested.words[0] = 5;
	r->nested.words[1] = 6;
}

static int same(const void *a, const void *b, unsigned int n)
{
	const unsigned char *p = a, *q = b;
	while (n--)
		if (*p++ != *q++) return 0;
	return 1;
}

static struct records received;

void __attribute__((used)) peer_main(void)
{
	char mode;
	build(&expected);
	if (read_all(&mode, 1)) sys_exit(2);
	if (mode == 'w') {
		write_all(&expected, sizeof(expected));
		sys_exit(0);
	}
	if (read_all(&received, sizeof(received))) sys_exit(2);
	if (!same(&received.call.hdr, &expected.call.hdr, sizeof(expected.call.hdr))) sys_exit(10);
	for (int i = 0; i < 4; i++)
		if (!same(&received.call.parms[i], &expected.call.parms[i], sizeof(expected.call.parms[i]))) sys_exit(11 + i);
	if (!same(&received.u64, &expected.u64, sizeof(expected.u64))) sys_exit(15);
	if (!same(&received.ptrs, &expected.ptrs, sizeof(expected.ptrs))) sys_exit(16);
	if (!same(&received.longs, &expected.longs, sizeof(expected.longs))) sys_exit(17);
	if (!same(&received.resv, &expected.resv, sizeof(expected.resv))) sys_exit(18);
	if (!same(&received.nested, &expected.nested, sizeof(expected.nested))) sys_exit(19);
	sys_exit(0);
}

/* The entry point: align the stack as the i386 ABI expects and call peer_main. */
__asm__(".globl _start\n_start:\n\tandl $-16, %esp\n\tcall peer_main\n\thlt\n");

/* Sizes the 64-bit side reads back from gcc -S, so both sides agree on the stream's shape. */
const unsigned int record_sizes[] = {
	sizeof(struct call32), sizeof(struct u64_after_u32), sizeof(struct with_pointers),
	sizeof(struct with_longs), sizeof(struct space_resv), sizeof(struct nested),
};
