/* A refused perf call, and what the user should do about it (advice.c). */
#ifndef PERFBP_ADVICE_H
#define PERFBP_ADVICE_H

#include <stdio.h>

/* What went wrong in a perf call, kept until it can be explained. */
struct perf_failure {
	const char *call; /* "perf_event_open", "mmap", "ioctl(PERF_EVENT_IOC_MODIFY_ATTRIBUTES)" ... */
	int err;
	char detail[160];
};

const char *errno_name(int err);
/* One paragraph: "<call> failed with <ERRNO> (<detail>): <what to do>". */
void advice_print(FILE *out, const struct perf_failure *failure);

#endif
