/* Whether a scenario's rings fit the locked-memory limit (memlock.c). */
#ifndef PERFBP_MEMLOCK_H
#define PERFBP_MEMLOCK_H

#include "env.h"

#include <stdbool.h>
#include <stddef.h>

/* Fills env->locked; env_probe calls it. */
void memlock_probe(struct env *env);
/* KiB of locked memory the scenario's rings take at once. */
long memlock_needed_kb(const struct env *env, const struct scenario *s);
/* False, with "needs N KiB locked, limit is M KiB (...)" in reason, when the rings cannot fit. */
bool memlock_fits(const struct env *env, const struct scenario *s, char *reason, size_t size);
/* Moves the scenarios that fit to the front (order kept); returns how many fit. */
int memlock_partition(struct scenario *scenarios, int n, const struct env *env);

#endif
