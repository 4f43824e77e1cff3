# The trade documents banks exchange about a documentary credit, in Cap'n Proto.
#
# Field names are the JSON names (camelCase): the JSON form of a document is this
# schema with a "type" member naming the Document union's arm (schemas/json/*.schema.json
# documents it). Comments give the SWIFT MT700/MT707 tag a field comes from.
#
# Conventions, chosen so that the binary and JSON forms carry identical values:
# - Money: ISO 4217 code plus the amount as a decimal string ("125000.00"), never a float.
# - Dates: ISO 8601 calendar dates as text ("2026-03-31"); SWIFT's YYMMDD is converted at
#   the SWIFT boundary only.
# - Codes (BIC ISO 9362, ISO 3166 alpha-2 country, ISO 4217 currency) are upper-case text,
#   validated by the decoder, not by the schema.
# - An absent pointer field (Text, struct, list) means "not given". A number or enum that
#   may be absent is wrapped in a one-field struct (OptionalInt32 …) so absence is visible.
# - Enumerants are the JSON strings; ordinals follow pipeline/trade's enums.
@0xcb261e8e9448f22e;

using Cxx = import "/capnp/c++.capnp";
$Cxx.namespace("lcproc::schemas");

enum CreditForm {
  irrevocable @0;
  irrevocableTransferable @1;
}

enum ApplicableRules {
  ucpLatestVersion @0;
  eucpLatestVersion @1;
  ucpUrrLatestVersion @2;
  eucpUrrLatestVersion @3;
  other @4;
}

enum AvailableBy {
  payment @0;
  acceptance @1;
  negotiation @2;
  deferredPayment @3;
  mixedPayment @4;
}

enum ShipmentPermission {
  allowed @0;
  notAllowed @1;
  conditional @2;
}

enum ConfirmationInstruction {
  confirm @0;
  mayAdd @1;
  without @2;
}

enum TradeDocumentType {
  commercialInvoice @0;
  billOfLading @1;
  insuranceDocument @2;
  certificateOfOrigin @3;
  packingList @4;
  draft @5;
  multimodalTransportDocument @6;
  seaWaybill @7;
  charterPartyBillOfLading @8;
  airTransportDocument @9;
  roadTransportDocument @10;
  railTransportDocument @11;
  inlandWaterwayTransportDocument @12;
  courierReceipt @13;
  postReceipt @14;
  inspectionCertificate @15;
  weightCertificate @16;
  qualityCertificate @17;
  analysisCertificate @18;
  phytosanitaryCertificate @19;
  healthCertificate @20;
  fumigationCertificate @21;
  beneficiaryCertificate @22;
  otherDocument @23;             # any other document: kept with its wording (46A text)
}

enum AmendmentDecision {
  accepted @0;
  rejected @1;
  partiallyAccepted @2;
}

enum ExaminationDecision {
  compliant @0;
  discrepant @1;
}

enum BillOfLadingSigner {
  unsigned @0;
  carrier @1;
  master @2;
  agentForCarrier @3;
  agentForMaster @4;
  owner @5;                      # art. 22(a)(i)
  charterer @6;
  agentForOwner @7;
  agentForCharterer @8;
}

enum FreightTerms {
  notStated @0;
  prepaid @1;
  collect @2;
}

enum InsuranceDocumentKind {
  policy @0;
  certificate @1;
  declaration @2;
  coverNote @3;
}

struct Money {
  currency @0 :Text;  # ISO 4217 alphabetic code, e.g. "USD"
  amount @1 :Text;    # decimal with at most the currency's minor units: "125000.00"
}

struct Quantity {
  value @0 :Text;  # decimal with at most 3 places: "250", "12.5"
  unit @1 :Text;   # "MT", "KG", "PCS", "CARTONS"
}

struct Party {
  name @0 :Text;
  addressLines @1 :List(Text);  # 4*35x in MT700 fields 50/59
  country @2 :Text;             # ISO 3166-1 alpha-2
  bic @3 :Text;                 # option A of a party field
  account @4 :Text;             # the /account line
}

struct GoodsLine {
  description @0 :Text;
  quantity @1 :Quantity;
  unitPrice @2 :Money;
  about @3 :Bool;         # "about"/"approximately": +-10% (art. 30(a))
}

struct PercentageTolerance {
  plus @0 :Int32;
  minus @1 :Int32;
}

struct AvailableWith {
  bank @0 :Text;       # BIC (41A); absent for ANY BANK (41D)
  by @1 :AvailableBy;
}

