/* The names of the move phases, as native.json's phasesNs keys them. */
#include "phase_clock.h"

static const char *const phase_names[NR_PHASES] = {
	[PHASE_MUNMAP] = "munmap", [PHASE_READ] = "read",	[PHASE_CLOSE] = "close",
	[PHASE_OPEN] = "open",	   [PHASE_FCNTL] = "fcntl",	[PHASE_MMAP] = "mmap",
	[PHASE_DISABLE] = "disable", [PHASE_MODIFY] = "modify", [PHASE_ENABLE] = "enable",
	[PHASE_TRAP] = "trap",
};

const char *phase_name(enum phase phase)
{
	return phase_names[phase];
}
