/* The clocks every measurement and progress line use (clock.c). */
#ifndef PERFBP_CLOCK_H
#define PERFBP_CLOCK_H

#include <stddef.h>
#include <stdint.h>

/* CLOCK_MONOTONIC in ns: every timed figure. */
uint64_t monotonic_ns(void);
/* CLOCK_REALTIME in seconds since the epoch: the run's start and end stamps only. */
double wall_seconds(void);
/* "12.3s", "4m05s", "2h10m", or "?" for a negative duration. */
void format_duration(double seconds, char *buf, size_t size);

#endif
