// Binding and reading of every schema-language type (docs/language.md) through a Statement,
// in the stored forms of docs/ddl.md: Bool as 0/1, Decimal, Date, DateTime, Uuid and Json as
// text, Bytes as a blob, and std::optional<T> for nullable columns.
//
//   ormc::bindValue(statement, 1, value);            // 1-based parameter
//   auto v = ormc::readValue<ormc::Date>(statement, 0);  // 0-based column
//
// The one extension point is the trait ormc::ValueCodec<T>: a type is storable when it has
//   static void bind(Statement&, int index, const T&);
//   static T read(Statement&, int column);          // the column is not NULL here
// (the concepts Bindable / Storable below). Schema enums need no generated code: one partial
// specialisation for every MappedEnum reads meta::Enum<E> (stored value <-> enumerator).
// Bind-only types (string literals, std::string_view, std::nullopt) are specialisations too,
// so overload resolution never decides how a value is stored.
//
// Reading NULL into a non-optional type, or a stored value the type cannot hold (int32
// overflow, NaN, malformed date text, invalid JSON), throws ormc::ValueError.
#pragma once

#include "ormc/backend.hpp"
#include "ormc/meta.hpp"
#include "ormc/types.hpp"

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

namespace ormc {

// Primary template: deliberately undefined, so an unsupported type fails to compile here.
template <typename T>
struct ValueCodec;

namespace detail {
template <typename T>
inline constexpr bool isOptional = false;
template <typename T>
inline constexpr bool isOptional<std::optional<T>> = true;

// Throws ValueError "cannot read <what> from column N: <why>" naming the statement's SQL.
[[noreturn]] void throwReadError(Statement& statement, int column, std::string_view what, std::string_view why);

// Codecs whose read() of a NULL column returns T{} (a backend reads NULL as 0, 0.0 or empty
// text) instead of failing. readValue() reads these first and asks isNull() only when the value
// is T{}: one call into the driver per column saved on the common, non-NULL path.
template <typename T>
inline constexpr bool readsNullAsEmpty = std::is_same_v<T, bool> || std::is_same_v<T, std::int32_t> ||
                                         std::is_same_v<T, std::int64_t> || std::is_same_v<T, double> ||
                                         std::is_same_v<T, std::string>;
// Codecs whose read() of a NULL column throws readValue()'s "it is NULL" ValueError itself
// (text parsed into a value: NULL reads as empty text, which never parses).
template <typename T>
inline constexpr bool readsNullAsError = std::is_same_v<T, Date> || std::is_same_v<T, DateTime>;
// Throws ValueError "cannot bind <what> to parameter N: <why>" naming the statement's SQL.
[[noreturn]] void throwBindError(Statement& statement, int index, std::string_view what, std::string_view why);
}  // namespace detail

template <>
struct ValueCodec<bool> {
  static void bind(Statement& s, int index, bool value) { s.bindBool(index, value); }
  static bool read(Statement& s, int column);
};

template <>
struct ValueCodec<std::int32_t> {
  static void bind(Statement& s, int index, std::int32_t value) { s.bindInt64(index, value); }
  static std::int32_t read(Statement& s, int column);
};

template <>
struct ValueCodec<std::int64_t> {
  static void bind(Statement& s, int index, std::int64_t value) { s.bindInt64(index, value); }
  static std::int64_t read(Statement& s, int column) { return s.columnInt64(column); }
};

template <>
struct ValueCodec<double> {
  static void bind(Statement& s, int index, double value) { s.bindDouble(index, value); }
  static double read(Statement& s, int column);
};

template <>
struct ValueCodec<std::string> {
  static void bind(Statement& s, int index, const std::string& value) { s.bindText(index, value); }
  static std::string read(Statement& s, int column) { return std::string(s.columnText(column)); }
};

template <>
struct ValueCodec<Decimal> {
  static void bind(Statement& s, int index, const Decimal& value) { s.bindText(index, value.str()); }
  static Decimal read(Statement& s, int column);
};

template <>
struct ValueCodec<Bytes> {
  static void bind(Statement& s, int index, const Bytes& value) { s.bindBlob(index, value); }
  static Bytes read(Statement& s, int column);
};

template <>
struct ValueCodec<Date> {
  static void bind(Statement& s, int index, const Date& value);
  static Date read(Statement& s, int column);
};

template <>
struct ValueCodec<DateTime> {
  static void bind(Statement& s, int index, const DateTime& value);
  static DateTime read(Statement& s, int column);
};

template <>
struct ValueCodec<Uuid> {
  static void bind(Statement& s, int index, const Uuid& value) { s.bindText(index, value.toString()); }
  static Uuid read(Statement& s, int column);
};

template <>
struct ValueCodec<Json> {
  static void bind(Statement& s, int index, const Json& value);
  static Json read(Statement& s, int column);
};

// NULL for nullopt, the value's own codec otherwise.
template <typename T>
struct ValueCodec<std::optional<T>> {
  static void bind(Statement& s, int index, const std::optional<T>& value) {
    if (!value) {
      s.bindNull(index);
      return;
    }
    ValueCodec<T>::bind(s, index, *value);
  }
  static std::optional<T> read(Statement& s, int column) {
    if constexpr (detail::readsNullAsEmpty<T>) {
      T value = ValueCodec<T>::read(s, column);
      if (value == T{} && s.isNull(column)) return std::nullopt;
      return value;
    } else {
      if (s.isNull(column)) return std::nullopt;
      return ValueCodec<T>::read(s, column);
    }
  }
};

// A string literal or view binds as text (a const char* would otherwise convert to bool).
template <>
struct ValueCodec<std::string_view> {
  static void bind(Statement& s, int index, std::string_view value) { s.bindText(index, value); }
  static std::string_view read(Statement&, int) = delete;  // the view would dangle
};
template <>
struct ValueCodec<const char*> {
  static void bind(Statement& s, int index, const char* value) { s.bindText(index, value); }
};
template <std::size_t N>
struct ValueCodec<char[N]> {
  static void bind(Statement& s, int index, const char* value) { s.bindText(index, value); }
};
template <>
struct ValueCodec<std::nullopt_t> {
  static void bind(Statement& s, int index, std::nullopt_t) { s.bindNull(index); }
};

// A schema enum, stored as its @map value (or its name) per meta::Enum<E>.
template <MappedEnum E>
struct ValueCodec<E> {
  static void bind(Statement& s, int index, E value) {
    std::string_view stored = meta::enumStored(value);
    if (stored.data() == nullptr) detail::throwBindError(s, index, "an enum", "the value is not one of its enumerators");
    s.bindText(index, stored);
  }
  static E read(Statement& s, int column) {
    std::optional<E> value = meta::enumFromStored<E>(s.columnText(column));
    if (!value) detail::throwReadError(s, column, "an enum", "the stored text is not one of its values");
    return *value;
  }
};

// T can be bound as a parameter.
template <class T>
concept Bindable = requires(Statement& s, const T& value) { ValueCodec<std::remove_cvref_t<T>>::bind(s, 1, value); };

// T can be bound and read back: the type of a column.
template <class T>
concept Storable = Bindable<T> && requires(Statement& s) {
  { ValueCodec<T>::read(s, 0) } -> std::same_as<T>;
};

// Binds `value` to the 1-based parameter `index`.
template <class T>
  requires Bindable<T>
void bindValue(Statement& statement, int index, const T& value) {
  ValueCodec<std::remove_cvref_t<T>>::bind(statement, index, value);
}

// Reads the 0-based column `column` of the current row as T. NULL is an error unless T is a
// std::optional.
template <class T>
  requires Storable<T>
T readValue(Statement& statement, int column) {
  if constexpr (detail::isOptional<T> || detail::readsNullAsError<T>) {
    return ValueCodec<T>::read(statement, column);
  } else if constexpr (detail::readsNullAsEmpty<T>) {
    T value = ValueCodec<T>::read(statement, column);
    if (value == T{} && statement.isNull(column)) detail::throwReadError(statement, column, "a value", "it is NULL");
    return value;
  } else {
    if (statement.isNull(column)) detail::throwReadError(statement, column, "a value", "it is NULL");
    return ValueCodec<T>::read(statement, column);
  }
}

// Reads like readValue() into `target`, reusing its storage where the type allows: text is
// assigned in place, with no temporary string to move (for short strings a second copy).
template <class T>
  requires Storable<T>
void readValueInto(Statement& statement, int column, T& target) {
  if constexpr (std::is_same_v<T, std::string>) {
    target.assign(statement.columnText(column));
    if (target.empty() && statement.isNull(column)) detail::throwReadError(statement, column, "a value", "it is NULL");
  } else if constexpr (std::is_same_v<T, std::optional<std::string>>) {
    const std::string_view text = statement.columnText(column);
    if (text.empty() && statement.isNull(column)) {
      target.reset();
    } else if (target) {
      target->assign(text);
    } else {
      target.emplace(text);
    }
  } else {
    target = readValue<T>(statement, column);
  }
}

}  // namespace ormc
