/* A scenario's keys as JSON (scenario_keys.c). */
#ifndef PERFBP_SCENARIO_KEYS_H
#define PERFBP_SCENARIO_KEYS_H

#include "json.h"
#include "scenario.h"

/* strategy, trapEvery, notify, pages, bpType, bpLen, threads, slots. */
void scenario_write_keys(struct json *j, const struct scenario *s);

#endif
