#include <stdarg.h>
#include "guest.h"

void *memset(void *d, int c, unsigned long n)
{
	u8 *p = d;
	while (n--)
		*p++ = (u8)c;
	return d;
}

void *memcpy(void *d, const void *s, unsigned long n)
{
	u8 *p = d;
	const u8 *q = s;
	while (n--)
		*p++ = *q++;
	return d;
}

unsigned long strlen(const char *s)
{
	unsigned long n = 0;
	while (s[n])
		n++;
	return n;
}

int streq(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return *a == *b;
}

s32 hypercall(void *req)
{
	u32 gpa = (u32)(uptr)req;
	__asm__ volatile("outl %0, %1" : : "a"(gpa), "Nd"((u16)VMMDEV_PORT) : "memory");
	return ((volatile struct vmmdev_request_header *)req)->rc;
}

static struct {
	struct vmmdev_request_header header;
	char text[256];
} log_req;

void puts(const char *s)
{
	unsigned long n = strlen(s);
	if (n > sizeof(log_req.text))
		n = sizeof(log_req.text);
	memset(&log_req.header, 0, sizeof(log_req.header));
	log_req.header.size = (u32)(sizeof(log_req.header) + n);
	log_req.header.version = VMMDEV_REQUEST_HEADER_VERSION;
	log_req.header.request_type = VMMDEVREQ_LOG_STRING;
	memcpy(log_req.text, s, n);
	hypercall(&log_req);
}

static char *put_u32(char *o, char *end, u32 v, unsigned base)
{
	char tmp[12];
	int n = 0;
	do {
		u32 digit = base == 16 ? (v & 15) : v % 10;
		tmp[n++] = (char)(digit < 10 ? '0' + digit : 'a' + digit - 10);
		v = base == 16 ? v >> 4 : v / 10;
	} while (v);
	while (n && o < end)
		*o++ = tmp[--n];
	return o;
}

void printf(const char *fmt, ...)
{
	char buf[256];
	char *o = buf, *end = buf + sizeof(buf) - 1;
	va_list ap;
	va_start(ap, fmt);
	for (; *fmt && o < end; fmt++) {
		if (*fmt != '%') {
			*o++ = *fmt;
			continue;
		}
		switch (*++fmt) {
		case 's':
			for (const char *s = va_arg(ap, const char *); *s && o < end; s++)
				*o++ = *s;
			break;
		case 'u':
			o = put_u32(o, end, va_arg(ap, u32), 10);
			break;
		case 'd': {
			s32 v = va_arg(ap, s32);
			if (v < 0 && o < end) {
				*o++ = '-';
				v = -v;
			}
			o = put_u32(o, end, (u32)v, 10);
			break;
		}
		case 'x':
			o = put_u32(o, end, va_arg(ap, u32), 16);
			break;
		case 'X': {
			/* 64-bit hex without 64-bit division (the i386 guest has no libgcc) */
			u64 v = va_arg(ap, u64);
			if (v >> 32) {
				o = put_u32(o, end, (u32)(v >> 32), 16);
				for (int shift = 28; shift >= 0 && o < end; shift -= 4) {
					u32 digit = ((u32)v >> shift) & 15;
					*o++ = (char)(digit < 10 ? '0' + digit : 'a' + digit - 10);
				}
			} else {
				o = put_u32(o, end, (u32)v, 16);
			}
			break;
		}
		default:
			*o++ = *fmt ? *fmt : '%';
			if (!*fmt)
				fmt--;
		}
	}
	va_end(ap);
	*o = 0;
	puts(buf);
}
