/*
 * What glibc 2.36 does not name yet of a sigtrap watchpoint's SIGTRAP (the kernel's
 * asm-generic/siginfo.h does, but it cannot be included beside <signal.h>): TRAP_PERF and
 * si_perf_data. In the kernel's siginfo, _perf._data opens the union that follows si_addr
 * (beside _addr_lsb), so it lies right after the address. SigtrapHandlerTest pins both
 * against the kernel header. Shared by libperfbp and perfbp-bench trap-anatomy.
 */
#ifndef PERFBP_PERF_SIGINFO_H
#define PERFBP_PERF_SIGINFO_H

#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#ifndef TRAP_PERF
#define TRAP_PERF 6
#endif
#define PERF_DATA_OFFSET (offsetof(siginfo_t, si_addr) + sizeof(void *))

static inline uint64_t perf_data(const siginfo_t *info)
{
	unsigned long data;

	memcpy(&data, (const char *)info + PERF_DATA_OFFSET, sizeof(data));
	return data;
}

#endif
