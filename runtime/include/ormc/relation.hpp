// The members that hold the far side of a relation in a generated struct: ToOne<T> for
// `author User` or `profile Profile?`, ToMany<T> for `posts Post[]`. A holder starts "not
// loaded"; the query API's include() and the session (later issues) fill it, and code may
// fill it by hand. Holders own what they hold, so copying an entity copies what is loaded.
//
// Both work with an incomplete T where they are declared and default-initialised, which is
// what lets `struct User` hold `ToMany<Post> posts{};` while `struct Post` holds ToOne<User>:
// constructing, moving and destroying a holder never needs T complete (the object is deleted
// through a function chosen where it was created). T must be complete where a holder is
// filled, copied or read, i.e. after the generated header has defined every struct.
#pragma once

#include <cstddef>
#include <memory>
#include <stdexcept>
#include <utility>
#include <vector>

namespace ormc {

namespace detail {

// Deletes through a function pointer set where the object was created (and its type was
// complete), so that destroying an empty or full owner never instantiates T's destructor.
template <class T>
struct ErasedDelete {
  void (*destroy)(T*) noexcept = nullptr;
  void operator()(T* object) const noexcept { destroy(object); }
};

template <class T>
using Owned = std::unique_ptr<T, ErasedDelete<T>>;

template <class T, class... Args>
Owned<T> makeOwned(Args&&... args) {
  return Owned<T>(new T(std::forward<Args>(args)...), ErasedDelete<T>{[](T* object) noexcept { delete object; }});
}

}  // namespace detail

// The related object of a to-one relation. Three states: not loaded (the default; nothing
// is known), loaded with no related object (an optional relation whose foreign key is null),
// and loaded with one. Copies are deep.
template <class T>
class ToOne {
 public:
  using Target = T;

  ToOne() noexcept = default;
  ToOne(const ToOne& other) : value_(other.value_ ? detail::makeOwned<T>(*other.value_) : nullptr), loaded_(other.loaded_) {}
  // The moved-from holder is left not loaded.
  ToOne(ToOne&& other) noexcept : value_(std::move(other.value_)), loaded_(std::exchange(other.loaded_, false)) {}
  ToOne& operator=(const ToOne& other) {
    if (this != &other) *this = ToOne(other);
    return *this;
  }
  ToOne& operator=(ToOne&& other) noexcept {
    value_ = std::move(other.value_);
    loaded_ = std::exchange(other.loaded_, false);
    return *this;
  }
  ~ToOne() = default;

  // Loaded, holding `value`.
  ToOne& operator=(T value) {
    set(std::move(value));
    return *this;
  }
  void set(T value) {
    value_ = detail::makeOwned<T>(std::move(value));
    loaded_ = true;
  }
  // Loaded, with no related object.
  void setEmpty() noexcept {
    value_.reset();
    loaded_ = true;
  }
  // Back to not loaded.
  void reset() noexcept {
    value_.reset();
    loaded_ = false;
  }

  // True once the relation has been read (or set), whether or not a related object exists.
  bool loaded() const noexcept { return loaded_; }
  // True if loaded and a related object exists.
  bool hasValue() const noexcept { return value_ != nullptr; }
  explicit operator bool() const noexcept { return hasValue(); }

  // The related object, or nullptr unless hasValue().
  T* get() noexcept { return value_.get(); }
  const T* get() const noexcept { return value_.get(); }
  // The related object; throws std::logic_error if the relation is not loaded or is empty.
  T& value() { return *checked(); }
  const T& value() const { return *checked(); }
  // Precondition: hasValue().
  T& operator*() noexcept { return *value_; }
  const T& operator*() const noexcept { return *value_; }
  T* operator->() noexcept { return value_.get(); }
  const T* operator->() const noexcept { return value_.get(); }

 private:
  T* checked() const {
    if (!loaded_) throw std::logic_error("ormc: relation not loaded (include it in the query)");
    if (!value_) throw std::logic_error("ormc: relation is empty (no related object)");
    return value_.get();
  }

  detail::Owned<T> value_;
  bool loaded_ = false;
};

// The related objects of a to-many relation (one-to-many inverse side or many-to-many), in
// the order they were loaded or added. Not loaded by default; an unloaded holder is empty,
// which does not mean that no related rows exist: ask loaded().
template <class T>
class ToMany {
 public:
  using Target = T;

  ToMany() noexcept = default;
  ToMany(const ToMany& other)
      : items_(other.items_ ? detail::makeOwned<std::vector<T>>(*other.items_) : nullptr), loaded_(other.loaded_) {}
  // The moved-from holder is left not loaded and empty.
  ToMany(ToMany&& other) noexcept : items_(std::move(other.items_)), loaded_(std::exchange(other.loaded_, false)) {}
  ToMany& operator=(const ToMany& other) {
    if (this != &other) *this = ToMany(other);
    return *this;
  }
  ToMany& operator=(ToMany&& other) noexcept {
    items_ = std::move(other.items_);
    loaded_ = std::exchange(other.loaded_, false);
    return *this;
  }
  ~ToMany() = default;

  // Loaded, holding exactly `items`.
  ToMany& operator=(std::vector<T> items) {
    assign(std::move(items));
    return *this;
  }
  void assign(std::vector<T> items) {
    storage() = std::move(items);
    loaded_ = true;
  }
  // Appends `item` and marks the holder loaded: it now holds what it was given.
  T& add(T item) {
    loaded_ = true;
    return storage().emplace_back(std::move(item));
  }
  // Loaded and empty.
  void clear() noexcept {
    if (items_) items_->clear();
    loaded_ = true;
  }
  // Back to not loaded (and empty).
  void reset() noexcept {
    items_.reset();
    loaded_ = false;
  }

  bool loaded() const noexcept { return loaded_; }
  bool empty() const noexcept { return !items_ || items_->empty(); }
  std::size_t size() const noexcept { return items_ ? items_->size() : 0; }

  // Precondition: index < size().
  T& operator[](std::size_t index) noexcept { return (*items_)[index]; }
  const T& operator[](std::size_t index) const noexcept { return (*items_)[index]; }
  auto begin() noexcept { return items_ ? items_->begin() : typename std::vector<T>::iterator{}; }
  auto end() noexcept { return items_ ? items_->end() : typename std::vector<T>::iterator{}; }
  auto begin() const noexcept { return items().begin(); }
  auto end() const noexcept { return items().end(); }

  // The items as a vector (empty when not loaded). The non-const one may be filled directly;
  // doing so does not mark the holder loaded.
  std::vector<T>& items() { return storage(); }
  const std::vector<T>& items() const noexcept {
    static const std::vector<T> none;
    return items_ ? *items_ : none;
  }

 private:
  std::vector<T>& storage() {
    if (!items_) items_ = detail::makeOwned<std::vector<T>>();
    return *items_;
  }

  detail::Owned<std::vector<T>> items_;  // null until something is stored
  bool loaded_ = false;
};

}  // namespace ormc
