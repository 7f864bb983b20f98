/* Stand-in for the C library's <sys/time.h> (linux/input.h includes it): the probe is compiled with the kernel's
 * headers only (no target C library), and the kernel's own struct timeval is linux/time.h's (__kernel_old_time_t
 * and __kernel_suseconds_t, as a C library without 64-bit time on 32-bit targets declares it). */
#ifndef IOCTLSHARP_STUB_SYS_TIME_H
#define IOCTLSHARP_STUB_SYS_TIME_H
#include <linux/time.h>
#endif
