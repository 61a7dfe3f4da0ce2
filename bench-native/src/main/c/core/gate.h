/* What every measuring command checks before it runs, and how a refusal becomes an exit status (gate.c). */
#ifndef PERFBP_GATE_H
#define PERFBP_GATE_H

#include "env.h"

/* Probes the machine into env; 0, or EXIT_KERNEL after the kernel's advice when no watchpoint opens. */
int gate_probe(struct env *env);
/* Where no watchpoint fires, nothing can be verified by a trap: one line, EXIT_KERNEL. */
int gate_refuse_without_traps(const struct env *env);
/* A plan's -1 (bad input), -2 (the kernel refused), -3 (the system failed us) as an exit status. */
int gate_status(int refusal);

#endif
