/*
 * Prints what the C headers say about every layout and constant rearm's Java code hard-codes,
 * one "name value" line each (values in unsigned decimal). The Java tests compile this with
 * gcc at test time and compare: the headers, not our memory of them, are the reference.
 */
#include <errno.h>
#include <fcntl.h>
#include <linux/hw_breakpoint.h>
#include <linux/perf_event.h>
/* The kernel's siginfo (si_perf_data, TRAP_PERF): glibc 2.36 has neither, and <signal.h> is not included here. */
#include <asm/signal.h>
#include <asm/siginfo.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>

#define FACT(name, value) printf("%s %llu\n", (name), (unsigned long long)(value))
#define ATTR_OFFSET(field) FACT("attr.offset." #field, offsetof(struct perf_event_attr, field))
#define ATTR_WIDTH(field) FACT("attr.width." #field, sizeof(((struct perf_event_attr *)0)->field))
#define CONST(name) FACT(#name, name)

/* The flags bitfield cannot be named by offsetof: it is the u64 between read_format and wakeup_events. */
static size_t flags_offset(void)
{
	return offsetof(struct perf_event_attr, read_format) + sizeof(((struct perf_event_attr *)0)->read_format);
}

/* The u64 flags word with only the bit the caller set in attr. */
static uint64_t flags_word(const struct perf_event_attr *attr)
{
	uint64_t word;

	memcpy(&word, (const char *)attr + flags_offset(), sizeof(word));
	return word;
}

