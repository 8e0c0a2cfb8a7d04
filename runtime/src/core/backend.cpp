// The backend-independent half of Statement and Connection: the default DateTime binding and
// the per-connection prepared-statement cache.
#include "ormc/backend.hpp"

#include <string>
#include <utility>

namespace ormc {

void Statement::bindDateTime(int index, DateTime value) { bindText(index, formatDateTime(value)); }

PreparedStatement& PreparedStatement::operator=(PreparedStatement&& other) noexcept {
  if (this == &other) return *this;
  giveBack();
  owner_ = other.owner_;
  statement_ = std::move(other.statement_);
  return *this;
}

PreparedStatement::~PreparedStatement() { giveBack(); }

void PreparedStatement::giveBack() noexcept {
  if (!statement_) return;
  owner_->giveBack(std::move(statement_));
}

PreparedStatement Connection::prepare(std::string_view sql) {
  auto found = cache_.find(sql);
  if (found != cache_.end() && found->second) {
    std::unique_ptr<Statement> statement = std::move(found->second);
    return PreparedStatement(*this, std::move(statement));
  }
  std::unique_ptr<Statement> statement = compile(sql);
  ++preparedCount_;
  return PreparedStatement(*this, std::move(statement));
}

void Connection::giveBack(std::unique_ptr<Statement> statement) noexcept {
  statement->reset();
  try {
    auto found = cache_.find(std::string_view(statement->sql()));
    if (found == cache_.end()) {
      std::string key = statement->sql();
      cache_.emplace(std::move(key), std::move(statement));
    } else if (!found->second) {
      found->second = std::move(statement);
    }
    // Else the same SQL was on loan twice (a nested use): keep one, drop this one.
  } catch (...) {
    // Out of memory for the cache entry: dropping the statement only costs a recompile.
  }
}

}  // namespace ormc
