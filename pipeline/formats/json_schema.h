// JsonSchemaFor: the JSON Schema (draft 2020-12) of one document type's JSON form, derived
// from the same FieldList the codec uses, so the published contract (schemas/json/) cannot
// drift from what DecodeJson accepts. A test regenerates it and compares it with the
// committed file (LCPROC_UPDATE_SCHEMAS=1 rewrites the files).
//
// The schema states structure, required members, enumerations, code and date patterns and
// the array/string limits; value checks beyond patterns (ISO 4217 table, calendar dates,
// minor units) are the decoder's. Pure function; thread-safe.
#pragma once

#include <string>

#include "pipeline/trade/document.h"

namespace lcproc::formats {

// Pretty-printed JSON text with a final newline.
std::string JsonSchemaFor(trade::DocumentType type);

}  // namespace lcproc::formats