struct RequiredDocument {
  type @0 :TradeDocumentType;
  originals @1 :Int32;         # art. 17(a)
  copies @2 :Int32;
  text @3 :Text;               # the 46A clause
  issuer @4 :Text;             # who the credit says must issue it (art. 14(f))
  dataRequired @5 :Text;       # the data content the credit asks of it
}

struct PresentationPeriod {
  days @0 :Int32;      # after shipment
  narrative @1 :Text;
}

struct Instalment {
  from @0 :Text;
  to @1 :Text;       # inclusive
  amount @2 :Money;
}

struct ExtraField {
  tag @0 :Text;    # "72Z"
  value @1 :Text;  # lines joined with \n
}

struct OptionalInt32 {
  value @0 :Int32;
}

struct OptionalShipmentPermission {
  value @0 :ShipmentPermission;
}

struct LetterOfCredit {
  creditNumber @0 :Text;                          # 20
  form @1 :CreditForm;                            # 40A
  rules @2 :ApplicableRules;                      # 40E
  rulesNarrative @3 :Text;                        # 40E narrative with OTHR
  dateOfIssue @4 :Text;                           # 31C
  expiryDate @5 :Text;                            # 31D date
  expiryPlace @6 :Text;                           # 31D place
  applicant @7 :Party;                            # 50
  beneficiary @8 :Party;                          # 59
  amount @9 :Money;                               # 32B
  tolerance @10 :PercentageTolerance;             # 39A
  amountAbout @11 :Bool;                          # "about" the amount, art. 30(a)
  availableWith @12 :AvailableWith;               # 41a
  draftsAt @13 :Text;                             # 42C
  drawee @14 :Text;                               # 42a, BIC
  partialShipments @15 :ShipmentPermission;       # 43P
  transhipment @16 :ShipmentPermission;           # 43T
  placeOfTakingInCharge @17 :Text;                # 44A
  portOfLoading @18 :Text;                        # 44E
  portOfDischarge @19 :Text;                      # 44F
  finalDestination @20 :Text;                     # 44B
  latestShipmentDate @21 :Text;                   # 44C
  shipmentPeriod @22 :Text;                       # 44D, art. 3 term: "ON OR ABOUT 2026-03-15"
  goodsDescription @23 :Text;                     # 45A
  goods @24 :List(GoodsLine);                     # 45A, structured
  incoterm @25 :Text;                             # 45A: "CIF"
  incotermPlace @26 :Text;                        # 45A: "HAMBURG"
  documentsRequired @27 :List(RequiredDocument);  # 46A
  insurancePercentage @28 :OptionalInt32;         # 46A, when not art. 28(f)(ii)'s 110
  additionalConditions @29 :List(Text);           # 47A
  charges @30 :Text;                              # 71D
  presentationPeriod @31 :PresentationPeriod;     # 48
  confirmation @32 :ConfirmationInstruction;      # 49
  instalments @33 :List(Instalment);              # art. 32 schedule
  issuingBank @34 :Text;                          # sender of the MT700 (52a)
  advisingBank @35 :Text;                         # receiver of the MT700
  confirmingBank @36 :Text;                       # 58a
  reimbursingBank @37 :Text;                      # 53a
  adviseThroughBank @38 :Text;                    # 57a
  senderToReceiverInfo @39 :Text;                 # 72Z
  extraFields @40 :List(ExtraField);              # tags not modelled, kept verbatim
}

struct Amendment {
  creditNumber @0 :Text;                                # 20
  amendmentNumber @1 :Int32;                            # 26E
  dateOfAmendment @2 :Text;                             # 30
  issuingBank @3 :Text;                                 # 52a / sender
  increase @4 :Money;                                   # 32B
  decrease @5 :Money;                                   # 33B
  newExpiryDate @6 :Text;                               # 31E
  newLatestShipmentDate @7 :Text;                       # 44C
  newShipmentPeriod @8 :Text;                           # 44D
  newTolerance @9 :PercentageTolerance;                 # 39A
  newPartialShipments @10 :OptionalShipmentPermission;  # 43P
  newTranshipment @11 :OptionalShipmentPermission;      # 43T
  newPortOfLoading @12 :Text;                           # 44E
  newPortOfDischarge @13 :Text;                         # 44F
  newPresentationPeriod @14 :PresentationPeriod;        # 48
  newGoods @15 :List(GoodsLine);                        # 45B, replaces the list
  newDocumentsRequired @16 :List(RequiredDocument);     # 46B, replaces the list
  newBeneficiary @17 :Party;                            # 59
  narrative @18 :Text;                                  # 79Z
  charges @19 :Text;                                    # 71N
  extraFields @20 :List(ExtraField);
}

