// The raw SQL escape hatch (db.raw_query / db.raw_execute): hand-written SQL text whose values
// are still bound, and whose rows are mapped to an entity, a tuple or a single value. The
// only public API that takes SQL text; its name says so.
#pragma once

#include "ormc/backend.hpp"
#include "ormc/crud.hpp"
#include "ormc/meta.hpp"
#include "ormc/value_codec.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

namespace ormc::query {

namespace detail {

template <class T>
inline constexpr bool isTuple = false;
template <class... Ts>
inline constexpr bool isTuple<std::tuple<Ts...>> = true;

template <class Row>
Row readRawRow(Statement& statement) {
  if constexpr (Entity<Row>) {
    Row row{};
    crud::readRow(statement, row, 0);
    return row;
  } else if constexpr (isTuple<Row>) {
    return [&]<std::size_t... I>(std::index_sequence<I...>) {
      return Row{readValue<std::tuple_element_t<I, Row>>(statement, static_cast<int>(I))...};
    }(std::make_index_sequence<std::tuple_size_v<Row>>{});
  } else {
    static_assert(Storable<Row>, "ormc: raw_query<Row>: Row is a generated entity, a std::tuple or a storable value");
    return readValue<Row>(statement, 0);
  }
}

template <class... Params>
void bindAll(Statement& statement, const Params&... params) {
  int index = 1;
  (bindValue(statement, index++, params), ...);
}

}  // namespace detail

template <class Row, class... Params>
std::vector<Row> rawQuery(Connection& connection, std::string_view sql, const Params&... params) {
  PreparedStatement statement = connection.prepare(sql);
  detail::bindAll(*statement, params...);
  std::vector<Row> rows;
  while (statement->step()) rows.push_back(detail::readRawRow<Row>(*statement));
  return rows;
}

template <class... Params>
std::int64_t rawExecute(Connection& connection, std::string_view sql, const Params&... params) {
  PreparedStatement statement = connection.prepare(sql);
  detail::bindAll(*statement, params...);
  while (statement->step()) {
  }
  return connection.changes();
}

}  // namespace ormc::query
