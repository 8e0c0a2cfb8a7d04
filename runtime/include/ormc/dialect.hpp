// What the runtime needs to know about a database's SQL spelling: how to quote an identifier,
// which column type a metadata SqlType means, how many parameters one statement may bind, and
// which upsert form it speaks. A plain value: code above the backend interface asks it instead
// of asking which backend it talks to.
#pragma once

#include "ormc/meta.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace ormc {

enum class DialectKind : std::uint8_t { Sqlite, Mysql };

class Dialect {
 public:
  constexpr explicit Dialect(DialectKind kind) noexcept : kind_(kind) {}

  constexpr DialectKind kind() const noexcept { return kind_; }
  // "sqlite" or "mysql", as in URLs and `ormc ddl --dialect`.
  constexpr std::string_view name() const noexcept { return kind_ == DialectKind::Sqlite ? "sqlite" : "mysql"; }

  // Appends `name` as one identifier: "x" with '"' doubled (SQLite), `x` with '`' doubled
  // (MySQL), the same rule as the DDL emitter, so any name is safe in SQL text.
  void appendIdentifier(std::string& out, std::string_view name) const {
    const char quote = kind_ == DialectKind::Sqlite ? '"' : '`';
    out += quote;
    for (char c : name) {
      if (c == quote) out += quote;
      out += c;
    }
    out += quote;
  }
  std::string quoteIdentifier(std::string_view name) const {
    std::string out;
    appendIdentifier(out, name);
    return out;
  }

  // The column type this database's DDL spells for `type`.
  constexpr std::string_view sqlType(const meta::SqlType& type) const noexcept {
    return kind_ == DialectKind::Sqlite ? type.sqlite : type.mysql;
  }

  // The most parameters one statement may bind: SQLITE_MAX_VARIABLE_NUMBER's default since
  // SQLite 3.32 (32766), and the 16-bit count of MySQL's binary protocol (65535).
  constexpr std::size_t maxParameters() const noexcept { return kind_ == DialectKind::Sqlite ? 32766 : 65535; }

  friend constexpr bool operator==(const Dialect&, const Dialect&) noexcept = default;

 private:
  DialectKind kind_;
};

inline constexpr Dialect kSqliteDialect{DialectKind::Sqlite};
inline constexpr Dialect kMysqlDialect{DialectKind::Mysql};

}  // namespace ormc
