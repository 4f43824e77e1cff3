// WriteMt700: the inverse of ParseMt700 (mt700.cc), kept apart for length.
#include <string>
#include <vector>

#include "pipeline/formats/mt700.h"
#include "pipeline/formats/swift_fields.h"

namespace lcproc::formats {
namespace {

const std::vector<std::string_view>& Mt700Order() {
  static const std::vector<std::string_view> kOrder = {
      "27",  "40A", "20",  "23",  "31C", "40E", "31D", "51A", "51D", "50",  "59",  "32B",
      "39A", "39C", "41A", "41D", "42C", "42A", "42D", "42M", "42P", "43P", "43T", "44A",
      "44E", "44F", "44B", "44C", "44D", "45A", "46A", "47A", "49G", "49H", "71D", "48",
      "49",  "58A", "58D", "53A", "53D", "78",  "57A", "57B", "57D", "72Z"};
  return kOrder;
}

std::string_view RulesText(trade::ApplicableRules r) {
  switch (r) {
    case trade::ApplicableRules::kUcpLatestVersion: return "UCP LATEST VERSION";
    case trade::ApplicableRules::kEucpLatestVersion: return "EUCP LATEST VERSION";
    case trade::ApplicableRules::kUcpUrrLatestVersion: return "UCPURR LATEST VERSION";
    case trade::ApplicableRules::kEucpUrrLatestVersion: return "EUCPURR LATEST VERSION";
    case trade::ApplicableRules::kOther: return "OTHR/";
  }
  return "";
}

std::string_view ByText(trade::AvailableBy by) {
  switch (by) {
    case trade::AvailableBy::kPayment: return "BY PAYMENT";
    case trade::AvailableBy::kAcceptance: return "BY ACCEPTANCE";
    case trade::AvailableBy::kNegotiation: return "BY NEGOTIATION";
    case trade::AvailableBy::kDeferredPayment: return "BY DEF PAYMENT";
    case trade::AvailableBy::kMixedPayment: return "BY MIXED PYMT";
  }
  return "";
}

std::string_view ConfirmationText(trade::ConfirmationInstruction c) {
  switch (c) {
    case trade::ConfirmationInstruction::kConfirm: return "CONFIRM";
    case trade::ConfirmationInstruction::kMayAdd: return "MAY ADD";
    case trade::ConfirmationInstruction::kWithout: return "WITHOUT";
  }
  return "";
}

// Collects fields; a narrative is wrapped to its width, an error is remembered.
class FieldWriter {
 public:
  void Add(std::string tag, std::vector<std::string> lines) {
    fields_.push_back(SwiftField{std::move(tag), std::move(lines), 0});
  }
  void Line(std::string tag, std::string value) { Add(std::move(tag), {std::move(value)}); }
  Status Narrative(std::string tag, std::string_view text, size_t width, size_t max_lines) {
    if (text.empty()) return Status::Ok();
    LCPROC_ASSIGN_OR_RETURN(std::vector<std::string> lines, Wrap(text, width, tag));
    if (lines.size() > max_lines) {
      return InvalidArgument("field " + tag + ": text needs more than " +
                             std::to_string(max_lines) + " lines of " + std::to_string(width));
    }
    Add(std::move(tag), std::move(lines));
    return Status::Ok();
  }
  std::vector<SwiftField>& fields() { return fields_; }

