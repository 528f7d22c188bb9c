/* folio — typesets UN-format reports as PDF and DOCX. Umbrella header. */
#ifndef FOLIO_H
#define FOLIO_H

#include "folio/base.h"
#include "folio/report.h"
#include "folio/read.h"
#include "folio/flow.h"
#include "folio/fonts.h"
#include "folio/art.h"
#include "folio/layout.h"
#include "folio/pdf.h"
#include "folio/docx.h"

#endif
