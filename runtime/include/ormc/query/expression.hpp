// The expressions of the typed query API: columns of generated entities, bound values, and
// what operators make of them. Every node's type says what it computes (Value: a C++ type)
// and which entities it reads (Entities), so that a comparison of an Int32 column with a
// string, or a column of a model that is not in the query, is a compile error with a sentence
// (static_assert) instead of a runtime surprise. A node renders its SQL with '?' for every
// value and binds those values, in the same order, to a Statement.
#pragma once

#include "ormc/dialect.hpp"
#include "ormc/meta.hpp"
#include "ormc/query/type_list.hpp"
#include "ormc/value_codec.hpp"

#include <algorithm>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <ranges>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace ormc::query {

// Where rendering writes: the SQL text, and the shape of the dynamic parts (the length of each
// IN list), which together with the expression's type decide the text.
struct RenderContext {
  const Dialect& dialect;
  std::string& sql;
};

struct BindContext {
  Statement& statement;
  int index = 1;
};

// A node of the expression tree: Value, Entities, render(), bind(), and dynamicShape (true when
// the SQL text depends on values, not only on the node's type: an IN list's length).
template <class E>
concept Expression = requires { typename std::remove_cvref_t<E>::Entities; } && std::remove_cvref_t<E>::isExpression;

// The C++ value type without std::optional: what a comparison compares.
template <class T>
using Scalar = typename meta::detail::Optional<std::remove_cvref_t<T>>::Type;

template <class T>
inline constexpr bool isNullable = meta::detail::Optional<std::remove_cvref_t<T>>::value;

// ---- What may meet what ----

namespace detail {

template <class T>
inline constexpr bool isString = std::is_same_v<T, std::string> || std::is_same_v<T, std::string_view> ||
                                 std::is_same_v<T, const char*> || std::is_same_v<T, char*>;
template <class T>
inline constexpr bool isInteger = std::is_integral_v<T> && !std::is_same_v<T, bool> && !std::is_same_v<T, char>;
template <class T>
inline constexpr bool isNumber = isInteger<T> || std::is_floating_point_v<T>;

// A plain C++ value written into a query as a parameter: arrays decay (string literals).
template <class T>
using ValueType = std::conditional_t<std::is_array_v<std::remove_cvref_t<T>>, const char*, std::remove_cvref_t<T>>;

}  // namespace detail

// Values of types A and B may be compared (and, for numbers, combined): the same schema type,
// any two numbers, text with text, a Decimal with a Decimal or an integer. JSON documents have
// no order and no portable equality, so they meet nothing.
template <class A, class B>
inline constexpr bool comparable = [] {
  using X = Scalar<detail::ValueType<A>>;
  using Y = Scalar<detail::ValueType<B>>;
  if constexpr (std::is_same_v<X, Json> || std::is_same_v<Y, Json>) {
    return false;
  } else if constexpr (std::is_same_v<X, Y>) {
    return true;
  } else if constexpr (detail::isNumber<X> && detail::isNumber<Y>) {
    return true;
  } else if constexpr (detail::isString<X> && detail::isString<Y>) {
    return true;
  } else if constexpr (std::is_same_v<X, Decimal>) {
    return detail::isInteger<Y>;
  } else if constexpr (std::is_same_v<Y, Decimal>) {
    return detail::isInteger<X>;
  } else {
    return false;
  }
}();

// A plain value V may stand next to an expression of type E: comparable, and not a
// floating-point value next to an integer column (5.5 would be converted to 5).
template <class E, class V>
inline constexpr bool acceptsValue =
    comparable<E, V> && !(detail::isInteger<Scalar<E>> && std::is_floating_point_v<Scalar<detail::ValueType<V>>>);