 private:
  std::vector<SwiftField> fields_;
};

}  // namespace

Result<SwiftMessage> BuildMt700(const trade::LetterOfCredit& lc) {
  if (lc.issuing_bank.empty() || lc.advising_bank.empty()) {
    return InvalidArgument(
        "MT700 needs the issuing bank (sender) and the advising bank (receiver)");
  }
  if (!lc.instalments.empty()) {
    return InvalidArgument(
        "instalments (UCP 600 art. 32) have no MT700 field; send the credit as JSON");
  }
  if (lc.insurance_percentage.has_value()) {
    return InvalidArgument("insurancePercentage has no MT700 field; state it in the 46A wording");
  }
  if (lc.credit_number.empty() || lc.credit_number.size() > 16) {
    return InvalidArgument("field 20: the credit number must have 1 to 16 characters");
  }
  if (lc.expiry_place.empty() || lc.expiry_place.size() > 29) {
    return InvalidArgument("field 31D: the place of expiry must have 1 to 29 characters");
  }
  FieldWriter w;
  w.Line("27", "1/1");
  w.Line("40A",
         lc.form == trade::CreditForm::kIrrevocable ? "IRREVOCABLE" : "IRREVOCABLE TRANSFERABLE");
  w.Line("20", lc.credit_number);
  w.Line("31C", lc.date_of_issue.ToSwift());
  w.Line("40E", std::string(RulesText(lc.rules)) +
                    (lc.rules == trade::ApplicableRules::kOther ? lc.rules_narrative : ""));
  w.Line("31D", lc.expiry_date.ToSwift() + lc.expiry_place);
  LCPROC_ASSIGN_OR_RETURN(std::vector<std::string> applicant, WritePartyField(lc.applicant, "50"));
  w.Add("50", std::move(applicant));
  LCPROC_ASSIGN_OR_RETURN(std::vector<std::string> beneficiary,
                          WritePartyField(lc.beneficiary, "59"));
  w.Add("59", std::move(beneficiary));
  w.Line("32B", WriteSwiftAmount(lc.amount));
  if (lc.tolerance.has_value()) {
    w.Line("39A", std::to_string(lc.tolerance->plus) + "/" + std::to_string(lc.tolerance->minus));
  }
  w.Add(lc.available_with.bank ? "41A" : "41D",
        {lc.available_with.bank ? lc.available_with.bank->str() : "ANY BANK",
         std::string(ByText(lc.available_with.by))});
  LCPROC_RETURN_IF_ERROR(w.Narrative("42C", lc.drafts_at, 35, 3));
  if (lc.drawee) w.Line("42A", lc.drawee->str());
  w.Line("43P", std::string(ShipmentText(lc.partial_shipments)));
  w.Line("43T", std::string(ShipmentText(lc.transhipment)));
  LCPROC_RETURN_IF_ERROR(w.Narrative("44A", lc.place_of_taking_in_charge, 65, 3));
  LCPROC_RETURN_IF_ERROR(w.Narrative("44E", lc.port_of_loading, 65, 1));
  LCPROC_RETURN_IF_ERROR(w.Narrative("44F", lc.port_of_discharge, 65, 1));
  LCPROC_RETURN_IF_ERROR(w.Narrative("44B", lc.final_destination, 65, 3));
  if (lc.latest_shipment_date) w.Line("44C", lc.latest_shipment_date->ToSwift());
  if (lc.shipment_period)
    LCPROC_RETURN_IF_ERROR(w.Narrative("44D", lc.shipment_period->ToText(), 65, 6));

  // 45A is optional in MT700: a credit without goods description, goods lines or Incoterms
  // has none; goods lines need the description as the first item.
  if (lc.goods_description.empty() &&
      (!lc.goods.empty() || lc.incoterm != trade::Incoterm::kNone)) {
    return InvalidArgument(
        "field 45A: goods lines and Incoterms need a goods description before them");
  }
  if (!lc.goods_description.empty()) {
    // Items after the first that were neither goods nor Incoterms lines are kept in the
    // description, one a line (mt700.cc ParseGoods): each goes back as its own item.
    std::vector<std::string> goods;
    for (size_t start = 0;;) {
      size_t nl = lc.goods_description.find('\n', start);
      goods.push_back(
          lc.goods_description.substr(start, nl == std::string::npos ? nl : nl - start));
      if (nl == std::string::npos) break;
      start = nl + 1;
    }
    for (const trade::GoodsLine& line : lc.goods) goods.push_back(GoodsItem(line));
    if (lc.incoterm != trade::Incoterm::kNone) {
      std::string term = "INCOTERMS 2020 " + std::string(trade::IncotermName(lc.incoterm));
      goods.push_back(lc.incoterm_place.empty() ? term : term + " " + lc.incoterm_place);
    }
    LCPROC_ASSIGN_OR_RETURN(std::vector<std::string> goods_lines, WriteItems(goods, "45A"));
    w.Add("45A", std::move(goods_lines));
  }

  if (!lc.documents_required.empty()) {
    std::vector<std::string> items;
    for (const trade::RequiredDocument& d : lc.documents_required) items.push_back(d.text);
    LCPROC_ASSIGN_OR_RETURN(std::vector<std::string> lines, WriteItems(items, "46A"));
    w.Add("46A", std::move(lines));
  }
  std::vector<std::string> conditions = lc.additional_conditions;
  if (lc.amount_about)
    conditions.push_back("CREDIT AMOUNT IS ABOUT, UCP 600 ARTICLE 30(A) APPLIES");
  if (!conditions.empty()) {
    LCPROC_ASSIGN_OR_RETURN(std::vector<std::string> lines, WriteItems(conditions, "47A"));
    w.Add("47A", std::move(lines));
  }
  LCPROC_RETURN_IF_ERROR(w.Narrative("71D", lc.charges, 35, 6));
  if (lc.presentation_period) {
    std::string period = std::to_string(lc.presentation_period->days);
    if (!lc.presentation_period->narrative.empty())
      period += "/" + lc.presentation_period->narrative;
    LCPROC_RETURN_IF_ERROR(w.Narrative("48", period, 35, 2));
  }
  w.Line("49", std::string(ConfirmationText(lc.confirmation)));
  if (lc.confirming_bank) w.Line("58A", lc.confirming_bank->str());
  if (lc.reimbursing_bank) w.Line("53A", lc.reimbursing_bank->str());
  if (lc.advise_through_bank) w.Line("57A", lc.advise_through_bank->str());
  LCPROC_RETURN_IF_ERROR(w.Narrative("72Z", lc.sender_to_receiver_info, 35, 6));
  SortFields(w.fields(), Mt700Order());
  LCPROC_RETURN_IF_ERROR(MergeExtraFields(w.fields(), lc.extra_fields, Mt700Order()));

  SwiftMessage message;
  message.basic_header = BasicHeaderFor(lc.issuing_bank);
  message.application_header = ApplicationHeaderFor("700", lc.advising_bank);
  message.fields = std::move(w.fields());
  return message;
}

}  // namespace lcproc::formats
