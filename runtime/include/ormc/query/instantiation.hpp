// The query templates whose instances for a schema are compiled once, in the schema's
// generated source file, and only declared (`extern template`) in its generated header: the
// code that reads entities and loads relations is the same for every query, so every file
// that runs queries links it instead of compiling its own (docs/generated-code.md). Declared
// here, without their definitions, so that the generated header stays light.
#pragma once

#include "ormc/meta.hpp"

#include <vector>

namespace ormc {
class Connection;
}

namespace ormc::query {

struct StatementSource;

namespace run {

template <Entity T>
using IncludeLoader = void (*)(Connection& connection, std::vector<T>& rows);

// Defined in ormc/query/run.hpp.
template <Entity T>
std::vector<T> readEntities(Connection& connection, const StatementSource& source, IncludeLoader<T> includes);

}  // namespace run

// Defined in ormc/query/include.hpp.
template <class R>
std::vector<typename R::Target*> loadRelation(Connection& connection, const std::vector<typename R::Entity*>& parents);

}  // namespace ormc::query