// The operands L and R, one of them an expression, fit together.
template <class L, class R>
inline constexpr bool operandsFit = [] {
  if constexpr (Expression<L> && Expression<R>) {
    return comparable<typename std::remove_cvref_t<L>::Value, typename std::remove_cvref_t<R>::Value>;
  } else if constexpr (Expression<L>) {
    return acceptsValue<typename std::remove_cvref_t<L>::Value, R>;
  } else {
    return acceptsValue<typename std::remove_cvref_t<R>::Value, L>;
  }
}();

// ---- Nodes ----

// A stored column, named by its member pointer: Column<&User::karma>.
template <auto M>
  requires meta::DataMember<M>
struct Column {
  static constexpr bool isExpression = true;
  static constexpr bool dynamicShape = false;
  using Entity = meta::OwnerOf<M>;
  using Value = meta::MemberType<M>;
  using Entities = TypeList<Entity>;
  static constexpr auto member = M;

  void render(RenderContext& c) const { renderColumn(c); }
  void bind(BindContext&) const {}

  // Predicates and sort orders that read best as members: User.email.like("%@example.com").
  // Defined with the free functions below.
  template <std::ranges::input_range R>
  auto in(R&& values) const;
  auto in(std::initializer_list<std::conditional_t<std::is_same_v<Scalar<Value>, std::string>, std::string_view, Scalar<Value>>> values) const;
  template <class T>
  auto between(const T& low, const T& high) const;
  auto like(std::string pattern) const;
  auto starts_with(std::string_view text) const;
  auto contains(std::string_view text) const;
  auto ends_with(std::string_view text) const;
  auto is_null() const;
  auto is_not_null() const;
  auto asc() const;
  auto desc() const;

  // "table"."column", as every query qualifies its columns.
  static void renderColumn(RenderContext& c) {
    c.dialect.appendIdentifier(c.sql, meta::Model<Entity>::table);
    c.sql += '.';
    c.dialect.appendIdentifier(c.sql, meta::column<M>().name);
  }
};

// A value bound as a parameter, converted to the type it is compared with.
template <class T>
struct Param {
  static constexpr bool isExpression = true;
  static constexpr bool dynamicShape = false;
  using Value = T;
  using Entities = TypeList<>;
  T value;

  void render(RenderContext& c) const { c.sql += '?'; }
  void bind(BindContext& b) const { bindValue(b.statement, b.index++, value); }
};

// SQL NULL, for `column == std::nullopt`.
struct NullLiteral {
  static constexpr bool isExpression = true;
  static constexpr bool dynamicShape = false;
  using Value = std::nullopt_t;
  using Entities = TypeList<>;
  void render(RenderContext& c) const { c.sql += "NULL"; }
  void bind(BindContext&) const {}
};

template <class E>
struct IsArithmetic : std::false_type {};

template <class E>
struct IsColumn : std::false_type {};
template <auto M>
struct IsColumn<Column<M>> : std::true_type {};

// The number of fraction digits an exact Decimal expression has: a column's scale, a bound
// value's, the larger of two for + and -, their sum for *; nullopt where there is no exact
// result (division, a Float64 taking part).
template <class E>
std::optional<std::uint32_t> decimalScale(const E& e);

// How an operand is written where its value is compared or ordered:
//  - SQLite stores a Decimal as text, which would order '10.00' before '9.00' and find '1.5'
//    unequal to '1.50', so a Decimal compares as REAL there (exact to about 15 significant
//    digits), and Decimal arithmetic is ROUNDed to its exact scale first so that equal
//    decimals give equal doubles (as the DDL does for checks, docs/ddl.md);
//  - an enum orders by its stored value on both databases (MySQL would order an ENUM column by
//    declaration but compare it with a string as text): CAST(... AS CHAR) there, for `ordering`
//    uses (<, ORDER BY, MIN/MAX, BETWEEN) only, so that equality can still use an index.
template <class E>
void renderOrdered(RenderContext& c, const E& e, bool ordering = true) {
  using S = Scalar<typename E::Value>;
  if constexpr (std::is_same_v<S, Decimal>) {
    if (c.dialect.kind() == DialectKind::Sqlite) {
      if constexpr (IsArithmetic<E>::value) {
        if (std::optional<std::uint32_t> scale = decimalScale(e)) {
          c.sql += "ROUND(";
          e.render(c);
          c.sql += ", " + std::to_string(*scale) + ")";
          return;
        }
        e.render(c);
        return;
      }
      c.sql += "CAST(";
      e.render(c);
      c.sql += " AS REAL)";
      return;
    }
  } else if constexpr (MappedEnum<S>) {
    if (ordering && c.dialect.kind() == DialectKind::Mysql && IsColumn<E>::value) {
      c.sql += "CAST(";
      e.render(c);
      c.sql += " AS CHAR)";
      return;
    }
  }
  e.render(c);
}

