/* What every measuring command checks before it runs, and how a refusal becomes an exit status (gate.c). */
#ifndef PERFBP_GATE_H
#define PERFBP_GATE_H

#include "args.h"
#include "env.h"

#include <stdio.h>

/* gate_start's answer when the command goes on to plan; any other is the command's exit status. */
#define GATE_GO_ON (-1)

/*
 * What every measuring command does once its options are parsed, before it plans: --help
 * printed with help to stdout (exit 0), an --out that cannot be written refused (EXIT_USAGE),
 * and the machine probed into env (gate_probe). GATE_GO_ON, or the exit status to return.
 */
int gate_start(const struct args_common *common, void (*help)(FILE *out), struct env *env);

/* Probes the machine into env; 0, or EXIT_KERNEL after the kernel's advice when no watchpoint opens. */
int gate_probe(struct env *env);
/* Where no watchpoint fires, nothing can be verified by a trap: one line, EXIT_KERNEL. */
int gate_refuse_without_traps(const struct env *env);
/* A plan's -1 (bad input), -2 (the kernel refused), -3 (the system failed us) as an exit status. */
int gate_status(int refusal);

#endif
