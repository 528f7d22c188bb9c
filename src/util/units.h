/* Lengths (internal): integers in millipoints (1/1000 pt) everywhere;
 * writers convert at their boundary. */
#ifndef FOLIO_UTIL_UNITS_H
#define FOLIO_UTIL_UNITS_H

#include <stdint.h>

#define FOLIO_PT(x) ((int32_t)((x) * 1000))          /* points -> millipoints */
#define FOLIO_CM(x) ((int32_t)((x) * 72000.0 / 2.54)) /* cm -> millipoints */

#endif
