// FakeRules: a tiny rulebook for engine tests. A document is "CREDIT|OP|SEQ":
//   issue   accepted for a credit never seen (its state becomes SEQ 1)
//   amend   accepted when SEQ is the credit's next number, so documents applied out of
//           arrival order are rejected (FailedPrecondition)
//   invalid fails Check (InvalidArgument); a body without '|' fails Decode (Malformed).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "pipeline/engine/rules.h"

namespace lcproc::engine::testing {

using ledger_store::CreditRow;

class FakeRules final : public Rules {
 public:
  struct Doc final : Document {
    std::string credit, op;
    int seq = 0;
    const std::string& credit_number() const override { return credit; }
  };
  struct State final : CreditState {
    std::string credit;
    int seq = 0;
    std::string party;
    CreditRow Summary() const override {
      return {credit, seq == 1 ? "issued" : "amended", {party}};
    }
  };

  Result<std::unique_ptr<Document>> Decode(std::string_view, std::string_view body) const override {
    size_t a = body.find('|');
    if (a == std::string_view::npos) return Malformed("not CREDIT|OP|SEQ");
    size_t b = body.find('|', a + 1);
    auto doc = std::make_unique<Doc>();
    doc->credit = std::string(body.substr(0, a));
    doc->op = std::string(body.substr(a + 1, b == std::string_view::npos ? b : b - a - 1));
    if (b != std::string_view::npos) doc->seq = std::stoi(std::string(body.substr(b + 1)));
    return std::unique_ptr<Document>(std::move(doc));
  }

  Status Check(const Document& d) const override {
    return static_cast<const Doc&>(d).op == "invalid" ? InvalidArgument("field 32B is invalid")
                                                      : Status::Ok();
  }

  Decision Apply(std::unique_ptr<CreditState>& current, Document& d, std::string_view submitter,
                 int64_t) const override {
    const Doc& doc = static_cast<const Doc&>(d);
    State* state = static_cast<State*>(current.get());
    if (doc.op == "issue") {
      if (state != nullptr) return {false, FailedPrecondition("already issued"), {}};
      auto next = std::make_unique<State>();
      next->credit = doc.credit;
      next->seq = 1;
      next->party = std::string(submitter);
      current = std::move(next);
      return {true, Status::Ok(), {}};
    }
    if (state == nullptr) return {false, FailedPrecondition("no such credit"), {}};
    if (doc.seq != state->seq + 1) {
      return {false,
              FailedPrecondition("out of order: expected " + std::to_string(state->seq + 1)),
              {"seq"}};
    }
    state->seq = doc.seq;
    return {true, Status::Ok(), {}};
  }
};

}  // namespace lcproc::engine::testing
