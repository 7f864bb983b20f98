/*
 * The benchmark guest (64-bit long mode): `count` (RDI at entry) VMMDEVREQ_GET_HOST_VERSION hypercalls, each a
 * port-I/O exit, then HLT. The C VMM (Bench/cvmm.c) and the C# VMM run this same binary.
 */
#include "guest.h"

static struct vmmdev_host_version ver;

int main(uptr count)
{
	u32 failed = 0;
	for (uptr i = 0; i < count; i++) {
		ver.header.size = sizeof(ver);
		ver.header.version = VMMDEV_REQUEST_HEADER_VERSION;
		ver.header.request_type = VMMDEVREQ_GET_HOST_VERSION;
		ver.header.rc = VERR_GENERAL_FAILURE;
		failed += hypercall(&ver) != VINF_SUCCESS;
	}
	return (int)failed;
}
