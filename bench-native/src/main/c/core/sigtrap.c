/*
 * notify=sigtrap's counters, as the harness reads them: each trap sends one synchronous SIGTRAP
 * (si_code TRAP_PERF) to the thread that made the access, carrying the watchpoint's sig_data in
 * si_perf_data. The handler is libperfbp's (libperfbp/perf_sigtrap.c, built into this binary
 * too), so the harness and the Java side count and check tags by the same code: per thread,
 * against the tag the thread expects, and any other SIGTRAP (a debugger's breakpoint,
 * trap-anatomy's int3) goes to the disposition installed before it. notify=signal's counter is
 * libperfbp's trap_signal.c itself, compiled into this binary and into libperfbp.so alike.
 */
#include "sigtrap.h"

#include "../libperfbp/perf_sigtrap.h"

int sigtrap_install(void)
{
	/* Called from the main thread before any worker starts (libperfbp installs once). */
	return perfbp_sigtrap_install();
}

/* volatile: the handler writes the cell between any two instructions of its thread, and the
 * expected tag must be stored before the access that traps, never moved past it. */
static volatile struct perfbp_sigtrap_cell *thread_cell(void)
{
	return perfbp_sigtrap_cell();
}

void sigtrap_expect(uint64_t tag)
{
	thread_cell()->expected_tag = tag;
}

void sigtrap_thread_tally(struct sigtrap_tally *out)
{
	volatile struct perfbp_sigtrap_cell *cell = thread_cell();

	out->traps = (uint64_t)cell->traps;
	out->mismatches = (uint64_t)cell->mismatches;
	out->last_tag = cell->last_tag;
}