enum class CompareOp : std::uint8_t { Eq, Ne, Lt, Le, Gt, Ge };

constexpr std::string_view spell(CompareOp op) {
  switch (op) {
    case CompareOp::Eq: return " = ";
    case CompareOp::Ne: return " <> ";
    case CompareOp::Lt: return " < ";
    case CompareOp::Le: return " <= ";
    case CompareOp::Gt: return " > ";
    case CompareOp::Ge: return " >= ";
  }
  return " = ";
}

template <CompareOp Op, class L, class R>
struct Comparison {
  static constexpr bool isExpression = true;
  static constexpr bool dynamicShape = L::dynamicShape || R::dynamicShape;
  using Value = bool;
  using Entities = Concat<typename L::Entities, typename R::Entities>;
  L left;
  R right;

  void render(RenderContext& c) const {
    constexpr bool ordering = Op != CompareOp::Eq && Op != CompareOp::Ne;
    c.sql += '(';
    renderOrdered(c, left, ordering);
    c.sql += spell(Op);
    renderOrdered(c, right, ordering);
    c.sql += ')';
  }
  void bind(BindContext& b) const {
    left.bind(b);
    right.bind(b);
  }
};

// `column IS [NOT] NULL`.
template <class E, bool Negated>
struct NullTest {
  static constexpr bool isExpression = true;
  static constexpr bool dynamicShape = E::dynamicShape;
  using Value = bool;
  using Entities = typename E::Entities;
  E operand;
  void render(RenderContext& c) const {
    c.sql += '(';
    operand.render(c);
    c.sql += Negated ? " IS NOT NULL)" : " IS NULL)";
  }
  void bind(BindContext& b) const { operand.bind(b); }
};

enum class LogicOp : std::uint8_t { And, Or };

template <LogicOp Op, class L, class R>
struct Logical {
  static constexpr bool isExpression = true;
  static constexpr bool dynamicShape = L::dynamicShape || R::dynamicShape;
  using Value = bool;
  using Entities = Concat<typename L::Entities, typename R::Entities>;
  L left;
  R right;
  void render(RenderContext& c) const {
    c.sql += '(';
    left.render(c);
    c.sql += Op == LogicOp::And ? " AND " : " OR ";
    right.render(c);
    c.sql += ')';
  }
  void bind(BindContext& b) const {
    left.bind(b);
    right.bind(b);
  }
};

template <class E>
struct Negation {
  static constexpr bool isExpression = true;
  static constexpr bool dynamicShape = E::dynamicShape;
  using Value = bool;
  using Entities = typename E::Entities;
  E operand;
  void render(RenderContext& c) const {
    c.sql += "(NOT ";
    operand.render(c);
    c.sql += ')';
  }
  void bind(BindContext& b) const { operand.bind(b); }
};

// `column IN (?, ?, ...)`. An empty list is false (`1 = 0`), and NOT of it true: SQL has no
// empty IN list.
template <class E, class T>
struct InList {
  static constexpr bool isExpression = true;
  // The number of values is part of the SQL text.
  static constexpr bool dynamicShape = true;
  using Value = bool;
  using Entities = typename E::Entities;
  E operand;
  std::vector<T> values;
  void render(RenderContext& c) const {
    if (values.empty()) {
      c.sql += "(1 = 0)";
      return;
    }
    c.sql += '(';
    operand.render(c);
    c.sql += " IN (";
    for (std::size_t i = 0; i < values.size(); ++i) c.sql += i == 0 ? "?" : ", ?";
    c.sql += "))";
  }
  void bind(BindContext& b) const {
    if (values.empty()) return;
    operand.bind(b);
    for (const T& value : values) bindValue(b.statement, b.index++, value);
  }
};

