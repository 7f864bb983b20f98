/* The C side of Headers/PosixTypes.cs: the headers whose structs use asm/posix_types.h's per-target types, and
 * every integer __kernel_* typedef as a member of one struct, so the probe measures each typedef's size (the
 * member's) and alignment (its offset) on every target. Only this struct is the probe's own; the rest is the
 * kernel's. */
#ifndef IOCTLSHARP_POSIX_TYPES_H
#define IOCTLSHARP_POSIX_TYPES_H
#include <linux/posix_types.h>
#include <linux/loop.h>
#include <linux/input.h>
#include <linux/x25.h>

struct ioctlsharp_kernel_typedefs {
	__kernel_clock_t kernel_clock;
	__kernel_clockid_t kernel_clockid;
	__kernel_daddr_t kernel_daddr;
	__kernel_gid16_t kernel_gid16;
	__kernel_gid32_t kernel_gid32;
	__kernel_gid_t kernel_gid;
	__kernel_ino_t kernel_ino;
	__kernel_ipc_pid_t kernel_ipc_pid;
	__kernel_key_t kernel_key;
	__kernel_loff_t kernel_loff;
	__kernel_long_t kernel_long;
	__kernel_mode_t kernel_mode;
	__kernel_mqd_t kernel_mqd;
	__kernel_off_t kernel_off;
	__kernel_old_dev_t kernel_old_dev;
	__kernel_old_gid_t kernel_old_gid;
	__kernel_old_time_t kernel_old_time;
	__kernel_old_uid_t kernel_old_uid;
	__kernel_pid_t kernel_pid;
	__kernel_ptrdiff_t kernel_ptrdiff;
	__kernel_size_t kernel_size;
	__kernel_ssize_t kernel_ssize;
	__kernel_suseconds_t kernel_suseconds;
	__kernel_time64_t kernel_time64;
	__kernel_time_t kernel_time;
	__kernel_timer_t kernel_timer;
	__kernel_uid16_t kernel_uid16;
	__kernel_uid32_t kernel_uid32;
	__kernel_uid_t kernel_uid;
	__kernel_ulong_t kernel_ulong;
};
#endif
