/*
 * notify=sigtrap's counters (sigtrap.c), over libperfbp's SIGTRAP handler; notify=signal's
 * counter is libperfbp/trap_signal.h, the same source the Java side loads.
 */
#ifndef PERFBP_CORE_SIGTRAP_H
#define PERFBP_CORE_SIGTRAP_H

#include <stdint.h>

/* What the calling thread's perf SIGTRAPs (si_code TRAP_PERF) carried since it started. */
struct sigtrap_tally {
	uint64_t traps;
	uint64_t mismatches; /* of those, the ones whose si_perf_data was not the expected tag */
	uint64_t last_tag;   /* si_perf_data of the last one */
};

/* Installs the SIGTRAP handler once per process; any SIGTRAP that is not perf's goes on to
 * the disposition it replaced. 0, or -1 with errno (sigaction's). */
int sigtrap_install(void);
/* The tag the calling thread's next perf SIGTRAP must carry: set before each access that should trap. */
void sigtrap_expect(uint64_t tag);
void sigtrap_thread_tally(struct sigtrap_tally *out);

#endif