template <class E, class T>
struct Between {
  static constexpr bool isExpression = true;
  static constexpr bool dynamicShape = E::dynamicShape;
  using Value = bool;
  using Entities = typename E::Entities;
  E operand;
  Param<T> low;
  Param<T> high;
  void render(RenderContext& c) const {
    c.sql += '(';
    renderOrdered(c, operand);
    c.sql += " BETWEEN ";
    renderOrdered(c, low);
    c.sql += " AND ";
    renderOrdered(c, high);
    c.sql += ')';
  }
  void bind(BindContext& b) const {
    operand.bind(b);
    low.bind(b);
    high.bind(b);
  }
};

// `column LIKE ? ESCAPE '!'`. The escape character is explicit because MySQL's default is a
// backslash and SQLite has none; '!' needs no escaping in either's string literals.
inline constexpr char kLikeEscape = '!';

// `text` with the LIKE wildcards % and _ and the escape character itself escaped, so that it
// matches only itself.
inline std::string escapeLike(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char ch : text) {
    if (ch == '%' || ch == '_' || ch == kLikeEscape) out += kLikeEscape;
    out += ch;
  }
  return out;
}

template <class E>
struct Like {
  static constexpr bool isExpression = true;
  static constexpr bool dynamicShape = E::dynamicShape;
  using Value = bool;
  using Entities = typename E::Entities;
  E operand;
  std::string pattern;
  void render(RenderContext& c) const {
    c.sql += '(';
    operand.render(c);
    c.sql += " LIKE ? ESCAPE '!')";
  }
  void bind(BindContext& b) const {
    operand.bind(b);
    bindValue(b.statement, b.index++, pattern);
  }
};

enum class ArithmeticOp : std::uint8_t { Add, Sub, Mul, Div };

template <ArithmeticOp Op, class L, class R>
struct Arithmetic {
  static constexpr bool isExpression = true;
  // A bound Decimal's scale goes into the SQL text on SQLite (see renderOrdered).
  static constexpr bool dynamicShape = L::dynamicShape || R::dynamicShape ||
                                       (std::is_same_v<typename L::Value, Decimal> && !IsColumn<L>::value) ||
                                       (std::is_same_v<typename R::Value, Decimal> && !IsColumn<R>::value);
  using Value = std::conditional_t<isNullable<typename L::Value> || isNullable<typename R::Value>,
                                   std::optional<std::common_type_t<Scalar<typename L::Value>, Scalar<typename R::Value>>>,
                                   std::common_type_t<Scalar<typename L::Value>, Scalar<typename R::Value>>>;
  using Entities = Concat<typename L::Entities, typename R::Entities>;
  static constexpr bool decimal = std::is_same_v<Scalar<Value>, Decimal>;
  static constexpr ArithmeticOp op = Op;
  static constexpr bool integerDivision = Op == ArithmeticOp::Div && detail::isInteger<Scalar<typename L::Value>> &&
                                          detail::isInteger<Scalar<typename R::Value>>;
  L left;
  R right;
  void render(RenderContext& c) const {
    c.sql += '(';
    left.render(c);
    switch (Op) {
      case ArithmeticOp::Add: c.sql += " + "; break;
      case ArithmeticOp::Sub: c.sql += " - "; break;
      case ArithmeticOp::Mul: c.sql += " * "; break;
      // Integers divide as integers, truncating as in C++ (the node's Value is an integer):
      // SQLite's `/` does so, MySQL's `/` gives a DECIMAL and needs DIV.
      case ArithmeticOp::Div:
        c.sql += integerDivision && c.dialect.kind() == DialectKind::Mysql ? " DIV " : " / ";
        break;
    }
    right.render(c);
    c.sql += ')';
  }
  void bind(BindContext& b) const {
    left.bind(b);
    right.bind(b);
  }
};

