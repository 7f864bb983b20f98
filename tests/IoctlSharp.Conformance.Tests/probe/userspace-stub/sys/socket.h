/* Stands in for the C library's <sys/socket.h>, which linux/if.h includes for struct sockaddr only: the probe is
 * compiled with the host's linux/ headers and no target C library. struct sockaddr as the kernel declares it
 * (include/linux/socket.h: sa_family_t sa_family; char sa_data[14]), with the UAPI's type for the family. */
#ifndef IOCTLSHARP_PROBE_SYS_SOCKET_H
#define IOCTLSHARP_PROBE_SYS_SOCKET_H
#include <linux/socket.h>
struct sockaddr {
	__kernel_sa_family_t sa_family;
	char sa_data[14];
};
#endif
