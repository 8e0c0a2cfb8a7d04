// Looking a dialect up by its command-line name. See dialect.hpp.
#include "emit/sql/dialect.hpp"

namespace ormc::emit::sql {

const Dialect* findDialect(std::string_view name) {
  for (const Dialect* dialect : {&sqliteDialect(), &mysqlDialect()}) {
    if (dialect->name() == name) return dialect;
  }
  return nullptr;
}

}  // namespace ormc::emit::sql