template <ArithmeticOp Op, class L, class R>
struct IsArithmetic<Arithmetic<Op, L, R>> : std::true_type {};

template <class E>
std::optional<std::uint32_t> decimalScale(const E& e) {
  using S = Scalar<typename E::Value>;
  if constexpr (IsColumn<E>::value) {
    if constexpr (std::is_same_v<S, Decimal>) return meta::column<E::member>().type.scale;
    if constexpr (detail::isInteger<S>) return 0u;
    return std::nullopt;
  } else if constexpr (IsArithmetic<E>::value) {
    if constexpr (E::op == ArithmeticOp::Div) {
      return std::nullopt;
    } else {
      std::optional<std::uint32_t> left = decimalScale(e.left);
      std::optional<std::uint32_t> right = decimalScale(e.right);
      if (!left || !right) return std::nullopt;
      return E::op == ArithmeticOp::Mul ? *left + *right : std::max(*left, *right);
    }
  } else if constexpr (std::is_same_v<typename E::Value, Decimal>) {
    return e.value.scale();  // a bound Decimal
  } else if constexpr (detail::isInteger<typename E::Value>) {
    return 0u;
  } else {
    return std::nullopt;
  }
}

// ---- Turning operands into nodes ----

namespace detail {

// An operand as a node: expressions stay, values become parameters of type `As` (the type of
// the expression on the other side, so that 5 next to an Int64 column binds an Int64).
template <class As, class V>
auto operand(V&& value) {
  if constexpr (Expression<V>) {
    return std::remove_cvref_t<V>(std::forward<V>(value));
  } else {
    using Target = Scalar<As>;
    if constexpr (std::is_same_v<Target, Decimal> && isInteger<ValueType<V>>) {
      return Param<Decimal>{Decimal(std::to_string(value))};
    } else if constexpr (isString<Target>) {
      return Param<std::string>{std::string(value)};
    } else {
      return Param<Target>{static_cast<Target>(value)};
    }
  }
}

template <class E>
using ValueOf = typename std::remove_cvref_t<E>::Value;

template <class V>
struct ValueOfOperand {
  using type = ValueType<V>;
};
template <class V>
  requires Expression<V>
struct ValueOfOperand<V> {
  using type = ValueOf<V>;
};

}  // namespace detail

template <class V>
using OperandValue = typename detail::ValueOfOperand<V>::type;

// True when at least one side is a query expression (so plain C++ comparisons are untouched).
template <class L, class R>
concept OneSideIsExpression = (Expression<L> || Expression<R>) && !std::is_same_v<std::remove_cvref_t<R>, std::nullopt_t> &&
                              !std::is_same_v<std::remove_cvref_t<L>, std::nullopt_t>;

template <CompareOp Op, class L, class R>
auto compare(L&& l, R&& r) {
  using LeftValue = OperandValue<L>;
  using RightValue = OperandValue<R>;
  // One sentence per mistake, and only one of them fires.
  constexpr bool json = std::is_same_v<Scalar<LeftValue>, Json> || std::is_same_v<Scalar<RightValue>, Json>;
  constexpr bool lossy = !json && comparable<LeftValue, RightValue> && !operandsFit<L, R>;
  static_assert(!json,
                "ormc: a JSON column cannot be compared: JSON documents have no order and no portable equality "
                "(test it with is_null(), or compare it in raw_query())");
  static_assert(!lossy,
                "ormc: an integer column is not compared with a floating-point value, which would be converted to "
                "an integer; compare it with an integer");
  static_assert(json || lossy || operandsFit<L, R>,
                "ormc: these two cannot be compared: a column is compared only with a value or column of its own "
                "type (numbers with numbers, text with text, a Decimal with a Decimal or an integer)");
  if constexpr (operandsFit<L, R>) {
    auto left = detail::operand<RightValue>(std::forward<L>(l));
    auto right = detail::operand<LeftValue>(std::forward<R>(r));
    return Comparison<Op, decltype(left), decltype(right)>{std::move(left), std::move(right)};
  } else {
    // Refused above; a well-formed stand-in keeps the rest of the statement from adding errors.
    return Comparison<Op, NullLiteral, NullLiteral>{};
  }
}

