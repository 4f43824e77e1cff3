// Status and Result<T>: the error values of lcproc's hot path.
//
// A bad signature, a malformed document or a UCP 600 discrepancy is an expected
// answer, not an exceptional event, and an exception escaping a oneTBB filter would
// cancel every document in flight. So per-document functions return a Status (no
// value) or a Result<T> (a value or a Status). Exceptions stay for startup; programmer
// errors are asserts.
//
// Status is free when OK (a null pointer, as leveldb's Status), carries a public
// StatusCode that maps onto an HTTP status and a problem+json type, and a message for
// a person. Both types are [[nodiscard]]. Thread-compatible: distinct objects may be
// used from distinct threads; a const object may be read from many.
#pragma once

#include <cassert>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace lcproc {

enum class StatusCode : int {
  kOk = 0,
  kInvalidArgument,     // the input is well-formed but a value is wrong (bad BIC, date)
  kMalformed,           // the input cannot be parsed (JSON, SWIFT MT, PEM, JWS syntax)
  kUnauthenticated,     // a signature does not verify, or the key is unknown
  kPermissionDenied,    // the right signer in the wrong role, or not a party
  kNotFound,            // an unknown credit, entry or key
  kAlreadyExists,       // a duplicate where one is not allowed
  kConflict,            // same idempotency key with different bytes
  kFailedPrecondition,  // out of order for the credit's lifecycle, or after expiry
  kResourceExhausted,   // a limit was reached: queue full, body too large
  kDeadlineExceeded,    // a wait ran out
  kUnavailable,         // try again later (shutting down, store read-only)
  kDataLoss,            // stored data is damaged or inconsistent
  kIoError,             // the operating system refused (disk full, permissions)
  kInternal,            // a bug or a library failure we did not expect
};

// The stable lower-case name of a code ("invalid_argument"), used in problem+json
// types, logs and metrics labels.
std::string_view StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() noexcept = default;  // OK
  Status(StatusCode code, std::string_view message);

  Status(const Status& other);
  Status& operator=(const Status& other);
  Status(Status&&) noexcept = default;
  Status& operator=(Status&&) noexcept = default;
  ~Status() = default;

  static Status Ok() { return Status(); }

  bool ok() const { return state_ == nullptr; }
  StatusCode code() const { return state_ ? state_->code : StatusCode::kOk; }
  // Empty when OK.
  const std::string& message() const;

  // "invalid_argument: BIC must have 8 or 11 characters", or "ok".
  std::string ToString() const;

  // Returns a copy whose message is "<context>: <message>"; OK stays OK.
  Status WithContext(std::string_view context) const;

  friend bool operator==(const Status& a, const Status& b) {
    return a.code() == b.code() && a.message() == b.message();
  }

 private:
  struct State {
    StatusCode code;
    std::string message;
  };
  std::unique_ptr<State> state_;
};

// Shorthands for the common codes.
inline Status InvalidArgument(std::string_view m) { return {StatusCode::kInvalidArgument, m}; }
inline Status Malformed(std::string_view m) { return {StatusCode::kMalformed, m}; }
inline Status Unauthenticated(std::string_view m) { return {StatusCode::kUnauthenticated, m}; }
inline Status PermissionDenied(std::string_view m) { return {StatusCode::kPermissionDenied, m}; }
inline Status NotFound(std::string_view m) { return {StatusCode::kNotFound, m}; }
inline Status AlreadyExists(std::string_view m) { return {StatusCode::kAlreadyExists, m}; }
inline Status Conflict(std::string_view m) { return {StatusCode::kConflict, m}; }
inline Status FailedPrecondition(std::string_view m) {
  return {StatusCode::kFailedPrecondition, m};
}
inline Status ResourceExhausted(std::string_view m) { return {StatusCode::kResourceExhausted, m}; }
inline Status Unavailable(std::string_view m) { return {StatusCode::kUnavailable, m}; }
inline Status DataLoss(std::string_view m) { return {StatusCode::kDataLoss, m}; }
inline Status IoError(std::string_view m) { return {StatusCode::kIoError, m}; }
inline Status Internal(std::string_view m) { return {StatusCode::kInternal, m}; }

// A value of T, or the Status that explains why there is none.
// REQUIRES: a Result is never built from an OK Status (asserted).
template <typename T>
class [[nodiscard]] Result {
  static_assert(!std::is_same_v<std::remove_cv_t<T>, Status>, "Result<Status> makes no sense");

 public:
  Result(const T& value) : value_(value) {}             // NOLINT: implicit by design
  Result(T&& value) : value_(std::move(value)) {}       // NOLINT
  Result(Status status) : status_(std::move(status)) {  // NOLINT
    assert(!status_.ok() && "a Result needs a value or an error");
    if (status_.ok()) status_ = Internal("Result built from an OK status without a value");
  }
  template <typename U,
            typename = std::enable_if_t<
                std::is_constructible_v<T, U&&> && !std::is_same_v<std::decay_t<U>, Status> &&
                !std::is_same_v<std::decay_t<U>, Result<T>> && !std::is_same_v<std::decay_t<U>, T>>>
  Result(U&& value) : value_(std::forward<U>(value)) {}  // NOLINT

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }

  // REQUIRES: ok().
  T& value() & {
    assert(ok());
    return *value_;
  }
  const T& value() const& {
    assert(ok());
    return *value_;
  }
  T&& value() && {
    assert(ok());
    return std::move(*value_);
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  // The value, or `fallback` when there is none.
  T value_or(T fallback) const& { return ok() ? *value_ : std::move(fallback); }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace lcproc

// Returns the Status of `expr` from the enclosing function when it is not OK.
#define LCPROC_RETURN_IF_ERROR(expr)                 \
  do {                                               \
    ::lcproc::Status lcproc_status_ = (expr);        \
    if (!lcproc_status_.ok()) return lcproc_status_; \
  } while (0)

#define LCPROC_CONCAT_INNER_(a, b) a##b
#define LCPROC_CONCAT_(a, b) LCPROC_CONCAT_INNER_(a, b)

// `LCPROC_ASSIGN_OR_RETURN(auto key, PublicKey::FromPem(pem));` declares `key` from
// the value of a Result, or returns its Status from the enclosing function.
#define LCPROC_ASSIGN_OR_RETURN(lhs, expr) \
  LCPROC_ASSIGN_OR_RETURN_IMPL_(LCPROC_CONCAT_(lcproc_result_, __LINE__), lhs, expr)
#define LCPROC_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                                  \
  if (!tmp.ok()) return tmp.status();                 \
  lhs = std::move(tmp).value()
