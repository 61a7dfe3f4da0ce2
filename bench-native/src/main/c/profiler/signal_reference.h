/* The profiler's own reference for one signal's delivery to a handler (signal_reference.c). */
#ifndef PERFBP_PROFILER_SIGNAL_REFERENCE_H
#define PERFBP_PROFILER_SIGNAL_REFERENCE_H

#include <stdint.h>

/* Signals sent per round of the reference: enough that the clock's resolution does not matter. */
#define SIGNAL_REFERENCE_PER_ROUND 1000

/*
 * rounds rounds of SIGNAL_REFERENCE_PER_ROUND tgkill()s to this thread, each handled by an
 * empty handler; ns_per_signal[round] is the thread's CPU time per signal. 0, or -1 after
 * printing why (a refused call, or a signal that never reached the handler).
 */
int signal_reference_measure(long rounds, double *ns_per_signal);

#endif
