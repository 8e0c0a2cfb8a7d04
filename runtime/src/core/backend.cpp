// The backend-independent half of Connection: the per-connection prepared-statement cache.
#include "ormc/backend.hpp"

#include <string>
#include <utility>

namespace ormc {

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
  // Heterogeneous lookup would avoid this key copy, but unordered_map gets it only in C++20
  // with a transparent hash; compiling a statement costs far more than the copy anyway.
  auto found = cache_.find(std::string(sql));
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
    std::unique_ptr<Statement>& slot = cache_[statement->sql()];
    // The same SQL may be on loan twice (a nested use); keep one, drop the other.
    if (!slot) slot = std::move(statement);
  } catch (...) {
    // Out of memory for the cache entry: dropping the statement only costs a recompile.
  }
}

}  // namespace ormc
