/* A struct as a peer of each target stores it: make-peer-bytes.sh compiles this with the target's gcc and copies
 * the bytes of `peer` out of the object file (nothing runs on the target). PeerByteOrderTests reads those bytes
 * through the generated twins and checks every member against the values written here. */
#include <linux/types.h>

struct peer_inner {
	__u16 a;
	__u32 b;
};

struct peer_record {
	__u32 tag;
	long l;
	unsigned long ul;
	void *p;
	__u64 big;
	__s16 s;
	struct peer_inner in[2];
	__u8 bytes[3];
	double d;
};

__attribute__((section(".data.peer"), used)) struct peer_record peer = {
	.tag = 0xCAFEF00D,
	.l = -2,
	.ul = 0x89ABCDEF,
	.p = (void *)0x12345678,
	.big = 0x0102030405060708ULL,
	.s = -3,
	.in = { { 0x1122, 0x33445566 }, { 0x7788, 0x99AABBCC } },
	.bytes = { 1, 2, 3 },
	.d = 1.5,
};
