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
# - An absent pointer field (Text, struct, list) means "not given". Enums that may be
#   absent start with `unspecified` at ordinal 0.
@0xcb261e8e9448f22e;

using Cxx = import "/capnp/c++.capnp";
$Cxx.namespace("lcproc::schemas");

struct Money {
  currency @0 :Text;   # ISO 4217 alphabetic code, e.g. "USD"
  amount @1 :Text;     # decimal, at most the currency's minor units: "125000.00"
}

struct Party {
  name @0 :Text;
  address @1 :List(Text);  # address lines, as in MT700 50/59 (4*35x)
  country @2 :Text;        # ISO 3166-1 alpha-2, e.g. "DE"
}

struct Bank {
  bic @0 :Text;            # ISO 9362, 8 or 11 characters (option A of 41a, 51a, 53a …)
  name @1 :Text;           # name and address when given without a BIC (option D)
  address @2 :List(Text);
}

enum FormOfCredit {        # 40A
  unspecified @0;
  irrevocable @1;
  irrevocableTransferable @2;
  irrevocableStandby @3;
  irrevocableTransferableStandby @4;
}

enum AvailableBy {         # 41a, second line
  unspecified @0;
  payment @1;              # BY PAYMENT (sight payment)
  acceptance @2;           # BY ACCEPTANCE
  negotiation @3;          # BY NEGOTIATION
  deferredPayment @4;      # BY DEF PAYMENT
  mixedPayment @5;         # BY MIXED PYMT
}

enum ShipmentTerm {        # 43P partial shipments, 43T transhipment
  unspecified @0;
  allowed @1;
  notAllowed @2;
  conditional @3;
}

enum ConfirmationInstruction {  # 49
  unspecified @0;
  confirm @1;
  mayAdd @2;
  without @3;
}

struct Tolerance {         # 39A: percentage credit amount tolerance, plus/minus
  plusPercent @0 :UInt8;
  minusPercent @1 :UInt8;
}

struct DocumentRequirement {  # one item of 46A
  documentType @0 :Text;      # a Document arm name: "commercialInvoice", "transportDocument" …
  originals @1 :UInt32;       # number of originals required
  copies @2 :UInt32;
  description @3 :Text;       # the clause as written in 46A
}

struct LetterOfCredit {                   # MT700
  documentaryCreditNumber @0 :Text;       # 20
  formOfCredit @1 :FormOfCredit;          # 40A
  applicableRules @2 :Text;               # 40E, "UCP LATEST VERSION"
  dateOfIssue @3 :Text;                   # 31C
  expiryDate @4 :Text;                    # 31D date
  expiryPlace @5 :Text;                   # 31D place
  applicant @6 :Party;                    # 50
  beneficiary @7 :Party;                  # 59
  amount @8 :Money;                       # 32B
  tolerance @9 :Tolerance;                # 39A
  availableWith @10 :Bank;                # 41a (A: BIC, D: name and address, or "ANY BANK")
  availableBy @11 :AvailableBy;           # 41a
  draftsAt @12 :Text;                     # 42C
  drawee @13 :Bank;                       # 42a
  partialShipments @14 :ShipmentTerm;     # 43P
  transhipment @15 :ShipmentTerm;         # 43T
  placeOfTakingInCharge @16 :Text;        # 44A
  portOfLoading @17 :Text;                # 44E
  portOfDischarge @18 :Text;              # 44F
  finalDestination @19 :Text;             # 44B
  latestDateOfShipment @20 :Text;         # 44C
  shipmentPeriod @21 :Text;               # 44D
  descriptionOfGoods @22 :Text;           # 45A
  documentsRequired @23 :List(DocumentRequirement);  # 46A
  additionalConditions @24 :Text;         # 47A
  charges @25 :Text;                      # 71D
  periodForPresentationDays @26 :UInt32;  # 48, days after shipment (0: UCP 600 art. 14(c) 21 days)
  confirmationInstructions @27 :ConfirmationInstruction;  # 49
  issuingBank @28 :Bank;                  # 52a (block 1 sender when absent)
  advisingBank @29 :Bank;                 # block 2 receiver / 57a "advise through"
  confirmingBank @30 :Bank;               # 58a requested confirmation party
  reimbursingBank @31 :Bank;              # 53a
  incoterm @32 :Text;                     # from 45A, e.g. "CIF HAMBURG"
}

struct Amendment {                        # MT707
  documentaryCreditNumber @0 :Text;       # 20 (sender's reference)
  amendmentNumber @1 :UInt32;             # 26E
  dateOfAmendment @2 :Text;               # 30
  increaseOfAmount @3 :Money;             # 32B
  decreaseOfAmount @4 :Money;             # 33B
  newExpiryDate @5 :Text;                 # 31E
  newLatestDateOfShipment @6 :Text;       # 44C
  newTolerance @7 :Tolerance;             # 39A
  otherChanges @8 :Text;                  # 79Z narrative
  issuingBank @9 :Bank;                   # 52a
}

