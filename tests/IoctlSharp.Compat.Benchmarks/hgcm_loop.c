/*
 * The hand-written C baseline for HgcmCallBenchmarks: what a 64-bit kernel or host writes by hand to translate
 * a 32-bit client's HGCM call (header, then parm_count vmmdev_hgcm_function_parameter32) into the 64-bit layout.
 * Built with gcc -O2 -shared at benchmark start. Returns 0, or -1 - i for an unknown type in parameter i.
 */
#include <string.h>
#include <linux/types.h>
#include <linux/vboxguest.h>
#include <linux/vbox_vmmdev_types.h>

int hgcm_call_32_to_64(const unsigned char *src, unsigned char *dst, int count)
{
	const struct vmmdev_hgcm_function_parameter32 *in = (const void *)(src + sizeof(struct vbg_ioctl_hgcm_call));
	struct vmmdev_hgcm_function_parameter64 *out = (void *)(dst + sizeof(struct vbg_ioctl_hgcm_call));
	memcpy(dst, src, sizeof(struct vbg_ioctl_hgcm_call));
	for (int i = 0; i < count; i++) {
		struct vmmdev_hgcm_function_parameter64 p;
		memset(&p, 0, sizeof(p));
		p.type = in[i].type;
		switch (in[i].type) {
		case VMMDEV_HGCM_PARM_TYPE_32BIT:
			p.u.value32 = in[i].u.value32;
			break;
		case VMMDEV_HGCM_PARM_TYPE_64BIT:
			p.u.value64 = in[i].u.value64;
			break;
		case VMMDEV_HGCM_PARM_TYPE_PHYSADDR:
		case VMMDEV_HGCM_PARM_TYPE_LINADDR:
		case VMMDEV_HGCM_PARM_TYPE_LINADDR_IN:
		case VMMDEV_HGCM_PARM_TYPE_LINADDR_OUT:
		case VMMDEV_HGCM_PARM_TYPE_LINADDR_KERNEL:
		case VMMDEV_HGCM_PARM_TYPE_LINADDR_KERNEL_IN:
		case VMMDEV_HGCM_PARM_TYPE_LINADDR_KERNEL_OUT:
			p.u.pointer.size = in[i].u.pointer.size;
			p.u.pointer.u.linear_addr = in[i].u.pointer.u.linear_addr; /* zero-extends, as compat_ptr() */
			break;
		case VMMDEV_HGCM_PARM_TYPE_PAGELIST:
			p.u.page_list.size = in[i].u.page_list.size;
			p.u.page_list.offset = in[i].u.page_list.offset;
			break;
		default:
			return -1 - i;
		}
		out[i] = p;
	}
	return 0;
}
