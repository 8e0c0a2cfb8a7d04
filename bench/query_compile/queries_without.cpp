// The query compile-time benchmark's baseline: the shop schema's generated code and the
// runtime, no typed query (bench/run_query_compile_bench.sh compiles it beside queries_with.cpp).
#include "common.hpp"

int main() {
  auto db = ormc::Database::open("sqlite::memory:");
  return shopbench::baseline(db) == 1 ? 0 : 1;
}
