/*
 * The bundled guest, built twice: as a 32-bit protected-mode program (guest32.bin, -m32) and as a 64-bit
 * long-mode one (guest64.bin, -m64). It uses every request type the VMM serves, checks each answer, sends a few
 * malformed requests that must be refused, and reports how many checks passed. Its parameters are the guest's
 * own struct vmmdev_hgcm_function_parameter: 12 bytes in the 32-bit build, 16 in the 64-bit one.
 */
#include "guest.h"

#if defined(__x86_64__)
#define GUEST_NAME "guest64"
#define GUEST_BITS 64u
#else
#define GUEST_NAME "guest32"
#define GUEST_BITS 32u
#endif

static u32 passed, failed;

static void check(int ok, const char *what)
{
	if (ok) {
		passed++;
	} else {
		failed++;
		printf("FAIL: %s", what);
	}
}

static void init_header(struct vmmdev_request_header *h, u32 size, u32 type)
{
	memset(h, 0, size);
	h->size = size;
	h->version = VMMDEV_REQUEST_HEADER_VERSION;
	h->request_type = type;
	h->rc = VERR_GENERAL_FAILURE;
}

static struct {
	struct vmmdev_hgcm_call call;
	struct vmmdev_hgcm_function_parameter parms[4];
} call_req;

static void call_begin(u32 client, u32 function, u32 parm_count)
{
	init_header(&call_req.call.header.header,
		    (u32)(sizeof(call_req.call) + parm_count * sizeof(call_req.parms[0])), VMMDEVREQ_HGCM_CALL);
	call_req.call.header.result = VERR_GENERAL_FAILURE;
	call_req.call.client_id = client;
	call_req.call.function = function;
	call_req.call.parm_count = parm_count;
}

static void parm_u32(int i, u32 v)
{
	call_req.parms[i].type = VMMDEV_HGCM_PARM_TYPE_32BIT;
	call_req.parms[i].u.value32 = v;
}

static void parm_u64(int i, u64 v)
{
	call_req.parms[i].type = VMMDEV_HGCM_PARM_TYPE_64BIT;
	call_req.parms[i].u.value64 = v;
}

static void parm_buf(int i, u32 type, void *p, u32 size)
{
	call_req.parms[i].type = type;
	call_req.parms[i].u.pointer.size = size;
	call_req.parms[i].u.pointer.u.linear_addr = (uptr)p;
}

/* Issues the call built in call_req; returns the request's rc, or the service's result when the rc is success. */
static s32 call_end(void)
{
	s32 rc = hypercall(&call_req);
	return rc < 0 ? rc : call_req.call.header.result;
}

static u32 connect(const char *service)
{
	static struct vmmdev_hgcm_connect req;
	init_header(&req.header.header, sizeof(req), VMMDEVREQ_HGCM_CONNECT);
	req.loc.type = VMMDEV_HGCM_LOC_LOCALHOST_EXISTING;
	memcpy(req.loc.service_name, service, strlen(service) + 1);
	s32 rc = hypercall(&req);
	check(rc == VINF_SUCCESS && req.header.result == VINF_SUCCESS && req.client_id != 0, "connect");
	printf("connected to %s: client %u", service, req.client_id);
	return req.client_id;
}

static void disconnect(u32 client)
{
	static struct vmmdev_hgcm_disconnect req;
	init_header(&req.header.header, sizeof(req), VMMDEVREQ_HGCM_DISCONNECT);
	req.client_id = client;
	check(hypercall(&req) == VINF_SUCCESS && req.header.result == VINF_SUCCESS, "disconnect");
	printf("disconnected client %u", client);
}

static void host_info(void)
{
	static struct vmmdev_host_version ver;
	init_header(&ver.header, sizeof(ver), VMMDEVREQ_GET_HOST_VERSION);
	check(hypercall(&ver) == VINF_SUCCESS && ver.major != 0, "host version");
	printf("host version %u.%u.%u r%u", ver.major, ver.minor, ver.build, ver.revision);

	static struct vmmdev_host_time t;
	init_header(&t.header, sizeof(t), VMMDEVREQ_GET_HOST_TIME);
	/* 2024-01-01T00:00:00Z in milliseconds: the host's clock must be later than that */
	int ok = hypercall(&t) == VINF_SUCCESS && t.time_ms > 1704067200000ull;
	check(ok, "host time");
	printf("host time is after 2024-01-01: %s", ok ? "yes" : "no");
}

