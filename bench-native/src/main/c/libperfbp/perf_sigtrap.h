/*
 * libperfbp, notify=sigtrap: the handler of the synchronous SIGTRAP a watchpoint opened with
 * attr.sigtrap=1 sends on every trap (Linux 5.13+), carrying attr.sig_data in si_perf_data.
 *
 * The handler owns SIGTRAP for the process but only counts the SIGTRAPs whose si_code is
 * TRAP_PERF; any other SIGTRAP (a debugger's breakpoint, a runtime's own trap instruction, a
 * tgkill) goes to the handler that was installed before, as if we were not there.
 *
 * What it records lives in one cell per thread, whose address Java reads once and then reads
 * and writes as plain memory: setting the expected tag before each trapping store must not add
 * a native call to the op being measured.
 */
#ifndef PERFBP_PERF_SIGTRAP_H
#define PERFBP_PERF_SIGTRAP_H

#include <stdint.h>

/* One thread's record. Java reads it at these offsets (signal/SigtrapCell.java): append only. */
struct perfbp_sigtrap_cell {
	int64_t traps;         /* TRAP_PERF SIGTRAPs delivered to this thread */
	int64_t mismatches;    /* of those, the ones whose si_perf_data was not expected_tag */
	uint64_t last_tag;     /* si_perf_data of the last one */
	uint64_t expected_tag; /* written by Java before each store that should trap */
};

/* Install the handler once per process (later calls do nothing). 0, or -1 with errno (sigaction's). */
int perfbp_sigtrap_install(void);

/* The calling thread's cell; touching it here also allocates its TLS before any signal needs it. */
struct perfbp_sigtrap_cell *perfbp_sigtrap_cell(void);

/* TRAP_PERF SIGTRAPs counted in the whole process. */
int64_t perfbp_sigtrap_count(void);

/* SIGTRAPs that were not perf's and went to the previous handler, process-wide. */
int64_t perfbp_sigtrap_chained_count(void);

/* Where this library reads si_perf_data in its siginfo_t (pinned by a test against the kernel's header). */
int64_t perfbp_sigtrap_data_offset(void);

#endif