struct AmendmentResponse {
  creditNumber @0 :Text;
  amendmentNumber @1 :Int32;
  decision @2 :AmendmentDecision;  # art. 10(e): partial acceptance is rejection
  date @3 :Text;
  advisingBank @4 :Text;
  narrative @5 :Text;
}

struct Advice {
  creditNumber @0 :Text;
  advisingBank @1 :Text;
  dateOfAdvice @2 :Text;
  confirmationAdded @3 :Bool;  # art. 8
  confirmingBank @4 :Text;
  narrative @5 :Text;
}

struct CommercialInvoice {
  number @0 :Text;
  issuer @1 :Party;           # art. 18(a)(i)
  madeOutTo @2 :Party;        # art. 18(a)(ii)
  date @3 :Text;
  originals @4 :Int32;
  copies @5 :Int32;
  amount @6 :Money;           # art. 18(a)(iii)
  goodsDescription @7 :Text;  # art. 18(c)
  goods @8 :List(GoodsLine);
  incoterm @9 :Text;
  portOfLoading @10 :Text;
  portOfDischarge @11 :Text;
}

struct TransportDocument {
  number @0 :Text;
  carrierName @1 :Text;             # art. 20(a)(i)
  signedBy @2 :BillOfLadingSigner;
  date @3 :Text;
  onBoardDate @4 :Text;             # art. 20(a)(ii)
  vessel @5 :Text;
  portOfLoading @6 :Text;           # art. 20(a)(iii)
  portOfDischarge @7 :Text;
  placeOfReceipt @8 :Text;
  placeOfDelivery @9 :Text;
  shipper @10 :Party;
  consignee @11 :Text;
  notifyParty @12 :Text;
  clean @13 :Bool;                  # art. 27
  clauses @14 :List(Text);
  charterParty @15 :Bool;           # art. 20(a)(vi)
  transhipment @16 :Bool;           # art. 20(b)
  containerised @17 :Bool;          # art. 20(c)(ii)
  originals @18 :Int32;
  originalsIssued @19 :Int32;       # art. 20(a)(iv)
  goodsDescription @20 :Text;
  goods @21 :List(GoodsLine);
  consigneeDetails @22 :Party;      # art. 14(j)
  notifyPartyDetails @23 :Party;
  onDeck @24 :Bool;                 # art. 26(a)
  shippersLoadAndCount @25 :Bool;   # art. 26(b)
  freight @26 :FreightTerms;        # art. 26(c)
}

struct Draft {                      # art. 6(c), 42C/42a
  number @0 :Text;
  drawer @1 :Party;
  drawee @2 :Text;
  draweeBic @3 :Text;
  date @4 :Text;
  tenor @5 :Text;
  amount @6 :Money;
  payee @7 :Text;
  signedByDrawer @8 :Bool;
  originals @9 :Int32;
}

struct CourierReceipt {             # art. 25(a), and the post receipt of 25(c)
  number @0 :Text;
  courierName @1 :Text;
  signedOrStamped @2 :Bool;
  date @3 :Text;                    # pick-up or receipt: the date of shipment
  placeOfDispatch @4 :Text;
  destination @5 :Text;
  consigneeDetails @6 :Party;
  goodsDescription @7 :Text;
  originals @8 :Int32;
}

struct Certificate {                # art. 14(f): inspection, weight, quality, analysis,
  type @0 :TradeDocumentType;       # phytosanitary, health, fumigation, beneficiary's
  number @1 :Text;
  issuer @2 :Party;
  date @3 :Text;
  eventDate @4 :Text;               # when inspected, analysed, fumigated
  originals @5 :Int32;
  copies @6 :Int32;
  goodsDescription @7 :Text;
  goods @8 :List(GoodsLine);
  grossWeight @9 :Quantity;
  netWeight @10 :Quantity;
  statements @11 :List(Text);
}

struct OtherDocument {              # any other document a credit requires (art. 14(f))
  title @0 :Text;
  number @1 :Text;
  issuer @2 :Party;
  date @3 :Text;
  originals @4 :Int32;
  copies @5 :Int32;
  goodsDescription @6 :Text;
  statements @7 :List(Text);
}

struct InsuranceDocument {
  number @0 :Text;
  kind @1 :InsuranceDocumentKind;  # art. 28(c)
  issuer @2 :Party;                # art. 28(a)
  date @3 :Text;                   # art. 28(e)
  coverStarts @4 :Text;
  originals @5 :Int32;
  originalsIssued @6 :Int32;       # art. 28(b)
  insuredAmount @7 :Money;         # art. 28(f)
  risks @8 :List(Text);
  routeFrom @9 :Text;              # art. 28(f)(iii)
  routeTo @10 :Text;
  goodsDescription @11 :Text;
}

