// Rules: what the engine asks of the trade domain, and nothing more. The engine never
// looks inside a document or a credit's state; it decodes and checks in parallel,
// then applies in order, one credit at a time.
//
// TradeRules (trade_rules.h) implements this over pipeline/formats (decoding) and
// pipeline/trade (UCP 600 checks and the LC lifecycle); tests use small fakes. Keeping
// the seam here lets the engine be tested, benchmarked and reasoned about without the
// whole rulebook, and lets the rulebook change without touching the pipeline.
//
// Thread-safety: Decode and Check are called from many threads at once; Apply only
// from the engine's serial sequence stage (but an implementation may not keep state
// between calls: the engine owns every CreditState and changes it only through Apply).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/ledger_store/ledger_store.h"
#include "pipeline/status.h"

namespace lcproc::engine {

class Rules {
 public:
  // A decoded document, opaque to the engine.
  class Document {
   public:
    virtual ~Document() = default;
    // The credit (LC) number the document concerns; never empty.
    virtual const std::string& credit_number() const = 0;
  };

  // The state of one credit after the documents applied so far, opaque to the engine.
  class CreditState {
   public:
    virtual ~CreditState() = default;
    // The summary row the store keeps for listings.
    virtual ledger_store::CreditRow Summary() const = 0;
  };

  // The result of applying one document to a credit.
  struct Decision {
    bool accepted = false;
    Status reason;  // OK when accepted
    std::vector<std::string> discrepancies;
  };

  virtual ~Rules() = default;

  // Decodes `body` of `content_type`. Malformed/InvalidArgument as values; never throws.
  virtual Result<std::unique_ptr<Document>> Decode(std::string_view content_type,
                                                   std::string_view body) const = 0;

  // Stateless checks (schema, formats, UCP 600 rules that need no credit state).
  virtual Status Check(const Document& document) const = 0;

  // Applies `document`, submitted by `submitter` at `received_millis`, to the credit's
  // `state` in place (null for a credit never seen; an accepted document that opens a
  // credit sets it). Accepted: `state` is the credit after the document (REQUIRES
  // non-null). Rejected: `state` is exactly as it was. Deterministic: the same state and
  // document give the same Decision and state, which is what lets the engine rebuild a
  // credit's state by replaying its accepted entries (and drop every state a failed
  // commit may have touched). Apply may move what the state keeps out of `document`
  // (no copy): the engine does not use a document after applying it.
  virtual Decision Apply(std::unique_ptr<CreditState>& state, Document& document,
                         std::string_view submitter, int64_t received_millis) const = 0;
};

}  // namespace lcproc::engine
