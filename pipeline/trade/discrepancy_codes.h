// The catalogue of UCP 600 examination rules: for each discrepancy lcproc can find, its
// stable code, the article it comes from and a one-line summary. Codes never change
// meaning; new checks get new codes. The README section "For trade operations" is this
// table. Constant data; thread-safe.
#pragma once

#include <span>
#include <string_view>

namespace lcproc::trade {

struct ExaminationRule {
  std::string_view code;
  std::string_view article;
  std::string_view summary;
};

// Presentation as a whole.
inline constexpr ExaminationRule kPresentedAfterExpiry{
    "PRESENTED_AFTER_EXPIRY", "6(d)(i), 29(a)",
    "presented after the expiry date of 31D (extended to the next banking day when it falls on a "
    "closing day)"};
inline constexpr ExaminationRule kLatePresentation{
    "LATE_PRESENTATION", "14(c), 29(a)",
    "presented later than the field 48 period (default 21 calendar days) after the date of "
    "shipment"};
inline constexpr ExaminationRule kDocumentMissing{
    "DOCUMENT_MISSING", "14(a)",
    "a document that 46A requires (typed or any other) is not presented"};
inline constexpr ExaminationRule kInsufficientOriginals{"INSUFFICIENT_ORIGINALS", "17(a)",
                                                        "fewer originals than 46A asks for"};
inline constexpr ExaminationRule kDocumentDatedAfterPresentation{
    "DOCUMENT_DATED_AFTER_PRESENTATION", "14(i)",
    "a document is dated later than its presentation"};
inline constexpr ExaminationRule kDrawingExceedsBalance{
    "DRAWING_EXCEEDS_BALANCE", "18(b)",
    "the drawing exceeds the available balance: 32B plus the 39A tolerance less earlier drawings"};
inline constexpr ExaminationRule kDrawingExceedsInvoice{
    "DRAWING_EXCEEDS_INVOICE", "14(d)", "the drawing exceeds the commercial invoice amount"};
inline constexpr ExaminationRule kShortDrawing{
    "SHORT_DRAWING", "30(c)",
    "partial drawings not allowed and the drawing is more than 5% (or the 39A minus tolerance) "
    "short of the amount, or short at all with a reduced unit price (30(c)'s conditions)"};
inline constexpr ExaminationRule kPartialShipmentNotAllowed{
    "PARTIAL_SHIPMENT_NOT_ALLOWED", "31(a)",
    "a further drawing where 43P does not allow partial shipments"};
inline constexpr ExaminationRule kInstalmentOutOfSchedule{
    "INSTALMENT_OUT_OF_SCHEDULE", "32", "shipment outside every instalment period of the credit"};
inline constexpr ExaminationRule kInstalmentCeased{
    "INSTALMENT_CEASED", "32",
    "an earlier instalment was not drawn in its period, so the credit ceased for it and every "
    "later one"};
inline constexpr ExaminationRule kInstalmentAmountExceeded{
    "INSTALMENT_AMOUNT_EXCEEDED", "32", "the drawing exceeds what its instalment allows"};
// Date terms.
inline constexpr ExaminationRule kLateShipment{
    "LATE_SHIPMENT", "20(a)(ii), 29(c)",
    "shipped (on board; or dispatched, taken in charge or picked up, art. 19, 23 to 25) after the "
    "latest date of shipment of 44C, which is never extended"};
inline constexpr ExaminationRule kShipmentOutsidePeriod{
    "SHIPMENT_OUTSIDE_PERIOD", "3",
    "shipped outside the 44D period read by art. 3 (on or about, before, after, first half, end "
    "…)"};
// Cross-document (art. 14).
inline constexpr ExaminationRule kDataConflictQuantity{
    "DATA_CONFLICT_QUANTITY", "14(d)",
    "a quantity conflicts between the invoice and another document"};
inline constexpr ExaminationRule kDataConflictGoods{
    "DATA_CONFLICT_GOODS", "14(d), 14(e)",
    "goods in a document other than the invoice conflict with 45A"};
inline constexpr ExaminationRule kDataConflictPort{
    "DATA_CONFLICT_PORT", "14(d)", "a port on the invoice conflicts with the bill of lading"};
inline constexpr ExaminationRule kDataConflictCurrency{
    "DATA_CONFLICT_CURRENCY", "14(d)", "the drawing is not in the credit's currency"};
inline constexpr ExaminationRule kAddressCountryMismatch{
    "ADDRESS_COUNTRY_MISMATCH", "14(j)",
    "the applicant's or beneficiary's address is in another country than in the credit"};
// Commercial invoice (art. 18) and tolerances (art. 30).
inline constexpr ExaminationRule kInvoiceNotIssuedByBeneficiary{
    "INVOICE_NOT_ISSUED_BY_BENEFICIARY", "18(a)(i)",
    "the invoice is not issued by the beneficiary"};
inline constexpr ExaminationRule kInvoiceNotMadeOutToApplicant{
    "INVOICE_NOT_MADE_OUT_TO_APPLICANT", "18(a)(ii)",
    "the invoice is not made out to the applicant"};
inline constexpr ExaminationRule kInvoiceCurrencyMismatch{
    "INVOICE_CURRENCY_MISMATCH", "18(a)(iii)", "the invoice is not in the credit's currency"};
inline constexpr ExaminationRule kInvoiceGoodsMismatch{
    "INVOICE_GOODS_MISMATCH", "18(c)", "the invoice's goods do not correspond with 45A"};
inline constexpr ExaminationRule kQuantityOutOfTolerance{
    "QUANTITY_OUT_OF_TOLERANCE", "30(a), 30(b)",
    "quantity beyond ±10% (\"about\"), ±5% (not counted in units) or exact (counted), cumulated "
    "over drawings"};
inline constexpr ExaminationRule kUnitPriceOutOfTolerance{
    "UNIT_PRICE_OUT_OF_TOLERANCE", "30(a)",
    "unit price beyond ±10% (\"about\") or above the credit's"};
// Bill of lading (art. 20, 27).
inline constexpr ExaminationRule kBlCarrierNotNamed{"BL_CARRIER_NOT_NAMED", "20(a)(i)",
                                                    "the bill of lading does not name the carrier"};
inline constexpr ExaminationRule kBlNotSigned{
    "BL_NOT_SIGNED", "20(a)(i)", "not signed by the carrier, the master or a named agent"};
inline constexpr ExaminationRule kBlNotOnBoard{"BL_NOT_ON_BOARD", "20(a)(ii)",
                                               "no shipped-on-board notation with a date"};
inline constexpr ExaminationRule kBlPortOfLoading{"BL_PORT_OF_LOADING", "20(a)(iii)",
                                                  "port of loading differs from 44E"};
inline constexpr ExaminationRule kBlPortOfDischarge{"BL_PORT_OF_DISCHARGE", "20(a)(iii)",
                                                    "port of discharge differs from 44F"};
inline constexpr ExaminationRule kBlFullSet{"BL_FULL_SET", "20(a)(iv)",
                                            "not the full set of originals issued"};
inline constexpr ExaminationRule kBlCharterParty{
    "BL_CHARTER_PARTY", "20(a)(vi)", "the bill of lading is subject to a charter party"};
inline constexpr ExaminationRule kTranshipmentNotAllowed{
    "TRANSHIPMENT_NOT_ALLOWED", "20(c)",
    "transhipment where 43T prohibits it, and the goods are not shipped in a container, trailer or "
    "LASH barge"};
inline constexpr ExaminationRule kBlNotClean{
    "BL_NOT_CLEAN", "27", "a clause declares a defective condition of the goods or packaging"};
// Transport documents of art. 19 and 21 to 25 (the bill of lading keeps its BL_ codes);
// each discrepancy names the article of the document it is found in.
inline constexpr ExaminationRule kTransportCarrierNotNamed{
    "TRANSPORT_CARRIER_NOT_NAMED", "19(a)(i), 21(a)(i), 23(a)(i), 24(a)(i), 25(a)(i)",
    "the transport document does not name the carrier (or the courier)"};
inline constexpr ExaminationRule kTransportNotSigned{
    "TRANSPORT_NOT_SIGNED", "19(a)(i), 21(a)(i), 22(a)(i), 23(a)(i), 24(a)(i), 25(a)(i), 25(c)",
    "not signed by a party the article allows (carrier, master, owner, charterer, named agent; "
    "courier or post office stamp)"};
inline constexpr ExaminationRule kTransportNotOnBoard{
    "TRANSPORT_NOT_ON_BOARD", "21(a)(ii), 22(a)(ii)",
    "a sea waybill or charter party bill of lading without a dated shipped-on-board notation"};
inline constexpr ExaminationRule kTransportPlaceOfDispatch{
    "TRANSPORT_PLACE_OF_DISPATCH",
    "19(a)(iii), 21(a)(iii), 22(a)(iii), 23(a)(iv), 24(a)(iv), 25(a)(ii), 25(c)",
    "the place of dispatch, taking in charge, loading or departure differs from 44A/44E"};
inline constexpr ExaminationRule kTransportPlaceOfDestination{
    "TRANSPORT_PLACE_OF_DESTINATION", "19(a)(iii), 21(a)(iii), 22(a)(iii), 23(a)(iv), 24(a)(iv)",
    "the place of final destination, discharge or destination airport differs from 44B/44F"};
inline constexpr ExaminationRule kTransportFullSet{
    "TRANSPORT_FULL_SET", "19(a)(iv), 21(a)(iv), 22(a)(iv), 23(a)(v), 24(b)",
    "not the full set of originals issued (air, road: not the original for consignor or shipper)"};
inline constexpr ExaminationRule kTransportCharterParty{
    "TRANSPORT_CHARTER_PARTY", "19(a)(v), 21(a)(vi)",
    "a multimodal document or sea waybill indicates it is subject to a charter party"};
inline constexpr ExaminationRule kTransportNotClean{
    "TRANSPORT_NOT_CLEAN", "27",
    "a clause on a transport document other than the bill of lading declares a defective "
    "condition"};
inline constexpr ExaminationRule kOnDeck{
    "ON_DECK", "26(a)",
    "the transport document states the goods are or will be loaded on deck (\"may be loaded on "
    "deck\" is acceptable)"};
inline constexpr ExaminationRule kFreightMarking{
    "FREIGHT_MARKING", "26(c), 14(d)",
    "freight is not marked as 46A requires (prepaid or collect)"};
inline constexpr ExaminationRule kAddressNotAsInCredit{
    "ADDRESS_NOT_AS_IN_CREDIT", "14(j)",
    "the applicant's address as consignee or notify party on a transport document differs from the "
    "credit's"};
// Draft (art. 6(c), 42C/42a).
inline constexpr ExaminationRule kDraftDrawnOnApplicant{"DRAFT_DRAWN_ON_APPLICANT", "6(c)",
                                                        "the draft is drawn on the applicant"};
inline constexpr ExaminationRule kDraftDrawee{
    "DRAFT_DRAWEE", "6(c), 14(d)",
    "the draft is not drawn on the bank of 42a (or the nominated bank of 41a)"};
inline constexpr ExaminationRule kDraftTenor{"DRAFT_TENOR", "14(d)",
                                             "the draft's tenor differs from 42C"};
inline constexpr ExaminationRule kDraftAmount{
    "DRAFT_AMOUNT", "14(d)", "the draft's amount or currency differs from the amount drawn"};
inline constexpr ExaminationRule kDraftDrawer{"DRAFT_DRAWER", "14(d)",
                                              "the draft is not drawn (signed) by the beneficiary"};
// Certificates and other documents (art. 14(f)).
inline constexpr ExaminationRule kDocumentIssuer{
    "DOCUMENT_ISSUER", "14(f)",
    "not issued by the party the credit names (a beneficiary's certificate: by the beneficiary)"};
inline constexpr ExaminationRule kCertificateAfterShipment{
    "CERTIFICATE_AFTER_SHIPMENT", "14(d)",
    "an inspection or fumigation the credit requires before shipment is shown after the date of "
    "shipment"};
// Insurance (art. 28).
inline constexpr ExaminationRule kInsuranceCoverNote{"INSURANCE_COVER_NOTE", "28(c)",
                                                     "a cover note is not accepted"};
inline constexpr ExaminationRule kInsuranceOriginals{
    "INSURANCE_ORIGINALS", "28(b)",
    "not all originals of the insurance document issued are presented"};
inline constexpr ExaminationRule kInsuranceDatedAfterShipment{
    "INSURANCE_DATED_AFTER_SHIPMENT", "28(e)",
    "dated after shipment and cover does not start by then"};
inline constexpr ExaminationRule kInsuranceCurrency{"INSURANCE_CURRENCY", "28(f)(i)",
                                                    "insurance not in the credit's currency"};
inline constexpr ExaminationRule kInsuranceUnderinsured{
    "INSURANCE_UNDERINSURED", "28(f)(ii)",
    "cover below 110% of the CIF/CIP value (or the credit's percentage), rounded up"};
inline constexpr ExaminationRule kInsuranceRoute{"INSURANCE_ROUTE", "28(f)(iii)",
                                                 "cover does not run from 44E/44A to 44F/44B"};
// Lifecycle flag (not found by Examine; set when a bank refuses late).
inline constexpr ExaminationRule kRefusalAfterDeadline{
    "REFUSAL_AFTER_DEADLINE", "16(f)",
    "refusal notice after the 5-banking-day deadline of 14(b): the bank is precluded from claiming "
    "non-compliance"};

// Every rule above, in the order of the README.
std::span<const ExaminationRule> AllExaminationRules();
// The rule of `code`, or null.
const ExaminationRule* FindExaminationRule(std::string_view code);

}  // namespace lcproc::trade