template <class L, class R>
  requires OneSideIsExpression<L, R>
auto operator==(L&& l, R&& r) {
  return compare<CompareOp::Eq>(std::forward<L>(l), std::forward<R>(r));
}
template <class L, class R>
  requires OneSideIsExpression<L, R>
auto operator!=(L&& l, R&& r) {
  return compare<CompareOp::Ne>(std::forward<L>(l), std::forward<R>(r));
}
template <class L, class R>
  requires OneSideIsExpression<L, R>
auto operator<(L&& l, R&& r) {
  return compare<CompareOp::Lt>(std::forward<L>(l), std::forward<R>(r));
}
template <class L, class R>
  requires OneSideIsExpression<L, R>
auto operator<=(L&& l, R&& r) {
  return compare<CompareOp::Le>(std::forward<L>(l), std::forward<R>(r));
}
template <class L, class R>
  requires OneSideIsExpression<L, R>
auto operator>(L&& l, R&& r) {
  return compare<CompareOp::Gt>(std::forward<L>(l), std::forward<R>(r));
}
template <class L, class R>
  requires OneSideIsExpression<L, R>
auto operator>=(L&& l, R&& r) {
  return compare<CompareOp::Ge>(std::forward<L>(l), std::forward<R>(r));
}

// `column == std::nullopt` is IS NULL, `!=` IS NOT NULL; only for nullable columns.
template <class E>
  requires Expression<E>
auto operator==(E&& e, std::nullopt_t) {
  static_assert(isNullable<typename std::remove_cvref_t<E>::Value>,
                "ormc: this column is required (not nullable), so it is never NULL: comparing it with std::nullopt "
                "is always false");
  return NullTest<std::remove_cvref_t<E>, false>{std::forward<E>(e)};
}
template <class E>
  requires Expression<E>
auto operator!=(E&& e, std::nullopt_t) {
  static_assert(isNullable<typename std::remove_cvref_t<E>::Value>,
                "ormc: this column is required (not nullable), so it is never NULL: comparing it with std::nullopt "
                "is always true");
  return NullTest<std::remove_cvref_t<E>, true>{std::forward<E>(e)};
}

template <class E>
concept Predicate = Expression<E> && std::is_same_v<typename std::remove_cvref_t<E>::Value, bool>;

// && and || take any operands of which one is a query expression, so that a plain value on
// one side (`User.karma > 5 && true`) meets ormc's sentence rather than "no match for operator&&".
template <class L, class R>
  requires OneSideIsExpression<L, R>
auto operator&&(L&& l, R&& r) {
  static_assert(Predicate<L> && Predicate<R>, "ormc: && joins two conditions (comparisons), not values");
  if constexpr (Predicate<L> && Predicate<R>) {
    return Logical<LogicOp::And, std::remove_cvref_t<L>, std::remove_cvref_t<R>>{std::forward<L>(l), std::forward<R>(r)};
  } else {
    return Logical<LogicOp::And, NullLiteral, NullLiteral>{};
  }
}
template <class L, class R>
  requires OneSideIsExpression<L, R>
auto operator||(L&& l, R&& r) {
  static_assert(Predicate<L> && Predicate<R>, "ormc: || joins two conditions (comparisons), not values");
  if constexpr (Predicate<L> && Predicate<R>) {
    return Logical<LogicOp::Or, std::remove_cvref_t<L>, std::remove_cvref_t<R>>{std::forward<L>(l), std::forward<R>(r)};
  } else {
    return Logical<LogicOp::Or, NullLiteral, NullLiteral>{};
  }
}
template <class E>
  requires Expression<E>
