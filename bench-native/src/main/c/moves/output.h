/* The moves' blocks of native.json: settings and one results entry per scenario (output.c). */
#ifndef PERFBP_MOVES_OUTPUT_H
#define PERFBP_MOVES_OUTPUT_H

#include "runner.h"

#include "../core/json.h"
#include "../core/scenario.h"

void moves_write_settings(struct json *j, const char *matrix, const struct run_settings *settings);
/* The scenario's keys, named as docs/design.md's vocabulary: every file that lists scenarios uses them. */
void moves_write_scenario_keys(struct json *j, const struct scenario *s);
/* -1 when out of memory. */
int moves_write_result(struct json *j, const struct scenario *s, const struct scenario_result *r,
		       const struct run_settings *rs);

#endif
