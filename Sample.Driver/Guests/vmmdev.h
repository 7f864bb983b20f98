/*
 * The VMMDev-style hypercall ABI the sample VMM serves, as the guests see it. The host declares the same
 * structs once, in C# (Sample.Driver/Hypercalls/VmmDevTypes.cs); tests/Sample.Driver.Tests compiles this header
 * with gcc for i386 and x86_64 and compares every size and offset with the layouts IoctlSharp computed.
 * The structs and numbers are those of linux/vbox_vmmdev_types.h and vbox_err.h.
 */
#ifndef SAMPLE_VMMDEV_H
#define SAMPLE_VMMDEV_H

typedef unsigned char u8;
typedef unsigned short u16;
typedef unsigned int u32;
typedef int s32;
typedef unsigned long long u64;

/* The guest writes the guest-physical address of a request (32 bits) to this port. */
#define VMMDEV_PORT 0xD020
#define VMMDEV_REQUEST_HEADER_VERSION 0x10001

enum vmmdev_request_type {
	VMMDEVREQ_GET_HOST_VERSION = 4,
	VMMDEVREQ_GET_HOST_TIME = 10,
	VMMDEVREQ_HGCM_CONNECT = 60,
	VMMDEVREQ_HGCM_DISCONNECT = 61,
	VMMDEVREQ_HGCM_CALL32 = 62,
	VMMDEVREQ_HGCM_CALL64 = 63,
	VMMDEVREQ_LOG_STRING = 200,
};

#define VINF_SUCCESS 0
#define VERR_GENERAL_FAILURE (-1)
#define VERR_INVALID_PARAMETER (-2)
#define VERR_INVALID_HANDLE (-4)
#define VERR_INVALID_POINTER (-6)
#define VERR_VERSION_MISMATCH (-11)
#define VERR_NOT_IMPLEMENTED (-12)
#define VERR_NOT_SUPPORTED (-37)
#define VERR_BUFFER_OVERFLOW (-41)
#define VERR_TOO_MUCH_DATA (-42)
#define VERR_OUT_OF_RANGE (-54)
#define VERR_NOT_FOUND (-78)

struct vmmdev_request_header {
	u32 size;          /* size of the whole request, header included */
	u32 version;       /* VMMDEV_REQUEST_HEADER_VERSION */
	u32 request_type;  /* enum vmmdev_request_type */
	s32 rc;            /* written by the host */
	u32 reserved1;
	u32 requestor;
};

struct vmmdev_host_version {
	struct vmmdev_request_header header;
	u16 major;
	u16 minor;
	u32 build;
	u32 revision;
	u32 features;
};

struct vmmdev_host_time {
	struct vmmdev_request_header header;
	u64 time_ms;       /* milliseconds since the Unix epoch; 4-byte aligned on i386, as in C */
};

struct vmmdev_log_string {
	struct vmmdev_request_header header;
	char text[];       /* up to header.size - sizeof(header) bytes, NUL-terminated or not */
};

enum vmmdev_hgcm_service_location_type {
	VMMDEV_HGCM_LOC_INVALID = 0,
	VMMDEV_HGCM_LOC_LOCALHOST = 1,
	VMMDEV_HGCM_LOC_LOCALHOST_EXISTING = 2,
};

struct vmmdev_hgcm_service_location {
	u32 type;
	char service_name[128];
};

struct vmmdev_hgcmreq_header {
	struct vmmdev_request_header header;
	u32 flags;
	s32 result;        /* the service's result, written by the host */
};

struct vmmdev_hgcm_connect {
	struct vmmdev_hgcmreq_header header;
	struct vmmdev_hgcm_service_location loc;
	u32 client_id;
};

struct vmmdev_hgcm_disconnect {
	struct vmmdev_hgcmreq_header header;
	u32 client_id;
};

enum vmmdev_hgcm_function_parameter_type {
	VMMDEV_HGCM_PARM_TYPE_INVALID = 0,
	VMMDEV_HGCM_PARM_TYPE_32BIT = 1,
	VMMDEV_HGCM_PARM_TYPE_64BIT = 2,
	VMMDEV_HGCM_PARM_TYPE_LINADDR = 4,     /* in and out */
	VMMDEV_HGCM_PARM_TYPE_LINADDR_IN = 5,  /* guest to host */
	VMMDEV_HGCM_PARM_TYPE_LINADDR_OUT = 6, /* host to guest */
};

/* One parameter: 12 bytes for a 32-bit guest, 16 for a 64-bit one (the pointer is a linear address). */
struct vmmdev_hgcm_function_parameter {
	u32 type;
	union {
		u32 value32;
		u64 value64;
		struct {
			u32 size;
			union {
				unsigned long phys_addr;
				unsigned long linear_addr;
			} __attribute__((packed)) u;
		} __attribute__((packed)) pointer;
		struct {
			u32 size;
			u32 offset;
		} page_list;
	} __attribute__((packed)) u;
} __attribute__((packed));

struct vmmdev_hgcm_call {
	struct vmmdev_hgcmreq_header header;
	u32 client_id;
	u32 function;
	u32 parm_count;
	/* struct vmmdev_hgcm_function_parameter params[parm_count] follow */
};

#if defined(__x86_64__)
#define VMMDEVREQ_HGCM_CALL VMMDEVREQ_HGCM_CALL64
#else
#define VMMDEVREQ_HGCM_CALL VMMDEVREQ_HGCM_CALL32
#endif

/* The host services. */
#define ECHO_SERVICE "Sample.Echo"
#define ECHO_FN_ECHO 1   /* (in buf, out buf, out u32 size) copies in to out */
#define ECHO_FN_UPPER 2  /* (inout buf) upper-cases ASCII in place */
#define ECHO_FN_ADD 3    /* (u32 a, u64 b, out u64 sum) */

#define GUEST_PROP_SERVICE "VBoxGuestPropSvc"
#define GUEST_PROP_FN_GET_PROP 1        /* (in name, out value, out u64 timestamp, out u32 size) */
#define GUEST_PROP_FN_SET_PROP_VALUE 3  /* (in name, in value) */
#define GUEST_PROP_FN_DEL_PROP 4        /* (in name) */

#endif