static void echo_service(void)
{
	static char in[64], out[64], text[32];
	u32 client = connect(ECHO_SERVICE);

	const char *msg = "hello from " GUEST_NAME;
	memcpy(in, msg, strlen(msg) + 1);
	memset(out, 0, sizeof(out));
	call_begin(client, ECHO_FN_ECHO, 3);
	parm_buf(0, VMMDEV_HGCM_PARM_TYPE_LINADDR_IN, in, (u32)strlen(in) + 1);
	parm_buf(1, VMMDEV_HGCM_PARM_TYPE_LINADDR_OUT, out, sizeof(out));
	parm_u32(2, 0);
	s32 rc = call_end();
	check(rc == VINF_SUCCESS && streq(in, out) && call_req.parms[2].u.value32 == strlen(in) + 1, "echo");
	printf("echo: \"%s\" (%u bytes back)", out, call_req.parms[2].u.value32);

	memcpy(text, "make me loud", 13);
	call_begin(client, ECHO_FN_UPPER, 1);
	parm_buf(0, VMMDEV_HGCM_PARM_TYPE_LINADDR, text, 13);
	rc = call_end();
	check(rc == VINF_SUCCESS && streq(text, "MAKE ME LOUD"), "upper");
	printf("upper: \"%s\"", text);

	call_begin(client, ECHO_FN_ADD, 3);
	parm_u32(0, 0xFFFFFFFFu);
	parm_u64(1, 0x100000000ull);
	parm_u64(2, 0);
	rc = call_end();
	check(rc == VINF_SUCCESS && call_req.parms[2].u.value64 == 0x1FFFFFFFFull, "add");
	printf("add: 0xffffffff + 0x100000000 = 0x%X", call_req.parms[2].u.value64);

	disconnect(client);
}

static s32 prop_get(u32 client, const char *name, char *value, u32 size, u64 *timestamp, u32 *needed)
{
	call_begin(client, GUEST_PROP_FN_GET_PROP, 4);
	parm_buf(0, VMMDEV_HGCM_PARM_TYPE_LINADDR_IN, (void *)name, (u32)strlen(name) + 1);
	parm_buf(1, VMMDEV_HGCM_PARM_TYPE_LINADDR_OUT, value, size);
	parm_u64(2, 0);
	parm_u32(3, 0);
	s32 rc = call_end();
	*timestamp = call_req.parms[2].u.value64;
	*needed = call_req.parms[3].u.value32;
	return rc;
}

static s32 prop_set(u32 client, const char *name, const char *value)
{
	call_begin(client, GUEST_PROP_FN_SET_PROP_VALUE, 2);
	parm_buf(0, VMMDEV_HGCM_PARM_TYPE_LINADDR_IN, (void *)name, (u32)strlen(name) + 1);
	parm_buf(1, VMMDEV_HGCM_PARM_TYPE_LINADDR_IN, (void *)value, (u32)strlen(value) + 1);
	return call_end();
}

