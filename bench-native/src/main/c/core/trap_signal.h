/* The SIGRTMIN+3 handler that counts trap signals, per thread and in total (trap_signal.c). */
#ifndef PERFBP_CORE_TRAP_SIGNAL_H
#define PERFBP_CORE_TRAP_SIGNAL_H

#include <stdint.h>

int trap_signal_install(int signo);
uint64_t trap_signal_thread_count(void);
uint64_t trap_signal_total(void);

#endif
