/* The stopwatch of the phase pass: laps inside one move, by phase (phase_clock.c). */
#ifndef PERFBP_PHASE_CLOCK_H
#define PERFBP_PHASE_CLOCK_H

#include "clock.h"

#include <stdbool.h>
#include <stdint.h>

/* Phases a move can be timed by (the separate phase pass), in JSON key order. */
enum phase {
	PHASE_MUNMAP,
	PHASE_READ,	/* the harness's own per-fd counter read (the premise), before close */
	PHASE_CLOSE,
	PHASE_OPEN,
	PHASE_FCNTL,
	PHASE_MMAP,
	PHASE_DISABLE,
	PHASE_MODIFY,
	PHASE_ENABLE,
	PHASE_TRAP,	/* the trapping access and the ring drain, on ops that trap */
	NR_PHASES
};

const char *phase_name(enum phase phase);

/* Laps of a stopwatch inside one op; a NULL clock costs one predictable branch per phase. */
struct phase_clock {
	uint64_t last;
	uint64_t ns[NR_PHASES];
	bool ran[NR_PHASES];
};

static inline void phase_lap(struct phase_clock *clock, enum phase phase)
{
	uint64_t now;

	if (clock == NULL)
		return;
	now = monotonic_ns();
	clock->ns[phase] += now - clock->last;
	clock->ran[phase] = true;
	clock->last = now;
}

#endif
