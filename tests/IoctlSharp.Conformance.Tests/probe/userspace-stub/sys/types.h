/* Stand-in for the C library's <sys/types.h>, which the probe's -nostdinc cross compiles do not have: the types
 * UAPI headers take from it (pid_t in asm/ioctls.h and asm/sockios.h of alpha, mips and sh4), as the kernel's
 * __kernel_* typedefs, which is what every C library on Linux defines them as. */
#ifndef IOCTLSHARP_STUB_SYS_TYPES_H
#define IOCTLSHARP_STUB_SYS_TYPES_H
#include <asm/posix_types.h>
typedef __kernel_pid_t pid_t;
#endif
