/*
 * The clocks: CLOCK_MONOTONIC for every timed figure (one pair per batch, laps in the phase
 * pass), CLOCK_REALTIME only for the run's start and end stamps, and how a duration is shown
 * in progress lines.
 */
#include "clock.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

uint64_t monotonic_ns(void)
{
	struct timespec ts;

	/* Cannot fail for CLOCK_MONOTONIC; if it ever does, no figure could be trusted. */
	if (clock_gettime(CLOCK_MONOTONIC, &ts) != 0) {
		perror("perfbp-bench: clock_gettime(CLOCK_MONOTONIC)");
		abort();
	}
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

double wall_seconds(void)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_REALTIME, &ts) != 0)
		return 0;
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

void format_duration(double seconds, char *buf, size_t size)
{
	if (seconds < 0)
		snprintf(buf, size, "?");
	else if (seconds < 100)
		snprintf(buf, size, "%.1fs", seconds);
	else if (seconds < 6000)
		snprintf(buf, size, "%dm%02ds", (int)seconds / 60, (int)seconds % 60);
	else
		snprintf(buf, size, "%dh%02dm", (int)seconds / 3600, (int)seconds / 60 % 60);
}
