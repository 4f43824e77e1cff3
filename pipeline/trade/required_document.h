// Reading a credit's documentary requirement (one 46A item, or a documentsRequired entry
// given only by its wording): which document it names, how many originals and copies, who
// must issue it and what data it must show. A credit may require any document: wording
// that names no type lcproc knows becomes kOtherDocument with the wording kept, never an
// error. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "pipeline/trade/letter_of_credit.h"
#include "pipeline/trade/presentation.h"

namespace lcproc::trade {

// The requirement `wording` states (upper-case SWIFT text, as in 46A):
// - type: the document named first in the wording ("SIGNED COMMERCIAL INVOICE …",
//   "SIGHT DRAFT DRAWN ON …", "PHYTOSANITARY CERTIFICATE …"), kOtherDocument otherwise;
// - originals: "IN n ORIGINAL(S)", "IN DUPLICATE" (2), "IN TRIPLICATE" (3), else 1 ("FULL
//   SET" is the full set issued, which the transport articles check, not a number);
// - copies: "AND n COPIES";
// - issuer: the words after "ISSUED BY" or "SIGNED BY" up to the next clause, or
//   "BENEFICIARY" for a beneficiary's certificate;
// - data_required: the words after "CERTIFYING", "STATING", "EVIDENCING", "SHOWING" or
//   "INDICATING" (with "THAT"), to the end;
// - text: `wording` itself.
RequiredDocument RecogniseRequiredDocument(std::string_view wording);

// The issuer and the data content a requirement's wording names (the issuer and
// data_required RecogniseRequiredDocument fills), each read alone; "" when none.
std::string IssuerNamedIn(std::string_view wording);
std::string DataRequiredIn(std::string_view wording);

// The freight marking the requirement asks of a transport document (art. 26(c)):
// "FREIGHT PREPAID" / "FREIGHT PAID" -> kPrepaid, "FREIGHT COLLECT" / "FREIGHT PAYABLE AT
// DESTINATION" -> kCollect, otherwise kNotStated.
FreightTerms RequiredFreight(const RequiredDocument& required);

// Whether the requirement asks for an event before shipment ("PRE-SHIPMENT INSPECTION",
// "FUMIGATED BEFORE SHIPMENT", "PRIOR TO SHIPMENT", "BEFORE LOADING").
bool RequiresEventBeforeShipment(const RequiredDocument& required);

}  // namespace lcproc::trade
