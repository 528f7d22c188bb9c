/* folio — typesets UN-format reports as PDF and DOCX. Umbrella header of
 * the public interface. */
#ifndef FOLIO_H
#define FOLIO_H

#include "folio/base.h"
#include "folio/house.h"
#include "folio/report.h"
#include "folio/read.h"

#endif
