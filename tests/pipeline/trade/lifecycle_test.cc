#include "pipeline/trade/lifecycle.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "tests/pipeline/trade/sample_credit.h"

namespace lcproc::trade {
namespace {

using fixtures::AdvisingBank;
using fixtures::B;
using fixtures::CompliantPresentation;
using fixtures::D;
using fixtures::IssuingBank;
using fixtures::OtherBank;
using fixtures::SampleCredit;
using fixtures::SetQuantity;
using fixtures::Usd;
using ::testing::ElementsAre;

// Plays the engine's part: one credit's state, documents applied in order (keeping
// the state Apply returns, accepted or rejected). Every document also goes through
// every form of ApplyInPlace (copying the document, moving it, and moving it after
// CheckDocument passed, as the engine does) on a state kept as the engine keeps it
// (accepted documents only), checked against Apply on that same state: the same outcome,
// the same state when accepted, the state exactly as it was when rejected.
class CreditBook {
 public:
  explicit CreditBook(BankingCalendar calendar = BankingCalendar())
      : calendar_(std::move(calendar)) {}

  Outcome Submit(const Document& doc, const Bic& submitter, const char* today) {
    CheckInPlace(doc, submitter, today);
    auto t = Apply(state_ ? &*state_ : nullptr, doc, submitter, D(today), calendar_);
    EXPECT_TRUE(t.ok()) << t.status().ToString();
    if (!t.ok()) return Outcome{false, "INTERNAL", t.status(), {}, {}};
    if (t->state) state_ = t->state;
    EXPECT_EQ(t->outcome.accepted, t->outcome.reason.ok());
    return t->outcome;
  }

  const CreditState& state() const { return *state_; }
  bool exists() const { return state_.has_value(); }

 private:
  void CheckInPlace(const Document& doc, const Bic& submitter, const char* today) {
    auto reference = Apply(in_place_ ? &*in_place_ : nullptr, doc, submitter, D(today), calendar_);
    const std::optional<CreditState> before = in_place_;
    auto copied = ApplyInPlace(in_place_, doc, submitter, D(today), calendar_);
    auto moved = ApplyInPlace(in_place_moved_, Document(doc), submitter, D(today), calendar_);
    // The engine's form, only for a document CheckDocument passes; one it refuses never
    // gets that far, and the other forms must refuse it as invalid.
    const bool valid = CheckDocument(doc).ok();
    auto prechecked = valid ? ApplyInPlace(in_place_checked_, Document(doc), submitter, D(today),
                                           calendar_, AlreadyChecked{})
                            : moved;
    ASSERT_EQ(copied.ok(), reference.ok());
    ASSERT_EQ(moved.ok(), reference.ok());
    ASSERT_EQ(prechecked.ok(), reference.ok());
    if (!valid && reference.ok()) {
      EXPECT_FALSE(reference->outcome.accepted);
      EXPECT_EQ(reference->outcome.reason_code, kRejectInvalid);
    }
    if (!reference.ok()) {
      EXPECT_EQ(in_place_, before) << "a failed ApplyInPlace changed the state";
      return;
    }
    for (const Outcome* out : {&*copied, &*moved, &*prechecked}) {
      EXPECT_EQ(out->accepted, reference->outcome.accepted);
      EXPECT_EQ(out->reason_code, reference->outcome.reason_code);
      EXPECT_EQ(out->reason.ToString(), reference->outcome.reason.ToString());
      EXPECT_EQ(out->discrepancies, reference->outcome.discrepancies);
      EXPECT_EQ(out->examination, reference->outcome.examination);
    }
    if (reference->outcome.accepted) {
      EXPECT_EQ(in_place_, reference->state) << "ApplyInPlace and Apply disagree";
    } else {
      EXPECT_EQ(in_place_, before) << "a rejected document changed the state in place";
    }
    EXPECT_EQ(in_place_moved_, in_place_) << "moving the document changed the result";
    EXPECT_EQ(in_place_checked_, in_place_) << "skipping the repeated check changed the result";
  }

