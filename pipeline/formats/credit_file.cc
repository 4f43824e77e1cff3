#include "pipeline/formats/credit_file.h"

#include <boost/json.hpp>

#include "pipeline/formats/json_codec.h"

namespace lcproc::formats {
namespace {

template <class T>
Result<T> As(Result<trade::Document> doc, const std::string& pointer) {
  if (!doc.ok()) return doc.status();
  if (T* value = std::get_if<T>(&*doc)) return std::move(*value);
  T sample{};
  std::string expected(trade::DocumentTypeName(trade::TypeOf(trade::Document(sample))));
  return InvalidArgument(pointer + "/type: expected " + expected + ", got " +
                         std::string(trade::DocumentTypeName(trade::TypeOf(*doc))));
}

template <class T>
Status DecodeList(const boost::json::object& o, std::string_view name, std::vector<T>* out) {
  const boost::json::value* v = o.if_contains(name);
  if (v == nullptr) return Status::Ok();
  const boost::json::array* a = v->if_array();
  std::string pointer = "/";
  pointer.append(name);
  if (a == nullptr) return InvalidArgument(pointer + ": must be an array");
  for (size_t i = 0; i < a->size(); ++i) {
    std::string item = pointer + "/" + std::to_string(i);
    LCPROC_ASSIGN_OR_RETURN(T value, As<T>(DecodeJsonDocument((*a)[i], item), item));
    out->push_back(std::move(value));
  }
  return Status::Ok();
}

}  // namespace

Result<CreditFile> DecodeCreditFile(std::string_view body) {
  LCPROC_ASSIGN_OR_RETURN(boost::json::value value, ParseJsonBody(body));
  const boost::json::object* o = value.if_object();
  if (o == nullptr) return InvalidArgument("/: the credit file must be a JSON object");
  CreditFile file;
  if (o->contains("type")) {
    LCPROC_ASSIGN_OR_RETURN(file.credit, As<trade::LetterOfCredit>(DecodeJsonDocument(value), ""));
    return file;
  }
  for (const auto& kv : *o) {
    if (kv.key() != "credit" && kv.key() != "amendments" && kv.key() != "drawings") {
      std::string pointer = "/";
      pointer.append(kv.key().data(), kv.key().size());
      return InvalidArgument(pointer + ": unknown member");
    }
  }
  const boost::json::value* credit = o->if_contains("credit");
  if (credit == nullptr) return InvalidArgument("/credit: is required");
  LCPROC_ASSIGN_OR_RETURN(
      file.credit, As<trade::LetterOfCredit>(DecodeJsonDocument(*credit, "/credit"), "/credit"));
  LCPROC_RETURN_IF_ERROR(DecodeList(*o, "amendments", &file.amendments));
  LCPROC_RETURN_IF_ERROR(DecodeList(*o, "drawings", &file.drawings));
  return file;
}

template <class T>
Result<T> DecodeDocumentAs(std::string_view body) {
  return As<T>(DecodeJson(body), "");
}

template Result<trade::Presentation> DecodeDocumentAs<trade::Presentation>(std::string_view);
template Result<trade::LetterOfCredit> DecodeDocumentAs<trade::LetterOfCredit>(std::string_view);
template Result<trade::Amendment> DecodeDocumentAs<trade::Amendment>(std::string_view);

}  // namespace lcproc::formats
