// FieldList for every trade struct that travels on the wire: the public names of the
// JSON contract (schemas/json/) and of schemas/trade.capnp, which uses the same names.
// Presentation's documents are named after trade's TradeDocumentType names
// ("billOfLading"), as discrepancies name them. Required members must be present when
// decoding; Optional ones may be absent (see field_list.h). Internal to pipeline/formats.
#pragma once

#include <string_view>

#include "pipeline/formats/enum_names_internal.h"
#include "pipeline/formats/field_list.h"
#include "pipeline/trade/document.h"

namespace lcproc::formats {

template <>
struct FieldList<trade::Party> {
  static constexpr std::string_view kName = "party";
  template <class V, class X>
  static void Visit(V& v, X& x) {
    v.Required("name", x.name);
    v.Optional("addressLines", x.address_lines);
    v.Required("country", x.country);
    v.Optional("bic", x.bic);
    v.Optional("account", x.account);
  }
};

template <>
struct FieldList<trade::GoodsLine> {
  static constexpr std::string_view kName = "goodsLine";
  template <class V, class X>
  static void Visit(V& v, X& x) {
    v.Required("description", x.description);
    v.Optional("quantity", x.quantity);
    v.Optional("unitPrice", x.unit_price);
    v.Optional("about", x.about);
  }
};

template <>
struct FieldList<trade::PercentageTolerance> {
  static constexpr std::string_view kName = "percentageTolerance";
  template <class V, class X>
  static void Visit(V& v, X& x) {
    v.Required("plus", x.plus);
    v.Required("minus", x.minus);
  }
};

template <>
struct FieldList<trade::AvailableWith> {
  static constexpr std::string_view kName = "availableWith";
  template <class V, class X>
  static void Visit(V& v, X& x) {
    v.Optional("bank", x.bank);
    v.Required("by", x.by);
  }
};

template <>
struct FieldList<trade::RequiredDocument> {
  static constexpr std::string_view kName = "requiredDocument";
  template <class V, class X>
  static void Visit(V& v, X& x) {
    v.Required("type", x.type);
    v.Optional("originals", x.originals);
    v.Optional("copies", x.copies);
    v.Optional("text", x.text);
    v.Optional("issuer", x.issuer);
    v.Optional("dataRequired", x.data_required);
  }
};

template <>
struct FieldList<trade::PresentationPeriod> {
  static constexpr std::string_view kName = "presentationPeriod";
  template <class V, class X>
  static void Visit(V& v, X& x) {
    v.Required("days", x.days);
    v.Optional("narrative", x.narrative);
  }
};

template <>
struct FieldList<trade::Instalment> {
  static constexpr std::string_view kName = "instalment";
  template <class V, class X>
  static void Visit(V& v, X& x) {
    v.Required("from", x.from);
    v.Required("to", x.to);
    v.Required("amount", x.amount);
  }
};

template <>
struct FieldList<trade::ExtraField> {
  static constexpr std::string_view kName = "extraField";
  template <class V, class X>
  static void Visit(V& v, X& x) {
    v.Required("tag", x.tag);
    v.Required("value", x.value);
  }
};

template <>
struct FieldList<trade::LetterOfCredit> {
  static constexpr std::string_view kName = "letterOfCredit";
  template <class V, class X>
  static void Visit(V& v, X& x) {
    v.Required("creditNumber", x.credit_number);
    v.Optional("form", x.form);
    v.Optional("rules", x.rules);
    v.Optional("rulesNarrative", x.rules_narrative);
    v.Required("dateOfIssue", x.date_of_issue);
    v.Required("expiryDate", x.expiry_date);
    v.Required("expiryPlace", x.expiry_place);
    v.Required("applicant", x.applicant);
    v.Required("beneficiary", x.beneficiary);
    v.Required("amount", x.amount);
    v.Optional("tolerance", x.tolerance);
    v.Optional("amountAbout", x.amount_about);
    v.Required("availableWith", x.available_with);
    v.Optional("draftsAt", x.drafts_at);
    v.Optional("drawee", x.drawee);
    v.Optional("partialShipments", x.partial_shipments);
    v.Optional("transhipment", x.transhipment);
    v.Optional("placeOfTakingInCharge", x.place_of_taking_in_charge);
    v.Optional("portOfLoading", x.port_of_loading);
    v.Optional("portOfDischarge", x.port_of_discharge);
    v.Optional("finalDestination", x.final_destination);
    v.Optional("latestShipmentDate", x.latest_shipment_date);
    v.Optional("shipmentPeriod", x.shipment_period);
    v.Required("goodsDescription", x.goods_description);
    v.Optional("goods", x.goods);
    v.Optional("incoterm", x.incoterm);
    v.Optional("incotermPlace", x.incoterm_place);
    v.Optional("documentsRequired", x.documents_required);
    v.Optional("insurancePercentage", x.insurance_percentage);
    v.Optional("additionalConditions", x.additional_conditions);
    v.Optional("charges", x.charges);
    v.Optional("presentationPeriod", x.presentation_period);
    v.Optional("confirmation", x.confirmation);
    v.Optional("instalments", x.instalments);
    v.Required("issuingBank", x.issuing_bank);
    v.Required("advisingBank", x.advising_bank);
    v.Optional("confirmingBank", x.confirming_bank);
    v.Optional("reimbursingBank", x.reimbursing_bank);
    v.Optional("adviseThroughBank", x.advise_through_bank);
    v.Optional("senderToReceiverInfo", x.sender_to_receiver_info);
    v.Optional("extraFields", x.extra_fields);
  }
};

template <>
struct FieldList<trade::Amendment> {
  static constexpr std::string_view kName = "amendment";
  template <class V, class X>
  static void Visit(V& v, X& x) {
    v.Required("creditNumber", x.credit_number);
    v.Required("amendmentNumber", x.amendment_number);
    v.Required("dateOfAmendment", x.date_of_amendment);
    v.Required("issuingBank", x.issuing_bank);
    v.Optional("increase", x.increase);
    v.Optional("decrease", x.decrease);
    v.Optional("newExpiryDate", x.new_expiry_date);
    v.Optional("newLatestShipmentDate", x.new_latest_shipment_date);
    v.Optional("newShipmentPeriod", x.new_shipment_period);
    v.Optional("newTolerance", x.new_tolerance);
    v.Optional("newPartialShipments", x.new_partial_shipments);
    v.Optional("newTranshipment", x.new_transhipment);
    v.Optional("newPortOfLoading", x.new_port_of_loading);
    v.Optional("newPortOfDischarge", x.new_port_of_discharge);
    v.Optional("newPresentationPeriod", x.new_presentation_period);
    v.Optional("newGoods", x.new_goods);
    v.Optional("newDocumentsRequired", x.new_documents_required);
    v.Optional("newBeneficiary", x.new_beneficiary);
    v.Optional("narrative", x.narrative);
    v.Optional("charges", x.charges);
    v.Optional("extraFields", x.extra_fields);
  }
};

template <>
struct FieldList<trade::AmendmentResponse> {
  static constexpr std::string_view kName = "amendmentResponse";
  template <class V, class X>
  static void Visit(V& v, X& x) {
    v.Required("creditNumber", x.credit_number);
    v.Required("amendmentNumber", x.amendment_number);
    v.Required("decision", x.decision);
    v.Required("date", x.date);
    v.Required("advisingBank", x.advising_bank);
    v.Optional("narrative", x.narrative);
  }
};

template <>
struct FieldList<trade::Advice> {
  static constexpr std::string_view kName = "advice";
  template <class V, class X>
  static void Visit(V& v, X& x) {
    v.Required("creditNumber", x.credit_number);
    v.Required("advisingBank", x.advising_bank);
    v.Required("dateOfAdvice", x.date_of_advice);
    v.Optional("confirmationAdded", x.confirmation_added);
    v.Optional("confirmingBank", x.confirming_bank);
    v.Optional("narrative", x.narrative);
  }
};

template <>
struct FieldList<trade::CommercialInvoice> {
  static constexpr std::string_view kName = "commercialInvoice";
  template <class V, class X>
  static void Visit(V& v, X& x) {
    v.Required("number", x.number);
    v.Required("issuer", x.issuer);
    v.Required("madeOutTo", x.made_out_to);
    v.Required("date", x.date);
    v.Optional("originals", x.originals);
    v.Optional("copies", x.copies);
    v.Required("amount", x.amount);
    v.Optional("goodsDescription", x.goods_description);
    v.Optional("goods", x.goods);
    v.Optional("incoterm", x.incoterm);
    v.Optional("portOfLoading", x.port_of_loading);
    v.Optional("portOfDischarge", x.port_of_discharge);
  }
};

template <>
struct FieldList<trade::TransportDocument> {
  static constexpr std::string_view kName = "transportDocument";
  template <class V, class X>
  static void Visit(V& v, X& x) {
    v.Required("number", x.number);
    v.Optional("carrierName", x.carrier_name);
    v.Optional("signedBy", x.signed_by);
    v.Required("date", x.date);
    v.Optional("onBoardDate", x.on_board_date);
    v.Optional("vessel", x.vessel);
    v.Optional("portOfLoading", x.port_of_loading);
    v.Optional("portOfDischarge", x.port_of_discharge);
    v.Optional("placeOfReceipt", x.place_of_receipt);
    v.Optional("placeOfDelivery", x.place_of_delivery);
    v.Optional("shipper", x.shipper);
    v.Optional("consignee", x.consignee);
    v.Optional("notifyParty", x.notify_party);
    v.Optional("consigneeDetails", x.consignee_details);
    v.Optional("notifyPartyDetails", x.notify_party_details);
    v.Optional("onDeck", x.on_deck);
    v.Optional("shippersLoadAndCount", x.shippers_load_and_count);
    v.Optional("freight", x.freight);
    v.Optional("clean", x.clean);
    v.Optional("clauses", x.clauses);
    v.Optional("charterParty", x.charter_party);
    v.Optional("transhipment", x.transhipment);
    v.Optional("containerised", x.containerised);
    v.Optional("originals", x.originals);
    v.Optional("originalsIssued", x.originals_issued);
    v.Optional("goodsDescription", x.goods_description);
    v.Optional("goods", x.goods);
  }
};

template <>
struct FieldList<trade::InsuranceDocument> {
  static constexpr std::string_view kName = "insuranceDocument";
  template <class V, class X>
  static void Visit(V& v, X& x) {
    v.Required("number", x.number);
    v.Optional("kind", x.kind);
    v.Optional("issuer", x.issuer);
    v.Required("date", x.date);
    v.Optional("coverStarts", x.cover_starts);
    v.Optional("originals", x.originals);
    v.Optional("originalsIssued", x.originals_issued);
    v.Required("insuredAmount", x.insured_amount);
    v.Optional("risks", x.risks);
    v.Optional("routeFrom", x.route_from);
    v.Optional("routeTo", x.route_to);
    v.Optional("goodsDescription", x.goods_description);
  }
};

template <>
struct FieldList<trade::CertificateOfOrigin> {
  static constexpr std::string_view kName = "certificateOfOrigin";
  template <class V, class X>
  static void Visit(V& v, X& x) {
    v.Required("number", x.number);
    v.Optional("issuer", x.issuer);
    v.Required("date", x.date);
    v.Optional("originals", x.originals);
    v.Required("countryOfOrigin", x.country_of_origin);
    v.Optional("consignor", x.consignor);
    v.Optional("goodsDescription", x.goods_description);
  }
};

template <>
struct FieldList<trade::PackingList> {
  static constexpr std::string_view kName = "packingList";
  template <class V, class X>
  static void Visit(V& v, X& x) {
    v.Required("number", x.number);
    v.Optional("issuer", x.issuer);
    v.Required("date", x.date);
    v.Optional("originals", x.originals);
    v.Optional("goods", x.goods);
    v.Optional("grossWeight", x.gross_weight);
    v.Optional("netWeight", x.net_weight);
  }
};

template <>
struct FieldList<trade::Draft> {
  static constexpr std::string_view kName = "draft";
  template <class V, class X>
  static void Visit(V& v, X& x) {
    v.Required("number", x.number);
    v.Required("drawer", x.drawer);
    v.Optional("drawee", x.drawee);
    v.Optional("draweeBic", x.drawee_bic);
    v.Required("date", x.date);
    v.Required("tenor", x.tenor);
    v.Required("amount", x.amount);
    v.Optional("payee", x.payee);
    v.Optional("signedByDrawer", x.signed_by_drawer);
    v.Optional("originals", x.originals);
  }
};

template <>
struct FieldList<trade::CourierReceipt> {
  static constexpr std::string_view kName = "courierReceipt";
  template <class V, class X>
  static void Visit(V& v, X& x) {
    v.Required("number", x.number);
    v.Optional("courierName", x.courier_name);
    v.Optional("signedOrStamped", x.signed_or_stamped);
    v.Required("date", x.date);
    v.Optional("placeOfDispatch", x.place_of_dispatch);
    v.Optional("destination", x.destination);
    v.Optional("consigneeDetails", x.consignee_details);
    v.Optional("goodsDescription", x.goods_description);
    v.Optional("originals", x.originals);
  }
};

template <>
struct FieldList<trade::Certificate> {
  static constexpr std::string_view kName = "certificate";
  template <class V, class X>
  static void Visit(V& v, X& x) {
    v.Required("type", x.type);
    v.Required("number", x.number);
    v.Required("issuer", x.issuer);
    v.Required("date", x.date);
    v.Optional("eventDate", x.event_date);
    v.Optional("originals", x.originals);
    v.Optional("copies", x.copies);
    v.Optional("goodsDescription", x.goods_description);
    v.Optional("goods", x.goods);
    v.Optional("grossWeight", x.gross_weight);
    v.Optional("netWeight", x.net_weight);
    v.Optional("statements", x.statements);
  }
};

template <>
struct FieldList<trade::OtherDocument> {
  static constexpr std::string_view kName = "otherDocument";
  template <class V, class X>
  static void Visit(V& v, X& x) {
    v.Required("title", x.title);
    v.Optional("number", x.number);
    v.Optional("issuer", x.issuer);
    v.Required("date", x.date);
    v.Optional("originals", x.originals);
    v.Optional("copies", x.copies);
    v.Optional("goodsDescription", x.goods_description);
    v.Optional("statements", x.statements);
  }
};

template <>
struct FieldList<trade::Presentation> {
  static constexpr std::string_view kName = "presentation";
  template <class V, class X>
  static void Visit(V& v, X& x) {
    v.Required("creditNumber", x.credit_number);
    v.Required("presentationNumber", x.presentation_number);
    v.Required("presentingBank", x.presenting_bank);
    v.Required("presentationDate", x.presentation_date);
    v.Required("drawingAmount", x.drawing_amount);
    v.Optional("commercialInvoice", x.invoice);
    v.Optional("billOfLading", x.transport);
    v.Optional("insuranceDocument", x.insurance);
    v.Optional("certificateOfOrigin", x.certificate_of_origin);
    v.Optional("packingList", x.packing_list);
    v.Optional("coveringLetter", x.covering_letter);
    v.Optional("draft", x.draft);
    v.Optional("multimodalTransportDocument", x.multimodal_transport);
    v.Optional("seaWaybill", x.sea_waybill);
    v.Optional("charterPartyBillOfLading", x.charter_party_bill_of_lading);
    v.Optional("airTransportDocument", x.air_transport);
    v.Optional("roadTransportDocument", x.road_transport);
    v.Optional("railTransportDocument", x.rail_transport);
    v.Optional("inlandWaterwayTransportDocument", x.inland_waterway_transport);
    v.Optional("courierReceipt", x.courier_receipt);
    v.Optional("postReceipt", x.post_receipt);
    v.Optional("certificates", x.certificates);
    v.Optional("otherDocuments", x.other_documents);
  }
};

template <>
struct FieldList<trade::ManualCheck> {
  static constexpr std::string_view kName = "manualCheck";
  template <class V, class X>
  static void Visit(V& v, X& x) {
    v.Required("document", x.document);
    v.Required("article", x.article);
    v.Required("field", x.field);
    v.Required("message", x.message);
  }
};

template <>
struct FieldList<trade::Discrepancy> {
  static constexpr std::string_view kName = "discrepancy";
  template <class V, class X>
  static void Visit(V& v, X& x) {
    v.Required("code", x.code);
    v.Required("article", x.article);
    v.Required("document", x.document);
    v.Required("field", x.field);
    v.Required("message", x.message);
  }
};

template <>
struct FieldList<trade::ExaminationResult> {
  static constexpr std::string_view kName = "examinationResult";
  template <class V, class X>
  static void Visit(V& v, X& x) {
    v.Required("creditNumber", x.credit_number);
    v.Required("presentationNumber", x.presentation_number);
    v.Required("decision", x.decision);
    v.Optional("discrepancies", x.discrepancies);
    v.Required("presentedOn", x.presented_on);
    v.Required("deadline", x.deadline);
    v.Required("examinedOn", x.examined_on);
    v.Optional("examiningBank", x.examining_bank);
    v.Optional("availableBefore", x.available_before);
    v.Optional("narrative", x.narrative);
    v.Optional("documentsPresented", x.documents_presented);
    v.Optional("documentsExaminedAutomatically", x.documents_examined_automatically);
    v.Optional("manualChecks", x.manual_checks);
    v.Optional("disregardedDocuments", x.disregarded_documents);
  }
};

template <>
struct FieldList<trade::Waiver> {
  static constexpr std::string_view kName = "waiver";
  template <class V, class X>
  static void Visit(V& v, X& x) {
    v.Required("creditNumber", x.credit_number);
    v.Required("presentationNumber", x.presentation_number);
    v.Required("issuingBank", x.issuing_bank);
    v.Required("date", x.date);
    v.Optional("waivedCodes", x.waived_codes);
    v.Optional("narrative", x.narrative);
  }
};

template <>
struct FieldList<trade::Payment> {
  static constexpr std::string_view kName = "payment";
  template <class V, class X>
  static void Visit(V& v, X& x) {
    v.Required("creditNumber", x.credit_number);
    v.Required("presentationNumber", x.presentation_number);
    v.Required("payingBank", x.paying_bank);
    v.Required("amount", x.amount);
    v.Required("valueDate", x.value_date);
    v.Optional("debitAccount", x.debit_account);
    v.Optional("creditAccount", x.credit_account);
  }
};

template <>
struct FieldList<trade::Cancellation> {
  static constexpr std::string_view kName = "cancellation";
  template <class V, class X>
  static void Visit(V& v, X& x) {
    v.Required("creditNumber", x.credit_number);
    v.Required("issuingBank", x.issuing_bank);
    v.Required("requestDate", x.request_date);
    v.Optional("reason", x.reason);
    v.Optional("beneficiaryAgreed", x.beneficiary_agreed);
    v.Optional("beneficiaryAgreedOn", x.beneficiary_agreed_on);
    v.Optional("confirmingBankAgreed", x.confirming_bank_agreed);
    v.Optional("confirmingBank", x.confirming_bank);
  }
};

}  // namespace lcproc::formats
