/* folio — typesets UN-format reports as PDF and DOCX. Umbrella header of
 * the public interface:
 *   folio/base.h     version, errors, set-up, the diagnostics context
 *   folio/report.h   the report and its masthead fields
 *   folio/read.h     Markdown, report XML and Akoma Ntoso readers
 *   folio/builder.h  a report made in code
 *   folio/render.h   resources and folio_render: PDF and DOCX */
#ifndef FOLIO_H
#define FOLIO_H

#include "folio/base.h"
#include "folio/house.h"
#include "folio/report.h"
#include "folio/read.h"
#include "folio/builder.h"
#include "folio/render.h"

#endif