/* Each flag alone in an otherwise zero attr: the flags word then shows that flag's bit. */
#define FLAG_FACT(field)                                          \
	do {                                                      \
		memset(&attr, 0, sizeof(attr));                   \
		attr.field = 1;                                   \
		FACT("attr.flag." #field, flags_word(&attr));     \
	} while (0)

static void flag_bits(void)
{
	struct perf_event_attr attr;

	FLAG_FACT(disabled);
	FLAG_FACT(exclude_kernel);
	FLAG_FACT(exclude_hv);
	FLAG_FACT(remove_on_exec);
	FLAG_FACT(sigtrap);
}

static void attr_layout(void)
{
	FACT("attr.sizeof", sizeof(struct perf_event_attr));
	ATTR_OFFSET(type);
	ATTR_WIDTH(type);
	ATTR_OFFSET(size);
	ATTR_WIDTH(size);
	ATTR_OFFSET(config);
	ATTR_WIDTH(config);
	ATTR_OFFSET(sample_period);
	ATTR_WIDTH(sample_period);
	ATTR_OFFSET(sample_type);
	ATTR_WIDTH(sample_type);
	ATTR_OFFSET(read_format);
	ATTR_WIDTH(read_format);
	FACT("attr.offset.flags", flags_offset());
	FACT("attr.width.flags", offsetof(struct perf_event_attr, wakeup_events) - flags_offset());
	ATTR_OFFSET(wakeup_events);
	ATTR_WIDTH(wakeup_events);
	ATTR_OFFSET(bp_type);
	ATTR_WIDTH(bp_type);
	ATTR_OFFSET(bp_addr);
	ATTR_WIDTH(bp_addr);
	ATTR_OFFSET(bp_len);
	ATTR_WIDTH(bp_len);
	ATTR_OFFSET(sig_data);
	ATTR_WIDTH(sig_data);
	flag_bits();

	/* The published sizes this header knows (each kernel accepts any of them). */
	CONST(PERF_ATTR_SIZE_VER0);
	CONST(PERF_ATTR_SIZE_VER1);
	CONST(PERF_ATTR_SIZE_VER2);
	CONST(PERF_ATTR_SIZE_VER3);
	CONST(PERF_ATTR_SIZE_VER4);
	CONST(PERF_ATTR_SIZE_VER5);
#ifdef PERF_ATTR_SIZE_VER6
	CONST(PERF_ATTR_SIZE_VER6);
#endif
#ifdef PERF_ATTR_SIZE_VER7
	CONST(PERF_ATTR_SIZE_VER7);
#endif
#ifdef PERF_ATTR_SIZE_VER8
	CONST(PERF_ATTR_SIZE_VER8);
#endif
#ifdef PERF_ATTR_SIZE_VER9
	CONST(PERF_ATTR_SIZE_VER9);
#endif
}

static void attr_values(void)
{
	CONST(PERF_TYPE_SOFTWARE);
	CONST(PERF_TYPE_BREAKPOINT);
	CONST(PERF_COUNT_SW_CPU_CLOCK);
	CONST(PERF_COUNT_SW_TASK_CLOCK);
	CONST(PERF_COUNT_SW_PAGE_FAULTS);
	CONST(PERF_COUNT_SW_DUMMY);
	CONST(PERF_SAMPLE_IP);
	CONST(PERF_SAMPLE_TID);
	CONST(PERF_SAMPLE_TIME);
	CONST(PERF_SAMPLE_ADDR);
	CONST(HW_BREAKPOINT_R);
	CONST(HW_BREAKPOINT_W);
	CONST(HW_BREAKPOINT_RW);
	CONST(HW_BREAKPOINT_X);
	CONST(PERF_FLAG_FD_CLOEXEC);
}

static void ring_layout(void)
{
	FACT("mmap_page.offset.data_head", offsetof(struct perf_event_mmap_page, data_head));
	FACT("mmap_page.offset.data_tail", offsetof(struct perf_event_mmap_page, data_tail));
	FACT("perf_event_header.sizeof", sizeof(struct perf_event_header));
	FACT("perf_event_header.offset.type", offsetof(struct perf_event_header, type));
	FACT("perf_event_header.offset.size", offsetof(struct perf_event_header, size));
	CONST(PERF_RECORD_LOST);
	CONST(PERF_RECORD_SAMPLE);
}

/* What a notify=sigtrap handler reads (libperfbp/perf_sigtrap.c cannot include this header). */
static void siginfo_layout(void)
{
	FACT("siginfo.offset.si_perf_data", offsetof(siginfo_t, si_perf_data));
	CONST(TRAP_PERF);
	CONST(SIGTRAP);
	FACT("SI_TKILL", (uint64_t)(int64_t)SI_TKILL);
	FACT("siginfo.sizeof", sizeof(siginfo_t));
	FACT("siginfo.offset.si_code", offsetof(siginfo_t, si_code));
	CONST(__NR_rt_tgsigqueueinfo);
}

static void ioctls(void)
{
	CONST(PERF_EVENT_IOC_ENABLE);
	CONST(PERF_EVENT_IOC_DISABLE);
	CONST(PERF_EVENT_IOC_RESET);
	CONST(PERF_EVENT_IOC_MODIFY_ATTRIBUTES);
}

static void libc_values(void)
{
	FACT("__NR_perf_event_open", __NR_perf_event_open);
	CONST(F_GETFL);
	CONST(F_SETFL);
	CONST(F_SETSIG);
	CONST(F_SETOWN_EX);
	CONST(F_OWNER_TID);
	FACT("f_owner_ex.sizeof", sizeof(struct f_owner_ex));
	FACT("f_owner_ex.offset.type", offsetof(struct f_owner_ex, type));
	FACT("f_owner_ex.offset.pid", offsetof(struct f_owner_ex, pid));
	CONST(O_ASYNC);
	CONST(O_NONBLOCK);
	CONST(PROT_READ);
	CONST(PROT_WRITE);
	CONST(MAP_SHARED);
	CONST(EPERM);
	CONST(ENOENT);
	CONST(EINTR);
	CONST(E2BIG);
	CONST(EBADF);
	CONST(ENOMEM);
	CONST(EACCES);
	CONST(EFAULT);
	CONST(EBUSY);
	CONST(ENODEV);
	CONST(EINVAL);
	CONST(EMFILE);
	CONST(ENOTTY);
	CONST(ENOSPC);
	CONST(ENOSYS);
	CONST(EOPNOTSUPP);
}

int main(void)
{
	attr_layout();
	attr_values();
	ring_layout();
	siginfo_layout();
	ioctls();
	libc_values();
	return ferror(stdout) ? 1 : 0;
}