auto operator!(E&& e) {
  static_assert(Predicate<E>, "ormc: ! negates a condition (a comparison), not a value");
  return Negation<std::remove_cvref_t<E>>{std::forward<E>(e)};
}

template <ArithmeticOp Op, class L, class R>
auto arithmetic(L&& l, R&& r) {
  using LeftValue = OperandValue<L>;
  using RightValue = OperandValue<R>;
  constexpr bool numeric = detail::isNumber<Scalar<LeftValue>> || std::is_same_v<Scalar<LeftValue>, Decimal>;
  static_assert(numeric, "ormc: arithmetic needs numeric columns (Int32, Int64, Float64, Decimal)");
  static_assert(!numeric || operandsFit<L, R>, "ormc: arithmetic between a number and a value of another type");
  if constexpr (numeric && operandsFit<L, R>) {
    auto left = detail::operand<RightValue>(std::forward<L>(l));
    auto right = detail::operand<LeftValue>(std::forward<R>(r));
    return Arithmetic<Op, decltype(left), decltype(right)>{std::move(left), std::move(right)};
  } else {
    return Arithmetic<Op, Param<std::int64_t>, Param<std::int64_t>>{};  // refused above; no further errors
  }
}

template <class L, class R>
  requires OneSideIsExpression<L, R>
auto operator+(L&& l, R&& r) {
  return arithmetic<ArithmeticOp::Add>(std::forward<L>(l), std::forward<R>(r));
}
template <class L, class R>
  requires OneSideIsExpression<L, R>
auto operator-(L&& l, R&& r) {
  return arithmetic<ArithmeticOp::Sub>(std::forward<L>(l), std::forward<R>(r));
}
template <class L, class R>
  requires OneSideIsExpression<L, R>
auto operator*(L&& l, R&& r) {
  return arithmetic<ArithmeticOp::Mul>(std::forward<L>(l), std::forward<R>(r));
}
template <class L, class R>
  requires OneSideIsExpression<L, R>
auto operator/(L&& l, R&& r) {
  return arithmetic<ArithmeticOp::Div>(std::forward<L>(l), std::forward<R>(r));
}

// ---- Named predicates (free functions; columns also offer them as members) ----

// `e IN (values...)`; an empty range matches nothing.
template <class E, std::ranges::input_range R>
  requires Expression<E>
auto in(const E& e, R&& values) {
  using V = std::ranges::range_value_t<R>;
  using Target = std::conditional_t<detail::isString<Scalar<typename E::Value>>, std::string, Scalar<typename E::Value>>;
  static_assert(acceptsValue<typename E::Value, V>, "ormc: in() takes values of the column's own type");
  InList<E, Target> node{e, {}};
  if constexpr (acceptsValue<typename E::Value, V>) {
    for (auto&& value : values) node.values.push_back(static_cast<Target>(value));
  }
  return node;
}

template <class E, class T>
  requires Expression<E>
auto between(const E& e, const T& low, const T& high) {
  static_assert(acceptsValue<typename E::Value, T>, "ormc: between() takes bounds of the column's own type");
  using Target = Scalar<typename E::Value>;
  return Between<E, Target>{e, detail::operand<Target>(low), detail::operand<Target>(high)};
}

template <class E>
  requires Expression<E>
void requireText() {
  static_assert(detail::isString<Scalar<typename E::Value>>, "ormc: like() and its friends apply to text columns only");
}

// A LIKE pattern as written: % and _ are wildcards (escape them with '!').
template <class E>
  requires Expression<E>
auto like(const E& e, std::string pattern) {
  requireText<E>();
  return Like<E>{e, std::move(pattern)};
}
// Matches text that starts with, contains or ends with `text`, taken literally.
template <class E>
  requires Expression<E>
