/*
 * The harness's exit status and version: documented in every --help, relied on by the Maven
 * pipeline and the tests.
 */
#ifndef PERFBP_EXIT_STATUS_H
#define PERFBP_EXIT_STATUS_H

#define PERFBP_BENCH_VERSION "0.1.0"

#define EXIT_FAILED 1 /* a premise failed (traps miscounted) or the system failed us (memory, I/O) */
#define EXIT_USAGE 2  /* bad input: one line names the option and its valid values */
#define EXIT_KERNEL 3 /* the kernel refused: the message says why and what to do */

#endif
