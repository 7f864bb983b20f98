/* The guests' tiny runtime: no libc, only what the hypercalls need. */
#ifndef SAMPLE_GUEST_H
#define SAMPLE_GUEST_H

#include "vmmdev.h"

typedef unsigned long uptr;

void *memset(void *d, int c, unsigned long n);
void *memcpy(void *d, const void *s, unsigned long n);
unsigned long strlen(const char *s);
int streq(const char *a, const char *b);

/* Hands the request at `req` (linear = guest-physical in these guests) to the host and returns its rc. */
s32 hypercall(void *req);

/* Console output through VMMDEVREQ_LOG_STRING; one request per call. */
void puts(const char *s);
/* A tiny printf: %s, %u (32-bit), %x (32-bit), %X (64-bit hex), %d (32-bit signed). */
void printf(const char *fmt, ...);

#endif
