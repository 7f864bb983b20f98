/* Stands in for libc's <sys/types.h>, which linux/input.h includes: the probe needs only linux/types.h. */
#include <linux/types.h>
