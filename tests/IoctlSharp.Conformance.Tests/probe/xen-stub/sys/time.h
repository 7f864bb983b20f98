/* Stands in for libc's <sys/time.h>, which linux/input.h includes outside the kernel: the probe is compiled with
 * the kernel's headers only (no target libc), and the kernel's own struct timeval is linux/time.h's. */
#include <linux/time.h>
