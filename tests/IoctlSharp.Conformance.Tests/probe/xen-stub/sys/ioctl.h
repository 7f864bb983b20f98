/* Stands in for libc's <sys/ioctl.h>, which linux/input.h includes: the probe needs only linux/ioctl.h. */
#include <linux/ioctl.h>
