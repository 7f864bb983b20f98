/* Stand-in for the C library's <sys/ioctl.h> (linux/input.h includes it): the probe needs no declaration from it. */
