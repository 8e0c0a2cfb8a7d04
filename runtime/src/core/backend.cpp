// The backend-independent half of Statement and Connection: the default DateTime binding and
// the per-connection prepared-statement cache.
#include "ormc/backend.hpp"

#include <atomic>

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace ormc {

namespace {

constexpr std::size_t kDateTimeTextSize = 27;  // "YYYY-MM-DDTHH:MM:SS.ffffffZ"

void putDigits(char* out, unsigned value, int width) {
  for (int i = width - 1; i >= 0; --i) {
    out[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
}

// formatDateTime()'s text for the years 0000-9999, without snprintf or a heap allocation (a
// bulk insert binds one per row); false for other years, which formatDateTime() spells.
bool formatDateTimeText(DateTime value, char (&out)[kDateTimeTextSize]) {
  const auto day = std::chrono::floor<std::chrono::days>(value);
  const std::chrono::year_month_day date{day};
  const int year = static_cast<int>(date.year());
  if (year < 0 || year > 9999) return false;
  const auto micros = static_cast<std::uint64_t>((value - day).count());  // 0 .. one day
  const auto seconds = static_cast<unsigned>(micros / 1'000'000);
  putDigits(out, static_cast<unsigned>(year), 4);
  out[4] = '-';
  putDigits(out + 5, static_cast<unsigned>(date.month()), 2);
  out[7] = '-';
  putDigits(out + 8, static_cast<unsigned>(date.day()), 2);
  out[10] = 'T';
  putDigits(out + 11, seconds / 3600, 2);
  out[13] = ':';
  putDigits(out + 14, seconds / 60 % 60, 2);
  out[16] = ':';
  putDigits(out + 17, seconds % 60, 2);
  out[19] = '.';
  putDigits(out + 20, static_cast<unsigned>(micros % 1'000'000), 6);
  out[26] = 'Z';
  return true;
}

}  // namespace

void Statement::bindDateTime(int index, DateTime value) {
  char text[kDateTimeTextSize];
  if (formatDateTimeText(value, text)) {
    bindText(index, std::string_view(text, kDateTimeTextSize));  // bindText copies it
    return;
  }
  bindText(index, formatDateTime(value));
}

PreparedStatement& PreparedStatement::operator=(PreparedStatement&& other) noexcept {
  if (this == &other) return *this;
  giveBack();
  owner_ = other.owner_;
  statement_ = std::move(other.statement_);
  slot_ = std::exchange(other.slot_, nullptr);
  return *this;
}

PreparedStatement::~PreparedStatement() { giveBack(); }

void PreparedStatement::giveBack() noexcept {
  if (!statement_) return;
  owner_->giveBack(std::move(statement_), slot_);
}

namespace {

// Times `run` and reports it to `hook` as `sql`, also when it throws.
template <class F>
auto reported(const StatementHook& hook, std::string_view sql, F&& run) {
  const auto start = std::chrono::steady_clock::now();
  auto report = [&](bool failed) {
    hook(StatementEvent{sql, std::chrono::steady_clock::now() - start, failed});
  };
  try {
    if constexpr (std::is_void_v<decltype(run())>) {
      run();
      report(false);
    } else {
      auto result = run();
      report(false);
      return result;
    }
  } catch (...) {
    report(true);
    throw;
  }
}

}  // namespace

bool Statement::stepReported() {
  executed_ = true;
  return reported(*hook_, sql(), [&] { return doStep(); });
}

void Connection::execute(std::string_view sql) {
  if (hook_ == nullptr || !*hook_) {
    doExecute(sql);
    return;
  }
  reported(*hook_, sql, [&] { doExecute(sql); });
}

namespace {
std::atomic<std::uint64_t> connectionCount{0};
}  // namespace

Connection::Connection() : id_(connectionCount.fetch_add(1, std::memory_order_relaxed) + 1) {}

PreparedStatement Connection::prepare(HashedSql sql) {
  // Cache nodes live as long as the connection, so a memo of this connection's still points
  // into its cache; the slot is empty while the statement is on loan.
  std::unique_ptr<Statement>* slot = nullptr;
  if (sql.memo != nullptr && sql.memo->connection == id_) {
    slot = sql.memo->slot;
  } else if (auto found = cache_.find(sql); found != cache_.end()) {
    slot = &found->second;
    if (sql.memo != nullptr) *sql.memo = StatementMemo{id_, slot};
  }
  if (slot != nullptr && *slot) {
    std::unique_ptr<Statement> statement = std::move(*slot);
    statement->hook_ = hook_.get();
    return PreparedStatement(*this, std::move(statement), slot);
  }
  std::unique_ptr<Statement> statement = compile(sql.text);
  statement->hook_ = hook_.get();
  ++preparedCount_;
  return PreparedStatement(*this, std::move(statement));
}

void Connection::giveBack(std::unique_ptr<Statement> statement, std::unique_ptr<Statement>* slot) noexcept {
  statement->reset();
  if (slot != nullptr && !*slot) {
    *slot = std::move(statement);
    return;
  }
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
