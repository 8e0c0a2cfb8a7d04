// ormc::Statement over a sqlite3_stmt.
#pragma once

#include "ormc/backend.hpp"

#include <sqlite3.h>

#include <memory>
#include <string>

namespace ormc::sqlite {

class SqliteStatement final : public Statement {
 public:
  // Compiles `sql` on `db`; throws the mapped ormc::Error on failure.
  SqliteStatement(sqlite3* db, std::string_view sql);

  const std::string& sql() const noexcept override { return sql_; }
  void bindNull(int index) override;
  void bindBool(int index, bool value) override;
  void bindInt64(int index, std::int64_t value) override;
  void bindDouble(int index, double value) override;
  void bindText(int index, std::string_view value) override;
  void bindBlob(int index, std::span<const std::uint8_t> value) override;
  bool doStep() override;
  int columnCount() const noexcept override;
  bool isNull(int column) override;
  std::int64_t columnInt64(int column) override;
  double columnDouble(int column) override;
  std::string_view columnText(int column) override;
  std::span<const std::uint8_t> columnBlob(int column) override;
  void doReset() noexcept override;

 private:
  // Throws the mapped error if a bind call did not return SQLITE_OK.
  void checkBind(int rc) const;

  sqlite3* db_;
  std::string sql_;
  std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)> handle_{nullptr, &sqlite3_finalize};
};

}  // namespace ormc::sqlite