struct CertificateOfOrigin {
  number @0 :Text;
  issuer @1 :Party;
  date @2 :Text;
  originals @3 :Int32;
  countryOfOrigin @4 :Text;   # ISO 3166-1 alpha-2
  consignor @5 :Party;
  goodsDescription @6 :Text;
}

struct PackingList {
  number @0 :Text;
  issuer @1 :Party;
  date @2 :Text;
  originals @3 :Int32;
  goods @4 :List(GoodsLine);
  grossWeight @5 :Quantity;
  netWeight @6 :Quantity;
}

struct Presentation {
  creditNumber @0 :Text;
  presentationNumber @1 :Int32;
  presentingBank @2 :Text;
  presentationDate @3 :Text;
  drawingAmount @4 :Money;
  commercialInvoice @5 :CommercialInvoice;
  billOfLading @6 :TransportDocument;
  insuranceDocument @7 :InsuranceDocument;
  certificateOfOrigin @8 :CertificateOfOrigin;
  packingList @9 :PackingList;
  coveringLetter @10 :Text;
  draft @11 :Draft;
  multimodalTransportDocument @12 :TransportDocument;      # art. 19
  seaWaybill @13 :TransportDocument;                       # art. 21
  charterPartyBillOfLading @14 :TransportDocument;         # art. 22
  airTransportDocument @15 :TransportDocument;             # art. 23
  roadTransportDocument @16 :TransportDocument;            # art. 24
  railTransportDocument @17 :TransportDocument;
  inlandWaterwayTransportDocument @18 :TransportDocument;
  courierReceipt @19 :CourierReceipt;                      # art. 25(a)
  postReceipt @20 :CourierReceipt;                         # art. 25(c)
  certificates @21 :List(Certificate);
  otherDocuments @22 :List(OtherDocument);
}

struct Discrepancy {
  code @0 :Text;      # stable: "LATE_PRESENTATION"
  article @1 :Text;   # UCP 600: "14(c)"
  document @2 :Text;
  field @3 :Text;
  message @4 :Text;
}

struct ManualCheck {                # what a document checker must still decide
  document @0 :Text;
  article @1 :Text;
  field @2 :Text;
  message @3 :Text;
}

struct ExaminationResult {
  creditNumber @0 :Text;
  presentationNumber @1 :Int32;
  decision @2 :ExaminationDecision;
  discrepancies @3 :List(Discrepancy);
  presentedOn @4 :Text;
  deadline @5 :Text;                    # art. 14(b)
  examinedOn @6 :Text;
  examiningBank @7 :Text;
  availableBefore @8 :Money;
  narrative @9 :Text;
  documentsPresented @10 :Int32;              # coverage
  documentsExaminedAutomatically @11 :Int32;
  manualChecks @12 :List(ManualCheck);
  disregardedDocuments @13 :List(Text);       # art. 14(g)
}

struct Waiver {
  creditNumber @0 :Text;
  presentationNumber @1 :Int32;
  issuingBank @2 :Text;
  date @3 :Text;
  waivedCodes @4 :List(Text);    # empty: all
  narrative @5 :Text;
}

struct Payment {
  creditNumber @0 :Text;
  presentationNumber @1 :Int32;
  payingBank @2 :Text;
  amount @3 :Money;
  valueDate @4 :Text;
  debitAccount @5 :Text;
  creditAccount @6 :Text;
}

struct Cancellation {
  creditNumber @0 :Text;
  issuingBank @1 :Text;
  requestDate @2 :Text;
  reason @3 :Text;
  beneficiaryAgreed @4 :Bool;     # art. 10(a)
  beneficiaryAgreedOn @5 :Text;
  confirmingBankAgreed @6 :Bool;
  confirmingBank @7 :Text;
}

# One document as submitted; the arm names are the JSON "type" values
# (trade::DocumentTypeName), in trade::DocumentType's order.
struct Document {
  union {
    letterOfCredit @0 :LetterOfCredit;
    amendment @1 :Amendment;
    amendmentResponse @2 :AmendmentResponse;
    advice @3 :Advice;
    presentation @4 :Presentation;
    examinationResult @5 :ExaminationResult;
    waiver @6 :Waiver;
    payment @7 :Payment;
    cancellation @8 :Cancellation;
  }
}
