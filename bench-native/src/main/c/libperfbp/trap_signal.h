/*
 * libperfbp: the one thing Java cannot do safely — run code inside a signal handler.
 *
 * A watchpoint with notify=signal delivers one real-time signal per trap (O_ASYNC +
 * F_SETSIG + F_SETOWN_EX). A JVM cannot run Java in a signal handler, so this library
 * installs a C handler that only counts, and exposes the counts to Java through JNA.
 */
#ifndef PERFBP_TRAP_SIGNAL_H
#define PERFBP_TRAP_SIGNAL_H

#include <stdint.h>

/* Install the counting handler for signo. Returns 0, or -1 with errno set (sigaction's). */
int perfbp_signal_install(int signo);

/* Restore the handler that was installed before perfbp_signal_install(signo). 0 or -1/errno. */
int perfbp_signal_uninstall(int signo);

/* Signals counted in the whole process since install (or the last reset). */
int64_t perfbp_signal_count(void);

/* Signals counted on the calling thread only (each thread owns its watchpoints' signals). */
int64_t perfbp_signal_thread_count(void);

/* Signals whose si_code said the ring buffer had data (POLL_IN), process-wide. */
int64_t perfbp_signal_poll_in_count(void);

/* Zero the process-wide counters and the calling thread's counter. */
void perfbp_signal_reset(void);

/* SIGRTMIN + offset, evaluated at run time (glibc reserves the first few real-time signals). */
int perfbp_sigrtmin_plus(int offset);

#endif
