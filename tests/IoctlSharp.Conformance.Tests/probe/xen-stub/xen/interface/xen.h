/* Stand-in for the Xen public header <xen/interface/xen.h>, which the kernel does not export to user space.
 * xen/privcmd.h needs only domid_t and xen_pfn_t from it (Xen's public headers: domid_t is uint16_t;
 * xen_pfn_t is unsigned long on x86 and uint64_t on arm and arm64). */
#ifndef IOCTLSHARP_XEN_INTERFACE_XEN_H
#define IOCTLSHARP_XEN_INTERFACE_XEN_H
#include <linux/types.h>
typedef __u16 domid_t;
#if defined(__x86_64__) || defined(__i386__)
typedef unsigned long xen_pfn_t;
#else
typedef __u64 xen_pfn_t;
#endif
#endif