  BankingCalendar calendar_;
  std::optional<CreditState> state_;
  // The credit as the engine keeps it, by ApplyInPlace with the document copied or moved.
  std::optional<CreditState> in_place_;
  std::optional<CreditState> in_place_moved_;
  std::optional<CreditState> in_place_checked_;
};

Advice PlainAdvice(bool confirm = false) {
  return Advice{"LC2026-0001", AdvisingBank(), D("2026-09-03"), confirm, std::nullopt, ""};
}

Payment PayFor(int presentation, const char* amount, const Bic& bank = IssuingBank()) {
  return Payment{"LC2026-0001",   presentation, bank,      Usd(amount),
                 D("2026-10-30"), "DE-ACC-1",   "CN-ACC-9"};
}

ExaminationResult Refusal(int presentation, std::vector<Discrepancy> discrepancies) {
  ExaminationResult r;
  r.credit_number = "LC2026-0001";
  r.presentation_number = presentation;
  r.decision = ExaminationDecision::kDiscrepant;
  r.discrepancies = std::move(discrepancies);
  r.examining_bank = IssuingBank();
  return r;
}

Presentation LatePresentation() {
  Presentation p = CompliantPresentation();
  p.presentation_date = D("2026-11-12");  // 23 days after shipment: art. 14(c)
  return p;
}

// Issued and advised, as most scenarios start.
void IssueAndAdvise(CreditBook& book, bool confirm = false) {
  ASSERT_TRUE(book.Submit(SampleCredit(), IssuingBank(), "2026-09-01").accepted);
  ASSERT_TRUE(book.Submit(PlainAdvice(confirm), AdvisingBank(), "2026-09-03").accepted);
}

TEST(LifecycleScenarioTest, CreditFromIssuanceToPayment) {
  CreditBook book;
  Outcome issued = book.Submit(SampleCredit(), IssuingBank(), "2026-09-01");
  ASSERT_TRUE(issued.accepted) << issued.reason.ToString();
  EXPECT_EQ(book.state().status, CreditStatus::kIssued);
  EXPECT_EQ(book.state().AvailableBalance(), Usd("105000.00"));  // 39A +5%

  ASSERT_TRUE(book.Submit(PlainAdvice(true), AdvisingBank(), "2026-09-03").accepted);
  EXPECT_EQ(book.state().status, CreditStatus::kConfirmed);
  EXPECT_EQ(book.state().confirming_bank, AdvisingBank());

  Outcome presented = book.Submit(CompliantPresentation(), AdvisingBank(), "2026-10-26");
  ASSERT_TRUE(presented.accepted) << presented.reason.ToString();
  EXPECT_TRUE(presented.discrepancies.empty());
  ASSERT_TRUE(presented.examination.has_value());
  EXPECT_TRUE(presented.examination->compliant());
  EXPECT_EQ(presented.examination->deadline, D("2026-11-02"));  // 14(b): 5 banking days
  EXPECT_EQ(book.state().status, CreditStatus::kPresented);
  EXPECT_EQ(book.state().AvailableBalance(), Usd("5000.00"));

  Outcome paid = book.Submit(PayFor(1, "100000.00"), IssuingBank(), "2026-10-30");
  ASSERT_TRUE(paid.accepted) << paid.reason.ToString();
  EXPECT_EQ(book.state().status, CreditStatus::kHonoured);
  EXPECT_EQ(book.state().paid, Usd("100000.00"));
  EXPECT_EQ(book.state().presentations[0].status, PresentationStatus::kHonoured);
}

// UCP 600 art. 13(a): the credit names a reimbursing bank (53a); it reimburses the
// claiming bank for the issuing bank. Its payment is honour of the presentation, under the
// same conditions as the issuing bank's; it examines nothing, and a bank 53a does not name
// may not pay.
TEST(LifecycleScenarioTest, ReimbursingBankOfField53aPaysACompliantPresentation) {
  const Bic reimbursing = B("CITIUS33XXX");
  LetterOfCredit lc = SampleCredit();
  lc.reimbursing_bank = reimbursing;
  CreditBook book;
  ASSERT_TRUE(book.Submit(lc, IssuingBank(), "2026-09-01").accepted);
  ASSERT_TRUE(book.Submit(PlainAdvice(), AdvisingBank(), "2026-09-03").accepted);
  ASSERT_TRUE(book.Submit(CompliantPresentation(), AdvisingBank(), "2026-10-26").accepted);

  Outcome stranger = book.Submit(PayFor(1, "100000.00", OtherBank()), OtherBank(), "2026-10-30");
  EXPECT_FALSE(stranger.accepted);
  EXPECT_EQ(stranger.reason_code, kRejectWrongRole);
  EXPECT_NE(stranger.reason.message().find("reimbursing bank of 53a"), std::string::npos)
      << stranger.reason.message();
  Outcome examines =
      book.Submit(Refusal(1, {Discrepancy{"LATE_SHIPMENT", "20(a)(ii), 29(c)", "billOfLading",
                                          "onBoardDate", "shipped late"}}),
                  reimbursing, "2026-10-27");
  EXPECT_FALSE(examines.accepted);
  EXPECT_EQ(examines.reason_code, kRejectWrongRole);

  Outcome paid = book.Submit(PayFor(1, "100000.00", reimbursing), reimbursing, "2026-10-30");
  ASSERT_TRUE(paid.accepted) << paid.reason.ToString();
  EXPECT_EQ(book.state().presentations[0].status, PresentationStatus::kHonoured);
  EXPECT_EQ(book.state().paid, Usd("100000.00"));
}

TEST(LifecycleScenarioTest, ReimbursingBankCannotPayADiscrepantPresentation) {
  const Bic reimbursing = B("CITIUS33");
  LetterOfCredit lc = SampleCredit();
  lc.reimbursing_bank = reimbursing;
  CreditBook book;
  ASSERT_TRUE(book.Submit(lc, IssuingBank(), "2026-09-01").accepted);
  ASSERT_TRUE(book.Submit(PlainAdvice(), AdvisingBank(), "2026-09-03").accepted);
  ASSERT_FALSE(book.Submit(LatePresentation(), AdvisingBank(), "2026-11-12").discrepancies.empty());
  Outcome paid = book.Submit(PayFor(1, "100000.00", reimbursing), reimbursing, "2026-11-13");
  EXPECT_FALSE(paid.accepted);
  EXPECT_EQ(paid.reason_code, kRejectOutOfOrder);
  // Once the applicant waives the discrepancy (art. 16(b)), it may reimburse.
  Waiver waiver{"LC2026-0001", 1, IssuingBank(), D("2026-11-13"), {}, ""};
  ASSERT_TRUE(book.Submit(waiver, IssuingBank(), "2026-11-13").accepted);
  EXPECT_TRUE(book.Submit(PayFor(1, "100000.00", reimbursing), reimbursing, "2026-11-16").accepted);
}

TEST(LifecycleScenarioTest, DiscrepantPresentationRefused) {
  CreditBook book;
  IssueAndAdvise(book);
  Outcome presented = book.Submit(LatePresentation(), AdvisingBank(), "2026-11-12");
  ASSERT_TRUE(presented.accepted);
  ASSERT_EQ(presented.discrepancies.size(), 1u);
  EXPECT_EQ(presented.discrepancies[0].code, "LATE_PRESENTATION");
  EXPECT_EQ(presented.discrepancies[0].article, "14(c), 29(a)");
  EXPECT_EQ(book.state().status, CreditStatus::kDiscrepant);

  Outcome refused = book.Submit(Refusal(1, presented.discrepancies), IssuingBank(), "2026-11-16");
  ASSERT_TRUE(refused.accepted) << refused.reason.ToString();
  EXPECT_TRUE(refused.discrepancies.empty());  // in time: no 16(f) flag
  EXPECT_EQ(book.state().status, CreditStatus::kRefused);
  EXPECT_FALSE(book.state().presentations[0].refused_after_deadline);
  EXPECT_EQ(book.state().AvailableBalance(), Usd("105000.00"));  // drawing released

  Outcome pay = book.Submit(PayFor(1, "100000.00"), IssuingBank(), "2026-11-17");
  EXPECT_FALSE(pay.accepted);
  EXPECT_EQ(pay.reason_code, kRejectOutOfOrder);
}

TEST(LifecycleScenarioTest, RefusalAfterDeadlineIsFlagged_16f) {
  CreditBook book;
  IssueAndAdvise(book);
  Outcome presented = book.Submit(LatePresentation(), AdvisingBank(), "2026-11-12");
  ASSERT_EQ(presented.examination->deadline, D("2026-11-19"));
  Outcome refused = book.Submit(Refusal(1, presented.discrepancies), IssuingBank(), "2026-11-20");
  ASSERT_TRUE(refused.accepted);
  ASSERT_EQ(refused.discrepancies.size(), 1u);
  EXPECT_EQ(refused.discrepancies[0].code, "REFUSAL_AFTER_DEADLINE");
  EXPECT_EQ(refused.discrepancies[0].article, "16(f)");
  EXPECT_TRUE(book.state().presentations[0].refused_after_deadline);
  // Precluded from claiming non-compliance, the bank must still honour.
  EXPECT_TRUE(book.Submit(PayFor(1, "100000.00"), IssuingBank(), "2026-11-23").accepted);
  EXPECT_EQ(book.state().status, CreditStatus::kHonoured);
}

TEST(LifecycleScenarioTest, DiscrepanciesWaivedThenHonoured) {
  CreditBook book;
  IssueAndAdvise(book);
  ASSERT_TRUE(book.Submit(LatePresentation(), AdvisingBank(), "2026-11-12").accepted);
  Waiver partial{"LC2026-0001", 1, IssuingBank(), D("2026-11-13"), {"BL_NOT_CLEAN"}, ""};
  Outcome not_all = book.Submit(partial, IssuingBank(), "2026-11-13");
  EXPECT_FALSE(not_all.accepted);
  EXPECT_EQ(not_all.reason_code, kRejectInvalid);

  Waiver waiver{"LC2026-0001", 1, IssuingBank(), D("2026-11-13"), {"LATE_PRESENTATION"}, ""};
  Outcome waived = book.Submit(waiver, IssuingBank(), "2026-11-13");
  ASSERT_TRUE(waived.accepted) << waived.reason.ToString();
  EXPECT_EQ(book.state().status, CreditStatus::kWaived);
  EXPECT_EQ(book.state().presentations[0].status, PresentationStatus::kWaived);
  ASSERT_TRUE(book.Submit(PayFor(1, "100000.00"), IssuingBank(), "2026-11-16").accepted);
  EXPECT_EQ(book.state().status, CreditStatus::kHonoured);
}

TEST(LifecycleScenarioTest, WaiverAfterRefusalReinstatesTheDrawing) {
  CreditBook book;
  IssueAndAdvise(book);
  Outcome presented = book.Submit(LatePresentation(), AdvisingBank(), "2026-11-12");
  ASSERT_TRUE(
      book.Submit(Refusal(1, presented.discrepancies), IssuingBank(), "2026-11-13").accepted);
  EXPECT_EQ(book.state().drawn, Usd("0.00"));
  Waiver waiver{"LC2026-0001", 1, IssuingBank(), D("2026-11-16"), {}, "APPLICANT WAIVES ALL"};
  ASSERT_TRUE(book.Submit(waiver, IssuingBank(), "2026-11-16").accepted);
  EXPECT_EQ(book.state().drawn, Usd("100000.00"));
}

TEST(LifecycleScenarioTest, AmendmentRejectedThenAnotherAccepted_10) {
  CreditBook book;
  IssueAndAdvise(book);
  Amendment increase;
  increase.credit_number = "LC2026-0001";
  increase.amendment_number = 1;
  increase.date_of_amendment = D("2026-09-10");
  increase.issuing_bank = IssuingBank();
  increase.increase = Usd("20000.00");
  ASSERT_TRUE(book.Submit(increase, IssuingBank(), "2026-09-10").accepted);
  // Art. 10(b)(c): until the beneficiary accepts, the original terms stand.
  EXPECT_EQ(book.state().terms.amount, Usd("100000.00"));
  EXPECT_EQ(book.state().amendments[0].status, AmendmentStatus::kPending);

  Amendment too_early = increase;
  too_early.amendment_number = 2;
  Outcome early = book.Submit(too_early, IssuingBank(), "2026-09-11");
  EXPECT_FALSE(early.accepted);
  EXPECT_EQ(early.reason_code, kRejectOutOfOrder);

  // Art. 10(e): a partial acceptance is a rejection.
  AmendmentResponse partial{"LC2026-0001",
                            1,
                            AmendmentDecision::kPartiallyAccepted,
                            D("2026-09-12"),
                            AdvisingBank(),
                            "ACCEPT INCREASE ONLY IF ..."};
  ASSERT_TRUE(book.Submit(partial, AdvisingBank(), "2026-09-12").accepted);
  EXPECT_EQ(book.state().amendments[0].status, AmendmentStatus::kRejected);
  EXPECT_EQ(book.state().terms.amount, Usd("100000.00"));

  AmendmentResponse again = partial;
  again.decision = AmendmentDecision::kAccepted;
  Outcome twice = book.Submit(again, AdvisingBank(), "2026-09-13");
  EXPECT_FALSE(twice.accepted);
  EXPECT_EQ(twice.reason_code, kRejectOutOfOrder);

  Amendment extend = increase;
  extend.amendment_number = 2;
  extend.increase.reset();
  extend.new_expiry_date = D("2026-12-31");
  extend.new_latest_shipment_date = D("2026-12-15");
  ASSERT_TRUE(book.Submit(extend, IssuingBank(), "2026-09-20").accepted);
  AmendmentResponse accept{"LC2026-0001",  2, AmendmentDecision::kAccepted, D("2026-09-22"),
                           AdvisingBank(), ""};
  ASSERT_TRUE(book.Submit(accept, AdvisingBank(), "2026-09-22").accepted);
  EXPECT_EQ(book.state().amendments[1].status, AmendmentStatus::kAccepted);
  EXPECT_EQ(book.state().terms.expiry_date, D("2026-12-31"));
  EXPECT_EQ(book.state().terms.latest_shipment_date, D("2026-12-15"));
  EXPECT_EQ(book.state().terms.amount, Usd("100000.00"));
  EXPECT_EQ(book.state().original.expiry_date, D("2026-11-30"));
}

TEST(LifecycleScenarioTest, TwoPartialDrawingsExhaustTheBalanceWithinTolerance) {
  CreditBook book;
  IssueAndAdvise(book);
  Presentation first = CompliantPresentation();
  SetQuantity(first, "12");
  first.drawing_amount = first.invoice->amount = first.draft->amount = Usd("60000.00");
  first.insurance->insured_amount = Usd("66000.00");
  first.transport->on_board_date = first.transport->date = D("2026-10-05");
  first.presentation_date = D("2026-10-26");  // 21 days after shipment
  first.insurance->date = D("2026-10-04");
  Outcome out1 = book.Submit(first, AdvisingBank(), "2026-10-26");
  ASSERT_TRUE(out1.accepted);
  ASSERT_TRUE(out1.discrepancies.empty()) << out1.discrepancies[0].code;
  ASSERT_TRUE(book.Submit(PayFor(1, "60000.00"), IssuingBank(), "2026-10-27").accepted);
  EXPECT_EQ(book.state().status, CreditStatus::kHonoured);
  EXPECT_EQ(book.state().AvailableBalance(), Usd("45000.00"));

  Presentation second = CompliantPresentation();
  second.presentation_number = 2;
  SetQuantity(second, "9");  // 21 MT in all: +5% of 20 MT (art. 30(b))
  second.drawing_amount = second.invoice->amount = second.draft->amount = Usd("45000.00");
  second.insurance->insured_amount = Usd("49500.00");
  second.presentation_date = D("2026-10-27");
  Outcome out = book.Submit(second, AdvisingBank(), "2026-10-27");
  ASSERT_TRUE(out.accepted);
  ASSERT_TRUE(out.discrepancies.empty()) << out.discrepancies[0].code;
  ASSERT_TRUE(book.Submit(PayFor(2, "45000.00"), IssuingBank(), "2026-10-28").accepted);
  EXPECT_EQ(book.state().status, CreditStatus::kClosed);
  EXPECT_EQ(book.state().AvailableBalance(), Usd("0.00"));
  EXPECT_EQ(book.state().paid, Usd("105000.00"));

  Presentation third = CompliantPresentation();
  third.presentation_number = 3;
  Outcome closed = book.Submit(third, AdvisingBank(), "2026-10-29");
  EXPECT_FALSE(closed.accepted);
  EXPECT_EQ(closed.reason_code, kRejectClosed);
}

TEST(LifecycleScenarioTest, PresentationOnHolidayExtendedExpiry_29a) {
  CreditBook book(*BankingCalendar::Parse("weekend sat sun\nholiday 2026-11-30 Bank holiday\n"));
  LetterOfCredit lc = SampleCredit();
  lc.latest_shipment_date = D("2026-11-20");
  ASSERT_TRUE(book.Submit(lc, IssuingBank(), "2026-09-01").accepted);
  ASSERT_TRUE(book.Submit(PlainAdvice(), AdvisingBank(), "2026-09-03").accepted);
  Presentation p = CompliantPresentation();
  p.transport->on_board_date = p.transport->date = D("2026-11-16");
  p.presentation_date = D("2026-12-01");
  Outcome out = book.Submit(p, AdvisingBank(), "2026-12-01");
  ASSERT_TRUE(out.accepted) << out.reason.ToString();
  EXPECT_TRUE(out.discrepancies.empty());
  EXPECT_TRUE(out.examination->compliant());
  // Two more days: past the extended expiry, amendments are refused and the credit is
  // marked expired once nothing is outstanding.
  ASSERT_TRUE(book.Submit(PayFor(1, "100000.00"), IssuingBank(), "2026-12-02").accepted);
  Amendment late;
  late.credit_number = "LC2026-0001";
  late.issuing_bank = IssuingBank();
  late.new_expiry_date = D("2027-01-31");
  Outcome expired = book.Submit(late, IssuingBank(), "2026-12-02");
  EXPECT_FALSE(expired.accepted);
  EXPECT_EQ(expired.reason_code, kRejectExpired);
  EXPECT_EQ(book.state().status, CreditStatus::kExpired);
}

TEST(LifecycleRejectionTest, UnknownCredit) {
  CreditBook book;
  Outcome out = book.Submit(CompliantPresentation(), AdvisingBank(), "2026-10-26");
  EXPECT_FALSE(out.accepted);
  EXPECT_EQ(out.reason_code, kRejectUnknownCredit);
  EXPECT_EQ(out.reason.code(), StatusCode::kNotFound);
  EXPECT_FALSE(book.exists());
}

TEST(LifecycleRejectionTest, DuplicateCredit) {
  CreditBook book;
  IssueAndAdvise(book);
  Outcome out = book.Submit(SampleCredit(), IssuingBank(), "2026-09-05");
  EXPECT_FALSE(out.accepted);
  EXPECT_EQ(out.reason_code, kRejectDuplicateCredit);
  EXPECT_EQ(out.reason.code(), StatusCode::kAlreadyExists);
}

TEST(LifecycleRejectionTest, WrongRoles) {
  CreditBook book;
  Outcome by_advising = book.Submit(SampleCredit(), AdvisingBank(), "2026-09-01");
  EXPECT_EQ(by_advising.reason_code, kRejectWrongRole);
  EXPECT_EQ(by_advising.reason.code(), StatusCode::kPermissionDenied);
  ASSERT_TRUE(book.Submit(SampleCredit(), B("DEUTDEFFXXX"), "2026-09-01").accepted);
  EXPECT_EQ(book.Submit(PlainAdvice(), IssuingBank(), "2026-09-03").reason_code, kRejectWrongRole);
  ASSERT_TRUE(book.Submit(PlainAdvice(), AdvisingBank(), "2026-09-03").accepted);
  Amendment a;
  a.credit_number = "LC2026-0001";
  a.issuing_bank = IssuingBank();
  a.increase = Usd("1.00");
  EXPECT_EQ(book.Submit(a, AdvisingBank(), "2026-09-04").reason_code, kRejectWrongRole);
  EXPECT_EQ(book.Submit(CompliantPresentation(), OtherBank(), "2026-10-26").reason_code,
            kRejectWrongRole);
  EXPECT_EQ(book.Submit(CompliantPresentation(), IssuingBank(), "2026-10-26").reason_code,
            kRejectWrongRole);
  ASSERT_TRUE(book.Submit(CompliantPresentation(), AdvisingBank(), "2026-10-26").accepted);
  EXPECT_EQ(book.Submit(PayFor(1, "1.00", OtherBank()), OtherBank(), "2026-10-27").reason_code,
            kRejectWrongRole);
  Waiver w{"LC2026-0001", 1, AdvisingBank(), D("2026-10-27"), {}, ""};
  EXPECT_EQ(book.Submit(w, AdvisingBank(), "2026-10-27").reason_code, kRejectWrongRole);
}

TEST(LifecycleRejectionTest, AnyBankMayPresentAFreelyAvailableCredit) {
  CreditBook book;
  LetterOfCredit lc = SampleCredit();
  lc.available_with.bank.reset();  // ANY BANK
  ASSERT_TRUE(book.Submit(lc, IssuingBank(), "2026-09-01").accepted);
  ASSERT_TRUE(book.Submit(PlainAdvice(), AdvisingBank(), "2026-09-03").accepted);
  Presentation p = CompliantPresentation();
  p.presenting_bank = OtherBank();
  EXPECT_TRUE(book.Submit(p, OtherBank(), "2026-10-26").accepted);
}

TEST(LifecycleRejectionTest, OutOfOrder) {
  CreditBook book;
  ASSERT_TRUE(book.Submit(SampleCredit(), IssuingBank(), "2026-09-01").accepted);
  // Not yet advised: the beneficiary cannot present or answer amendments.
  EXPECT_EQ(book.Submit(CompliantPresentation(), AdvisingBank(), "2026-10-26").reason_code,
            kRejectOutOfOrder);
  ASSERT_TRUE(book.Submit(PlainAdvice(), AdvisingBank(), "2026-09-03").accepted);
  EXPECT_EQ(book.Submit(PlainAdvice(), AdvisingBank(), "2026-09-04").reason_code,
            kRejectOutOfOrder);
  EXPECT_EQ(book.Submit(PayFor(1, "1.00"), IssuingBank(), "2026-10-27").reason_code,
            kRejectUnknownReference);
  AmendmentResponse r{"LC2026-0001",  1, AmendmentDecision::kAccepted, D("2026-09-05"),
                      AdvisingBank(), ""};
  EXPECT_EQ(book.Submit(r, AdvisingBank(), "2026-09-05").reason_code, kRejectUnknownReference);
  ASSERT_TRUE(book.Submit(CompliantPresentation(), AdvisingBank(), "2026-10-26").accepted);
  EXPECT_EQ(book.Submit(CompliantPresentation(), AdvisingBank(), "2026-10-26").reason_code,
            kRejectDuplicate);
  Waiver nothing{"LC2026-0001", 1, IssuingBank(), D("2026-10-27"), {}, ""};
  EXPECT_EQ(book.Submit(nothing, IssuingBank(), "2026-10-27").reason_code, kRejectOutOfOrder);
}

TEST(LifecycleRejectionTest, PaymentBeyondTheDrawing) {
  CreditBook book;
  IssueAndAdvise(book);
  ASSERT_TRUE(book.Submit(CompliantPresentation(), AdvisingBank(), "2026-10-26").accepted);
  Outcome out = book.Submit(PayFor(1, "100000.01"), IssuingBank(), "2026-10-27");
  EXPECT_FALSE(out.accepted);
  EXPECT_EQ(out.reason_code, kRejectBeyondBalance);
}

TEST(LifecycleRejectionTest, AdvisingAfterExpiry) {
  CreditBook book;
  ASSERT_TRUE(book.Submit(SampleCredit(), IssuingBank(), "2026-09-01").accepted);
  Outcome out = book.Submit(PlainAdvice(), AdvisingBank(), "2026-12-01");
  EXPECT_FALSE(out.accepted);
  EXPECT_EQ(out.reason_code, kRejectExpired);
  EXPECT_EQ(book.state().status, CreditStatus::kExpired);
  EXPECT_EQ(book.Submit(CompliantPresentation(), AdvisingBank(), "2026-12-01").reason_code,
            kRejectExpired);
}

TEST(LifecycleRejectionTest, ConfirmationOnlyWhenAsked_8) {
  CreditBook book;
  LetterOfCredit lc = SampleCredit();
  lc.confirmation = ConfirmationInstruction::kWithout;
  ASSERT_TRUE(book.Submit(lc, IssuingBank(), "2026-09-01").accepted);
  EXPECT_EQ(book.Submit(PlainAdvice(true), AdvisingBank(), "2026-09-03").reason_code,
            kRejectWrongRole);
}

TEST(LifecycleRejectionTest, CancellationNeedsEveryAgreement_10a) {
  CreditBook book;
  IssueAndAdvise(book, /*confirm=*/true);
  Cancellation c{"LC2026-0001", IssuingBank(), D("2026-09-20"), "DEAL CANCELLED",
                 false,         std::nullopt,  false,           std::nullopt};
  Outcome no_beneficiary = book.Submit(c, IssuingBank(), "2026-09-20");
  EXPECT_EQ(no_beneficiary.reason_code, kRejectAgreementMissing);
  c.beneficiary_agreed = true;
  c.beneficiary_agreed_on = D("2026-09-19");
  Outcome no_confirmer = book.Submit(c, IssuingBank(), "2026-09-20");
  EXPECT_EQ(no_confirmer.reason_code, kRejectAgreementMissing);
  EXPECT_EQ(book.Submit(c, AdvisingBank(), "2026-09-20").reason_code, kRejectWrongRole);
  c.confirming_bank_agreed = true;
  c.confirming_bank = AdvisingBank();
  ASSERT_TRUE(book.Submit(c, IssuingBank(), "2026-09-20").accepted);
  EXPECT_EQ(book.state().status, CreditStatus::kCancelled);
  EXPECT_EQ(book.Submit(CompliantPresentation(), AdvisingBank(), "2026-10-26").reason_code,
            kRejectClosed);
}

TEST(LifecycleRejectionTest, AmendmentCannotTakeTheCreditBelowItsDrawings) {
  CreditBook book;
  IssueAndAdvise(book);
  ASSERT_TRUE(book.Submit(CompliantPresentation(), AdvisingBank(), "2026-10-26").accepted);
  Amendment cut;
  cut.credit_number = "LC2026-0001";
  cut.issuing_bank = IssuingBank();
  cut.decrease = Usd("10000.00");  // maximum 94,500.00 < 100,000.00 drawn
  Outcome out = book.Submit(cut, IssuingBank(), "2026-10-27");
  EXPECT_FALSE(out.accepted);
  EXPECT_EQ(out.reason_code, kRejectBeyondBalance);
  cut.decrease.reset();
  cut.increase = fixtures::M("EUR", "10.00");
  EXPECT_EQ(book.Submit(cut, IssuingBank(), "2026-10-27").reason_code, kRejectInvalid);
}

TEST(LifecycleRejectionTest, InvalidDocumentIsRejectedNotFailed) {
  CreditBook book;
  LetterOfCredit lc = SampleCredit();
  lc.expiry_date = D("2026-08-01");  // before issue
  Outcome out = book.Submit(lc, IssuingBank(), "2026-09-01");
  EXPECT_FALSE(out.accepted);
  EXPECT_EQ(out.reason_code, kRejectInvalid);
  EXPECT_EQ(out.reason.code(), StatusCode::kInvalidArgument);
}

TEST(LifecycleRejectionTest, ApplyWithAnotherCreditsStateIsAnInternalError) {
  CreditState other = fixtures::AdvisedState(SampleCredit());
  other.terms.credit_number = "LC-OTHER";
  auto t =
      Apply(&other, CompliantPresentation(), AdvisingBank(), D("2026-10-26"), BankingCalendar());
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().code(), StatusCode::kInternal);
}

}  // namespace
}  // namespace lcproc::trade
