// What both translation units of the query compile-time benchmark hold (see
// bench/run_query_compile_bench.sh and docs/benchmarks.md, "Queries"): the generated code of
// schemas/shop.orm, the runtime's Database, and a little CRUD so that both instantiate the
// same entity code. queries_with.cpp adds 50 typed queries on top; queries_without.cpp nothing.
#pragma once

#include "shop.orm.hpp"

#include <ormc/database.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace shopbench {

using namespace acme::shop;

inline std::int64_t baseline(ormc::Database& db) {
  db.create_all<Schema>();
  Customer c{};
  c.email = "ada@example.com";
  c.firstName = "Ada";
  c.lastName = "Lovelace";
  db.insert(c);
  std::optional<Customer> found = db.find<Customer>(c.id);
  return found ? found->id : 0;
}

}  // namespace shopbench
