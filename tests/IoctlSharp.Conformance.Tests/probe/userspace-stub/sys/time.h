/* Stand-in for the C library's <sys/time.h> (linux/input.h includes it): struct timeval as a C library without
 * 64-bit time on 32-bit targets declares it, from the kernel's __kernel_old_time_t and __kernel_suseconds_t. */
#ifndef IOCTLSHARP_STUB_SYS_TIME_H
#define IOCTLSHARP_STUB_SYS_TIME_H
#include <sys/types.h>
struct timeval {
	__kernel_old_time_t tv_sec;
	__kernel_suseconds_t tv_usec;
};
#endif