struct AmendmentResponse {                # beneficiary's answer (UCP 600 art. 10(c)(e))
  documentaryCreditNumber @0 :Text;
  amendmentNumber @1 :UInt32;
  accepted @2 :Bool;                      # a partial acceptance is a rejection
  dateOfResponse @3 :Text;
  remarks @4 :Text;
}

struct Advice {                           # MT710/730-like advice to the beneficiary
  documentaryCreditNumber @0 :Text;
  advisingBank @1 :Bank;
  dateOfAdvice @2 :Text;
  confirmed @3 :Bool;                     # the advising bank adds its confirmation (art. 8)
}

struct LineItem {
  description @0 :Text;
  quantity @1 :Text;                      # decimal
  unit @2 :Text;                          # "MT", "PCS"; counted units when "PCS"
  unitPrice @3 :Money;
}

struct CommercialInvoice {                # UCP 600 art. 18
  invoiceNumber @0 :Text;
  dateOfIssue @1 :Text;
  issuer @2 :Party;                       # must be the beneficiary
  buyer @3 :Party;                        # made out to the applicant
  descriptionOfGoods @4 :Text;
  lineItems @5 :List(LineItem);
  totalAmount @6 :Money;
  incoterm @7 :Text;
  originals @8 :UInt32;
}

struct TransportDocument {                # bill of lading, UCP 600 art. 20
  documentNumber @0 :Text;
  dateOfIssue @1 :Text;
  carrier @2 :Text;
  shipper @3 :Party;
  consignee @4 :Text;                     # "TO ORDER OF …"
  notifyParty @5 :Party;
  portOfLoading @6 :Text;
  portOfDischarge @7 :Text;
  vessel @8 :Text;
  onBoardDate @9 :Text;
  descriptionOfGoods @10 :Text;
  clean @11 :Bool;                        # no clause declaring a defective condition (art. 27)
  clauses @12 :List(Text);
  transhipment @13 :Bool;
  charterParty @14 :Bool;                 # subject to a charter party (art. 22 applies, not 20)
  originals @15 :UInt32;
}

struct InsuranceDocument {                # UCP 600 art. 28
  documentNumber @0 :Text;
  dateOfIssue @1 :Text;
  issuer @2 :Text;
  insuredAmount @3 :Money;
  coverage @4 :Text;                      # "INSTITUTE CARGO CLAUSES (A)"
  coverFrom @5 :Text;                     # place where cover starts
  coverTo @6 :Text;                       # place where cover ends
  coverEffectiveDate @7 :Text;            # cover starts no later than shipment
  originals @8 :UInt32;
}

struct CertificateOfOrigin {
  documentNumber @0 :Text;
  dateOfIssue @1 :Text;
  issuer @2 :Text;
  countryOfOrigin @3 :Text;               # ISO 3166-1 alpha-2
  descriptionOfGoods @4 :Text;
  originals @5 :UInt32;
}

struct PackingList {
  documentNumber @0 :Text;
  dateOfIssue @1 :Text;
  packages @2 :UInt32;
  grossWeightKg @3 :Text;                 # decimal
  netWeightKg @4 :Text;
  descriptionOfGoods @5 :Text;
  originals @6 :UInt32;
}

struct Presentation {
  documentaryCreditNumber @0 :Text;
  presentationNumber @1 :UInt32;
  presentingBank @2 :Bank;
  dateOfPresentation @3 :Text;
  drawingAmount @4 :Money;
  commercialInvoices @5 :List(CommercialInvoice);
  transportDocuments @6 :List(TransportDocument);
  insuranceDocuments @7 :List(InsuranceDocument);
  certificatesOfOrigin @8 :List(CertificateOfOrigin);
  packingLists @9 :List(PackingList);
}

struct Discrepancy {
  code @0 :Text;                          # stable, e.g. "late_presentation"
  article @1 :Text;                       # UCP 600 article, e.g. "14(c)"
  document @2 :Text;                      # e.g. "transportDocument"
  field @3 :Text;                         # e.g. "onBoardDate"
  message @4 :Text;
}

struct ExaminationResult {
  documentaryCreditNumber @0 :Text;
  presentationNumber @1 :UInt32;
  compliant @2 :Bool;
  discrepancies @3 :List(Discrepancy);
  examinedOn @4 :Text;
  examinationDeadline @5 :Text;           # 5 banking days after presentation (art. 14(b))
}

struct Waiver {                           # the applicant waives discrepancies (art. 16(b))
  documentaryCreditNumber @0 :Text;
  presentationNumber @1 :UInt32;
  waivedCodes @2 :List(Text);
  dateOfWaiver @3 :Text;
}

struct Payment {                          # honour (art. 7, 8)
  documentaryCreditNumber @0 :Text;
  presentationNumber @1 :UInt32;
  amount @2 :Money;
  valueDate @3 :Text;
  debitAccount @4 :Text;
  creditAccount @5 :Text;
}

struct Cancellation {                     # art. 10(a): needs beneficiary and confirming bank
  documentaryCreditNumber @0 :Text;
  dateOfCancellation @1 :Text;
  reason @2 :Text;
  beneficiaryAgreed @3 :Bool;
  confirmingBankAgreed @4 :Bool;
}

# One document as submitted; the arm names are the JSON "type" values.
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
