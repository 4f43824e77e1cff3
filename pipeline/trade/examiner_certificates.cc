// Documents without an article of their own, and the draft: art. 6(c) and 42C/42a for
// the bill of exchange; art. 14(f) and 14(d) for the certificates credits call for and
// for any other document, with the issuer checked where the credit names one. What the
// data cannot settle (an issuer named in other words, a statement worded otherwise, the
// function of an untyped document) is a manual check, never a pass or a false discrepancy.
#include <cctype>
#include <string>

#include "pipeline/trade/examiner_internal.h"
#include "pipeline/trade/required_document.h"

namespace lcproc::trade::internal {
namespace {

// A draft's tenor as a value: at sight, or n days after sight, the draft's date, the date
// of shipment or the invoice's date (ISBP 821 B2 reads tenors this way).
struct Tenor {
  enum Basis { kUnknown, kSight, kAfterSight, kAfterDate, kAfterShipment, kAfterInvoice };
  Basis basis = kUnknown;
  int days = 0;
  friend bool operator==(const Tenor&, const Tenor&) = default;
};

Tenor ParseTenor(std::string_view text) {
  const std::string t = NormalizeText(text);
  Tenor tenor;
  size_t digit = t.find_first_of("0123456789");
  bool sight = t.find("SIGHT") != std::string::npos;
  if (digit == std::string::npos) {
    if (sight) tenor.basis = Tenor::kSight;
    return tenor;
  }
  int days = 0;
  for (size_t i = digit;
       i < t.size() && std::isdigit(static_cast<unsigned char>(t[i])) && days < 10000; ++i) {
    days = days * 10 + (t[i] - '0');
  }
  if (t.find("DAY", digit) == std::string::npos) return tenor;  // "90 D/S" and the like
  tenor.days = days;
  if (sight) {
    tenor.basis = Tenor::kAfterSight;
  } else if (t.find("B/L") != std::string::npos || t.find("BILL OF LADING") != std::string::npos ||
             t.find("SHIPMENT") != std::string::npos || t.find("ON BOARD") != std::string::npos ||
             t.find("TRANSPORT DOCUMENT") != std::string::npos) {
    tenor.basis = Tenor::kAfterShipment;
  } else if (t.find("INVOICE") != std::string::npos) {
    tenor.basis = Tenor::kAfterInvoice;
  } else if (t.find("DATE") != std::string::npos) {
    tenor.basis = Tenor::kAfterDate;
  }
  return tenor;
}

// The issuer the credit names for `required`: its own field, or read from its wording
// (documentsRequired entries given in JSON with the wording only).
std::string NamedIssuer(const RequiredDocument& required) {
  if (!required.issuer.empty()) return required.issuer;
  if (required.type == TradeDocumentType::kBeneficiaryCertificate) return "BENEFICIARY";
  return IssuerNamedIn(required.text);
}

std::string DataRequired(const RequiredDocument& required) {
  if (!required.data_required.empty() || required.text.empty()) return required.data_required;
  return DataRequiredIn(required.text);
}

// Art. 14(f): where the credit names the issuer, the document is to be issued by it.
void CheckIssuer(const ExamContext& c, std::string_view doc, const RequiredDocument& required,
                 const Party& issuer, const void* presented) {
  const std::string named = NamedIssuer(required);
  if (named.empty()) return;  // any issuer (art. 14(f)); "competent" and the like are not grounds
  const std::string upper = NormalizeText(named);
  if (upper == "BENEFICIARY" || upper == "THE BENEFICIARY") {
    if (!SameName(issuer, c.lc.beneficiary)) {
      c.Add(kDocumentIssuer, doc, "issuer.name",
            "issued by '" + issuer.name + "', the credit asks for the beneficiary '" +
                c.lc.beneficiary.name + "'");
    }
    return;
  }
  if (upper == "APPLICANT" || upper == "THE APPLICANT") {
    if (!SameName(issuer, c.lc.applicant)) {
      c.Add(kDocumentIssuer, doc, "issuer.name",
            "issued by '" + issuer.name + "', the credit asks for the applicant '" +
                c.lc.applicant.name + "'");
    }
    return;
  }
  if (IssuerMatches(issuer.name, named)) return;
  c.Refer(doc, "14(f)", "issuer",
          "the credit asks for a document issued by '" + named + "'; it is issued by '" +
              issuer.name + "': check that this is the same issuer",
          presented);
}

// The data content the credit asks for: found in a statement, or left to a checker
// (ISBP 821: the wording need not be identical, only clearly fulfil the requirement).
void CheckStatements(const ExamContext& c, std::string_view doc, const RequiredDocument& required,
                     const std::vector<std::string>& statements, const void* presented) {
  const std::string wanted = DataRequired(required);
  if (wanted.empty()) return;
  for (const std::string& s : statements) {
    if (ContainsText(s, wanted)) return;
  }
  c.Refer(doc, "14(f)", "statements",
          "the credit asks it to state '" + wanted +
              "'; no statement presented says so in those words: check the document's wording",
          presented);
}

}  // namespace

void CheckDraft(const ExamContext& c) {
  if (!c.p.draft || !c.Requires(TradeDocumentType::kDraft)) return;
  const Draft& d = *c.p.draft;
  const char* doc = "draft";
  // Art. 6(c): a credit must not be available by a draft drawn on the applicant.
  if (!d.drawee.empty() && !c.lc.applicant.name.empty() &&
      ContainsText(d.drawee, c.lc.applicant.name)) {
    c.Add(kDraftDrawnOnApplicant, doc, "drawee",
          "the draft is drawn on the applicant '" + c.lc.applicant.name + "'");
  } else {
    // 42a names the drawee; without it, the bank with which the credit is available.
    std::optional<Bic> want = c.lc.drawee ? c.lc.drawee : c.lc.available_with.bank;
    if (want && d.drawee_bic && !(want->str().substr(0, 8) == d.drawee_bic->str().substr(0, 8))) {
      c.Add(kDraftDrawee, doc, "draweeBic",
            "drawn on " + d.drawee_bic->str() + ", the credit's drawee is " + want->str());
    } else if (want && !d.drawee_bic) {
      c.Refer(doc, "6(c)", "drawee",
              "drawn on '" + d.drawee + "' without a BIC: check that this is " + want->str(), &d);
    }
  }
  if (!SameName(d.drawer, c.lc.beneficiary)) {
    c.Add(kDraftDrawer, doc, "drawer.name",
          "drawn by '" + d.drawer.name + "', the beneficiary is '" + c.lc.beneficiary.name + "'");
  } else if (!d.signed_by_drawer) {
    c.Add(kDraftDrawer, doc, "signedByDrawer", "the draft is not signed by the drawer");
  }
  if (!(d.amount == c.p.drawing_amount)) {
    c.Add(
        kDraftAmount, doc, "amount",
        "draft for " + d.amount.ToDisplay() + ", the drawing is " + c.p.drawing_amount.ToDisplay());
  }
  if (!c.lc.drafts_at.empty()) {
    const Tenor want = ParseTenor(c.lc.drafts_at), got = ParseTenor(d.tenor);
    if (want.basis == Tenor::kUnknown || got.basis == Tenor::kUnknown) {
      c.Refer(doc, "14(d)", "tenor",
              "tenor '" + d.tenor + "' against 42C '" + c.lc.drafts_at +
                  "': lcproc cannot read one of them; check the tenor",
              &d);
    } else if (!(want == got)) {
      c.Add(kDraftTenor, doc, "tenor",
            "tenor '" + d.tenor + "', 42C states '" + c.lc.drafts_at + "'");
    }
  }
}

void CheckCertificates(const ExamContext& c) {
  if (c.p.certificate_of_origin && c.Requires(TradeDocumentType::kCertificateOfOrigin)) {
    if (const RequiredDocument* r = c.Requirement(TradeDocumentType::kCertificateOfOrigin)) {
      CheckIssuer(c, "certificateOfOrigin", *r, c.p.certificate_of_origin->issuer,
                  &*c.p.certificate_of_origin);
    }
  }
  for (const Certificate& cert : c.p.certificates) {
    if (!c.Requires(cert.type)) continue;  // 14(g), noted as disregarded
    const std::string_view doc = TradeDocumentTypeName(cert.type);
    CheckOtherDocumentGoods(c, doc, cert.goods);
    CheckPartyAddress(c, doc, "issuer", cert.issuer);
    const RequiredDocument* r = c.Requirement(cert.type);
    if (r == nullptr) continue;  // no 46A (every document examined): no terms to compare
    CheckIssuer(c, doc, *r, cert.issuer, &cert);
    CheckStatements(c, doc, *r, cert.statements, &cert);
    // An inspection or fumigation the credit wants before shipment: the certificate may
    // be issued later, but the event it certifies may not be after the date of shipment.
    if (c.shipment_date && RequiresEventBeforeShipment(*r)) {
      const Date event = cert.event_date.value_or(cert.date);
      if (event > *c.shipment_date) {
        c.Add(kCertificateAfterShipment, doc, cert.event_date ? "eventDate" : "date",
              std::string(cert.event_date ? "carried out " : "dated ") + event.ToIso() +
                  ", after shipment on " + c.shipment_date->ToIso() +
                  "; 46A requires it before shipment");
      }
    }
    // A weight certificate's weights against the packing list's (art. 14(d)).
    if (cert.type == TradeDocumentType::kWeightCertificate && c.p.packing_list) {
      auto conflict = [&](const std::optional<Quantity>& a, const std::optional<Quantity>& b,
                          std::string_view field) {
        if (a && b && a->unit == b->unit && a->thousandths != b->thousandths) {
          c.Add(kDataConflictQuantity, doc, field,
                std::string(field) + " " + a->NumberText() + " " + a->unit +
                    ", the packing list shows " + b->NumberText() + " " + b->unit);
        }
      };
      conflict(cert.gross_weight, c.p.packing_list->gross_weight, "grossWeight");
      conflict(cert.net_weight, c.p.packing_list->net_weight, "netWeight");
    }
  }
}

void CheckOtherDocuments(const ExamContext& c) {
  // Each required other document is matched with a presented one whose title its wording
  // contains; a match is examined under 14(f) and 14(d) with its function left to a checker.
  std::vector<bool> used(c.p.other_documents.size(), false);
  const bool every = c.required == ~0u;
  for (const RequiredDocument& r : c.lc.documents_required) {
    if (r.type != TradeDocumentType::kOtherDocument) continue;
    const OtherDocument* match = nullptr;
    for (size_t i = 0; i < c.p.other_documents.size() && !match; ++i) {
      const OtherDocument& d = c.p.other_documents[i];
      if (!used[i] && !NormalizeText(d.title).empty() && ContainsText(r.text, d.title)) {
        used[i] = true;
        match = &d;
      }
    }
    if (match == nullptr) {
      bool unmatched = false;
      for (size_t i = 0; i < used.size(); ++i) unmatched = unmatched || !used[i];
      if (unmatched) {
        c.Refer("otherDocument", "14(f)", "title",
                "46A requires '" + r.text +
                    "'; no presented document is titled in its words: check whether one of the "
                    "other documents presented is it",
                nullptr);
      } else {
        c.Add(kDocumentMissing, "otherDocument", "46A",
              "46A requires '" + r.text + "' and no such document is presented");
      }
      continue;
    }
    if (match->originals < r.originals) {
      c.Add(kInsufficientOriginals, "otherDocument", "originals",
            "'" + match->title + "': " + std::to_string(match->originals) +
                " original(s) presented, 46A asks for " + std::to_string(r.originals));
    }
    if (match->date > c.presented_on) {
      c.Add(kDocumentDatedAfterPresentation, "otherDocument", "date",
            "'" + match->title + "' dated " + match->date.ToIso() + ", after its presentation on " +
                c.presented_on.ToIso());
    }
    CheckPartyAddress(c, "otherDocument", "issuer", match->issuer);
    CheckIssuer(c, "otherDocument", r, match->issuer, match);
    CheckStatements(c, "otherDocument", r, match->statements, match);
    c.Refer("otherDocument", "14(f)", "title",
            "'" + match->title +
                "': check that its data content appears to fulfil the function "
                "of the document 46A requires ('" +
                r.text + "')",
            match);
  }
  for (size_t i = 0; i < used.size(); ++i) {
    if (used[i]) continue;
    const OtherDocument& d = c.p.other_documents[i];
    if (every) {
      // No 46A to compare with: dates only, and its function for a checker.
      if (d.date > c.presented_on) {
        c.Add(kDocumentDatedAfterPresentation, "otherDocument", "date",
              "'" + d.title + "' dated " + d.date.ToIso() + ", after its presentation on " +
                  c.presented_on.ToIso());
      }
      c.Refer("otherDocument", "14(f)", "title",
              "'" + d.title + "': the credit lists no documents; check what it is for", &d);
    } else {
      // Art. 14(g): presented but not required: disregarded, may be returned.
      c.result->disregarded_documents.push_back("otherDocument: " + d.title);
    }
  }
}

}  // namespace lcproc::trade::internal
