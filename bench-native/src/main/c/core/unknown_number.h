/* A number the machine would not tell (a sysctl that cannot be read): kept as this, written as null. */
#ifndef PERFBP_UNKNOWN_NUMBER_H
#define PERFBP_UNKNOWN_NUMBER_H

#include <limits.h>

#define UNKNOWN_NUMBER LONG_MIN

#endif
