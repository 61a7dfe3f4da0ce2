/* The profiler's blocks of native.json (output.c). */
#ifndef PERFBP_PROFILER_OUTPUT_H
#define PERFBP_PROFILER_OUTPUT_H

#include "runner.h"

#include "../core/json.h"

/* The profiler's top-level block (how it measured, as short keys) and its entries in the results array. */
void profiler_write_block(struct json *j, const struct profiler_results *r);
void profiler_write_results(struct json *j, const struct profiler_results *r);

#endif