static void guest_properties(void)
{
	static char value[64], tiny[4];
	u64 ts;
	u32 needed;
	u32 client = connect(GUEST_PROP_SERVICE);

	check(prop_set(client, "/Sample/" GUEST_NAME "/Greeting", "hello, host") == VINF_SUCCESS, "set property");
	s32 rc = prop_get(client, "/Sample/" GUEST_NAME "/Greeting", value, sizeof(value), &ts, &needed);
	check(rc == VINF_SUCCESS && streq(value, "hello, host") && ts != 0 && needed == 12, "get property");
	printf("property /Sample/%s/Greeting = \"%s\" (timestamp %X)", GUEST_NAME, value, ts);

	rc = prop_get(client, "/Sample/" GUEST_NAME "/Greeting", tiny, sizeof(tiny), &ts, &needed);
	check(rc == VERR_BUFFER_OVERFLOW && needed == 12, "get property into a small buffer");
	printf("into a 4-byte buffer: rc %d, %u bytes needed", rc, needed);

	call_begin(client, GUEST_PROP_FN_DEL_PROP, 1);
	parm_buf(0, VMMDEV_HGCM_PARM_TYPE_LINADDR_IN, "/Sample/" GUEST_NAME "/Greeting",
		 (u32)sizeof("/Sample/" GUEST_NAME "/Greeting"));
	check(call_end() == VINF_SUCCESS, "delete property");
	rc = prop_get(client, "/Sample/" GUEST_NAME "/Greeting", value, sizeof(value), &ts, &needed);
	check(rc == VERR_NOT_FOUND, "deleted property is gone");
	printf("after delete: rc %d", rc);

	disconnect(client);
}

/* Requests a hostile guest could send: each must come back with an error code, and the host must carry on. */
static void malformed_requests(void)
{
	static struct vmmdev_host_version ver;
	u32 refused = 0;

	init_header(&ver.header, sizeof(ver), VMMDEVREQ_GET_HOST_VERSION);
	ver.header.size = 8; /* smaller than the header */
	refused += hypercall(&ver) == VERR_INVALID_PARAMETER;

	init_header(&ver.header, sizeof(ver), 4242); /* unknown request type */
	refused += hypercall(&ver) == VERR_NOT_IMPLEMENTED;

	init_header(&ver.header, sizeof(ver), VMMDEVREQ_GET_HOST_VERSION);
	ver.header.version = 0x20000; /* wrong header version */
	refused += hypercall(&ver) == VERR_VERSION_MISMATCH;

	call_begin(1, ECHO_FN_ECHO, 0x7FFFFFFF); /* a huge parameter count */
	call_req.call.header.header.size = sizeof(call_req);
	refused += hypercall(&call_req) == VERR_INVALID_PARAMETER;

	u32 client = connect(ECHO_SERVICE);
	static char out[16];
	call_begin(client, ECHO_FN_ECHO, 3); /* an input buffer that runs past the end of guest RAM */
	parm_buf(0, VMMDEV_HGCM_PARM_TYPE_LINADDR_IN, (void *)(uptr)0xFFFFF000u, 0x2000);
	parm_buf(1, VMMDEV_HGCM_PARM_TYPE_LINADDR_OUT, out, sizeof(out));
	parm_u32(2, 0);
	refused += hypercall(&call_req) == VERR_INVALID_POINTER;

	call_begin(client, ECHO_FN_ECHO, 3); /* an unknown parameter type */
	parm_buf(0, VMMDEV_HGCM_PARM_TYPE_LINADDR_IN, out, sizeof(out));
	parm_buf(1, VMMDEV_HGCM_PARM_TYPE_LINADDR_OUT, out, sizeof(out));
	call_req.parms[1].type = 77;
	parm_u32(2, 0);
	refused += hypercall(&call_req) == VERR_INVALID_PARAMETER;

	call_begin(0xBAD, ECHO_FN_ECHO, 0); /* a client that never connected */
	refused += hypercall(&call_req) == VERR_INVALID_HANDLE;
	disconnect(client);

	/* a request whose address lies outside guest RAM: the host cannot even write an rc back */
	u32 outside = 0xFFFFFFF0u;
	__asm__ volatile("outl %0, %1" : : "a"(outside), "Nd"((u16)VMMDEV_PORT) : "memory");

	check(refused == 7, "malformed requests refused");
	printf("malformed requests refused with the expected code: %u of 7", refused);
}

int main(uptr arg)
{
	(void)arg;
	printf("%s: %u-bit guest, vmmdev_hgcm_function_parameter is %u bytes", GUEST_NAME, GUEST_BITS,
	       (u32)sizeof(struct vmmdev_hgcm_function_parameter));
	host_info();
	echo_service();
	guest_properties();
	malformed_requests();
	printf("%s: %u checks passed, %u failed", GUEST_NAME, passed, failed);
	return (int)failed; /* RAX at HLT: the VMM reports it as the guest status */
}
