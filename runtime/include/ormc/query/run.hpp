// Running a SELECT, apart from the query's type: a query hands the runners its statement text
// and its values as a StatementSource, so that the code that prepares, steps and reads is
// instantiated once per owner and row type and shared by every query of that type, not once
// per query (the compile-time budget of docs/benchmarks.md, "Queries").
#pragma once

#include "ormc/backend.hpp"
#include "ormc/crud.hpp"
#include "ormc/query/expression.hpp"
#include "ormc/query/instantiation.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace ormc::query {

enum class SelectMode : std::uint8_t { Rows, Count, Exists };

// A query seen through two functions: its SQL text for a dialect and mode (cached by the
// query's type), and the binding of its values.
struct StatementSource {
  const void* query;
  HashedSql (*sql)(const void* query, const Dialect& dialect, SelectMode mode);
  void (*bind)(const void* query, BindContext& context, SelectMode mode);
};

// The SQL texts of query shapes, rendered once per thread: a shape is a query type, numbered
// once by newQueryShape(), and its variant (dialect, mode, LIMIT, OFFSET, DISTINCT), below
// kShapeVariants. The text is empty until the query renders it and calls seal().
inline constexpr unsigned kShapeVariants = 48;
struct ShapeText {
  std::string sql;
  std::size_t hash = 0;
  StatementMemo memo;
  void seal() noexcept { hash = HashedSql::of(sql).hash; }
  HashedSql hashed() noexcept { return {sql, hash, &memo}; }
};
std::size_t newQueryShape();
ShapeText& shapeText(std::size_t shape, unsigned variant);
// For queries whose text depends on values (IN lists): valid until this thread's next call;
// its memo is never used, since the text changes.
ShapeText& scratchText();

// An UPDATE or DELETE by predicate, seen through two functions: its rendering and its binding.
// Its text is rendered at each call (a write's shape rarely repeats in a loop).
struct WriteSource {
  const void* query;
  void (*render)(const void* query, RenderContext& context);
  void (*bind)(const void* query, BindContext& context);
};

// Renders, prepares, binds and runs the write; returns the number of rows it changed.
std::int64_t executeWrite(Connection& connection, const WriteSource& source);
// The write's SQL text for `dialect`.
std::string renderWrite(const Dialect& dialect, const WriteSource& source);

// Prepares the source's statement on `connection` and binds its values.
PreparedStatement prepareQuery(Connection& connection, const StatementSource& source, SelectMode mode);

namespace run {

// Every row as an entity, read in place in the vector; then the includes, if any. Instantiated
// once per entity, in the generated code's own source file (extern template in its header).
template <Entity T>
std::vector<T> readEntities(Connection& connection, const StatementSource& source, IncludeLoader<T> includes) {
  PreparedStatement statement = prepareQuery(connection, source, SelectMode::Rows);
  std::vector<T> rows;
  while (statement->step()) crud::readRow(*statement, rows.emplace_back(), 0);
  if (includes != nullptr && !rows.empty()) includes(connection, rows);
  return rows;
}

template <class Owner, Entity T>
std::vector<T> entities(Owner& owner, const StatementSource& source, IncludeLoader<T> includes) {
  return owner.withConnection([&](Connection& connection) { return readEntities<T>(connection, source, includes); });
}

// Every row, each read by `read` (a tuple of selected items).
template <class Owner, class Row>
std::vector<Row> rows(Owner& owner, const StatementSource& source, Row (*read)(Statement& statement)) {
  return owner.withConnection([&](Connection& connection) {
    PreparedStatement statement = prepareQuery(connection, source, SelectMode::Rows);
    std::vector<Row> out;
    while (statement->step()) out.push_back(read(*statement));
    return out;
  });
}

template <class Owner>
std::int64_t count(Owner& owner, const StatementSource& source) {
  return owner.withConnection([&](Connection& connection) {
    PreparedStatement statement = prepareQuery(connection, source, SelectMode::Count);
    statement->step();
    return readValue<std::int64_t>(*statement, 0);
  });
}

template <class Owner>
bool exists(Owner& owner, const StatementSource& source) {
  return owner.withConnection([&](Connection& connection) {
    PreparedStatement statement = prepareQuery(connection, source, SelectMode::Exists);
    return statement->step();
  });
}

}  // namespace run
}  // namespace ormc::query
