// Boxed<T>: an optional value kept on the heap, with std::optional's interface and value
// semantics (copies are deep, == compares the values).
//
// For the members of a document that are large and rarely present: Presentation's
// transport documents of arts. 19 and 21-24, courier and post receipts and the draft. As
// std::optional they sat inline, about 7 KiB of a 9.7 KiB Presentation, so every decoded
// document (a variant as large as its largest alternative), every move of a presentation
// and every presentation a credit's state keeps carried them empty. Boxed, an absent one
// costs a pointer and a present one an allocation.
#pragma once

#include <memory>
#include <optional>
#include <utility>

namespace lcproc::trade {

template <class T>
class Boxed {
 public:
  using value_type = T;

  Boxed() = default;
  Boxed(std::nullopt_t) {}  // NOLINT(google-explicit-constructor): as std::optional
  Boxed(T value)            // NOLINT(google-explicit-constructor): as std::optional
      : p_(std::make_unique<T>(std::move(value))) {}
  Boxed(const Boxed& other) : p_(other.p_ ? std::make_unique<T>(*other.p_) : nullptr) {}
  Boxed(Boxed&&) noexcept = default;
  Boxed& operator=(const Boxed& other) {
    if (this != &other) p_ = other.p_ ? std::make_unique<T>(*other.p_) : nullptr;
    return *this;
  }
  Boxed& operator=(Boxed&&) noexcept = default;
  Boxed& operator=(std::nullopt_t) {
    p_.reset();
    return *this;
  }
  Boxed& operator=(T value) {
    if (p_) {
      *p_ = std::move(value);
    } else {
      p_ = std::make_unique<T>(std::move(value));
    }
    return *this;
  }

  void reset() { p_.reset(); }

  bool has_value() const { return p_ != nullptr; }
  explicit operator bool() const { return has_value(); }
  // REQUIRES has_value(), as std::optional's.
  T& operator*() { return *p_; }
  const T& operator*() const { return *p_; }
  T* operator->() { return p_.get(); }
  const T* operator->() const { return p_.get(); }

  friend bool operator==(const Boxed& a, const Boxed& b) {
    if (!a.p_ || !b.p_) return !a.p_ && !b.p_;
    return *a.p_ == *b.p_;
  }

 private:
  std::unique_ptr<T> p_;
};

}  // namespace lcproc::trade
