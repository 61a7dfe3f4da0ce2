/* perfbp-bench profiler: a watchpoint tool's overhead on workloads (see plan.h for the model). */
#ifndef PERFBP_PROFILER_H
#define PERFBP_PROFILER_H

/* argv: the whole command line (argv[1] is "profiler"); returns the exit status. */
int cmd_profiler(int argc, char **argv);

#endif
