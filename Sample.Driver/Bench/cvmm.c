/*
 * The C baseline of the benchmark: the smallest VMM that runs Guests/bench.c in 64-bit long mode and answers
 * its VMMDEVREQ_GET_HOST_VERSION hypercalls the way the C# VMM does (bounds-checked read of the request from
 * guest RAM, then the answer written back). Usage: cvmm <bench64.bin> <hypercalls> <memory MiB>
 * Prints one line: "<exits> <hypercalls> <seconds> <cpu seconds>", the last two for the run loop alone (wall
 * clock, and CPU time of the vCPU thread: kernel, guest and VMM time, whatever else the machine is doing).
 */
#include <fcntl.h>
#include <linux/kvm.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include "../Guests/vmmdev.h"

#define LOAD 0x10000
#define PML4 0x1000

static void die(const char *what)
{
	perror(what);
	exit(2);
}

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: cvmm <bench64.bin> <hypercalls> <memory MiB>\n");
		return 2;
	}
	uint64_t count = strtoull(argv[2], 0, 10);
	uint64_t mem_size = strtoull(argv[3], 0, 10) << 20;

	int kvm = open("/dev/kvm", O_RDWR | O_CLOEXEC);
	if (kvm < 0)
		die("/dev/kvm");
	int vm = ioctl(kvm, KVM_CREATE_VM, 0);
	if (vm < 0)
		die("KVM_CREATE_VM");
	uint8_t *mem = mmap(0, mem_size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (mem == MAP_FAILED)
		die("mmap");

	FILE *f = fopen(argv[1], "rb");
	if (!f)
		die(argv[1]);
	size_t n = fread(mem + LOAD, 1, mem_size - LOAD, f);
	fclose(f);
	if (n == 0)
		die("empty guest");

	/* identity-map the first GiB with 2 MiB pages: PML4 -> PDPT -> PD */
	uint64_t *pml4 = (uint64_t *)(mem + PML4), *pdpt = (uint64_t *)(mem + PML4 + 0x1000),
		 *pd = (uint64_t *)(mem + PML4 + 0x2000);
	pml4[0] = (PML4 + 0x1000) | 3;
	pdpt[0] = (PML4 + 0x2000) | 3;
	for (uint64_t i = 0; i < 512; i++)
		pd[i] = (i << 21) | 0x83;

	struct kvm_userspace_memory_region region = {
		.slot = 0, .guest_phys_addr = 0, .memory_size = mem_size, .userspace_addr = (uint64_t)mem};
	if (ioctl(vm, KVM_SET_USER_MEMORY_REGION, &region) < 0)
		die("KVM_SET_USER_MEMORY_REGION");
	int vcpu = ioctl(vm, KVM_CREATE_VCPU, 0);
	if (vcpu < 0)
		die("KVM_CREATE_VCPU");
	int run_size = ioctl(kvm, KVM_GET_VCPU_MMAP_SIZE, 0);
	struct kvm_run *run = mmap(0, run_size, PROT_READ | PROT_WRITE, MAP_SHARED, vcpu, 0);
	if (run == MAP_FAILED)
		die("mmap kvm_run");

	struct kvm_sregs sregs;
	if (ioctl(vcpu, KVM_GET_SREGS, &sregs) < 0)
		die("KVM_GET_SREGS");
	struct kvm_segment code = {.base = 0, .limit = 0xffffffff, .selector = 8, .type = 11, .present = 1,
				   .dpl = 0, .db = 0, .s = 1, .l = 1, .g = 1};
	struct kvm_segment data = code;
	data.selector = 16;
	data.type = 3;
	data.l = 0;
	data.db = 1;
	sregs.cs = code;
	sregs.ds = sregs.es = sregs.fs = sregs.gs = sregs.ss = data;
	sregs.cr3 = PML4;
	sregs.cr4 = 1 << 5;                      /* PAE */
	sregs.cr0 = 1u | (1u << 31) | (1u << 16); /* PE, PG, WP */
	sregs.efer = (1 << 8) | (1 << 10);        /* LME, LMA */
	if (ioctl(vcpu, KVM_SET_SREGS, &sregs) < 0)
		die("KVM_SET_SREGS");
	struct kvm_regs regs = {.rip = LOAD, .rsp = mem_size, .rdi = count, .rflags = 2};
	if (ioctl(vcpu, KVM_SET_REGS, &regs) < 0)
		die("KVM_SET_REGS");

	uint64_t exits = 0, hypercalls = 0;
	struct timespec t0, t1, c0, c1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &c0);
	for (;;) {
		if (ioctl(vcpu, KVM_RUN, 0) < 0)
			die("KVM_RUN");
		exits++;
		if (run->exit_reason == KVM_EXIT_HLT)
			break;
		if (run->exit_reason != KVM_EXIT_IO || run->io.port != VMMDEV_PORT || run->io.size != 4 ||
		    run->io.direction != KVM_EXIT_IO_OUT) {
			fprintf(stderr, "unexpected exit %u\n", run->exit_reason);
			return 1;
		}
		uint32_t gpa;
		memcpy(&gpa, (uint8_t *)run + run->io.data_offset, 4);
		hypercalls++;
		if (gpa > mem_size || mem_size - gpa < sizeof(struct vmmdev_request_header))
			continue;
		struct vmmdev_request_header h;
		memcpy(&h, mem + gpa, sizeof(h));
		s32 rc;
		if (h.size < sizeof(h) || h.size > mem_size - gpa)
			continue;
		if (h.version != VMMDEV_REQUEST_HEADER_VERSION)
			rc = VERR_VERSION_MISMATCH;
		else if (h.request_type != VMMDEVREQ_GET_HOST_VERSION)
			rc = VERR_NOT_IMPLEMENTED;
		else if (h.size < sizeof(struct vmmdev_host_version))
			rc = VERR_INVALID_PARAMETER;
		else {
			struct vmmdev_host_version v;
			memcpy(&v, mem + gpa, sizeof(v));
			v.major = 7;
			v.minor = 1;
			v.build = 0;
			v.revision = 1;
			v.features = 0;
			memcpy(mem + gpa, &v, sizeof(v));
			rc = VINF_SUCCESS;
		}
		memcpy(mem + gpa + offsetof(struct vmmdev_request_header, rc), &rc, sizeof(rc));
	}
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &c1);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double seconds = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	double cpu = (double)(c1.tv_sec - c0.tv_sec) + (double)(c1.tv_nsec - c0.tv_nsec) / 1e9;
	printf("%llu %llu %.6f %.6f\n", (unsigned long long)exits, (unsigned long long)hypercalls, seconds, cpu);
	return 0;
}