auto starts_with(const E& e, std::string_view text) {
  requireText<E>();
  return Like<E>{e, escapeLike(text) + "%"};
}
template <class E>
  requires Expression<E>
auto contains(const E& e, std::string_view text) {
  requireText<E>();
  return Like<E>{e, "%" + escapeLike(text) + "%"};
}
template <class E>
  requires Expression<E>
auto ends_with(const E& e, std::string_view text) {
  requireText<E>();
  return Like<E>{e, "%" + escapeLike(text)};
}

template <class E>
  requires Expression<E>
auto is_null(const E& e) {
  static_assert(isNullable<typename E::Value>,
                "ormc: is_null() applies to nullable columns only; this column is required and never NULL");
  return NullTest<E, false>{e};
}
template <class E>
  requires Expression<E>
auto is_not_null(const E& e) {
  static_assert(isNullable<typename E::Value>,
                "ormc: is_not_null() applies to nullable columns only; this column is required and never NULL");
  return NullTest<E, true>{e};
}

// ---- Sort orders ----

template <class E, bool Descending>
struct OrderTerm {
  static constexpr bool isOrderTerm = true;
  static constexpr bool dynamicShape = E::dynamicShape;
  using Entities = typename E::Entities;
  E expression;
  void render(RenderContext& c) const {
    renderOrdered(c, expression);
    if constexpr (Descending) c.sql += " DESC";
  }
  void bind(BindContext& b) const { expression.bind(b); }
};

template <class E>
concept OrderTermType = requires { std::remove_cvref_t<E>::isOrderTerm; };

// What order_by() takes: a column or expression (ascending), or .asc() / .desc() of one.
template <class E>
auto orderTerm(E&& e) {
  if constexpr (OrderTermType<E>) {
    return std::remove_cvref_t<E>(std::forward<E>(e));
  } else {
    static_assert(Expression<E>,
                  "ormc: order_by() takes columns (User.name) or their .asc() / .desc(), not values or strings");
    if constexpr (Expression<E>) {
      return OrderTerm<std::remove_cvref_t<E>, false>{std::forward<E>(e)};
    } else {
      return OrderTerm<NullLiteral, false>{};  // refused above; no further errors
    }
  }
}

// ---- Column members ----

template <auto M>
  requires meta::DataMember<M>
template <std::ranges::input_range R>
auto Column<M>::in(R&& values) const {
  return query::in(*this, std::forward<R>(values));
}
template <auto M>
  requires meta::DataMember<M>
auto Column<M>::in(std::initializer_list<std::conditional_t<std::is_same_v<Scalar<Value>, std::string>, std::string_view, Scalar<Value>>> values) const {
  return query::in(*this, values);
}
template <auto M>
  requires meta::DataMember<M>
template <class T>
auto Column<M>::between(const T& low, const T& high) const {
  return query::between(*this, low, high);
}
template <auto M>
  requires meta::DataMember<M>
auto Column<M>::like(std::string pattern) const {
  return query::like(*this, std::move(pattern));
}
template <auto M>
  requires meta::DataMember<M>
auto Column<M>::starts_with(std::string_view text) const {
  return query::starts_with(*this, text);
}
template <auto M>
  requires meta::DataMember<M>
auto Column<M>::contains(std::string_view text) const {
  return query::contains(*this, text);
}
template <auto M>
  requires meta::DataMember<M>
auto Column<M>::ends_with(std::string_view text) const {
  return query::ends_with(*this, text);
}
template <auto M>
  requires meta::DataMember<M>
auto Column<M>::is_null() const {
  return query::is_null(*this);
}
template <auto M>
  requires meta::DataMember<M>
auto Column<M>::is_not_null() const {
  return query::is_not_null(*this);
}
template <auto M>
  requires meta::DataMember<M>
auto Column<M>::asc() const {
  return OrderTerm<Column, false>{*this};
}
template <auto M>
  requires meta::DataMember<M>
auto Column<M>::desc() const {
  return OrderTerm<Column, true>{*this};
}

}  // namespace ormc::query
