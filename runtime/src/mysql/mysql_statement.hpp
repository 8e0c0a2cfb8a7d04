// ormc::Statement over a Connector/C++ server-side prepared statement. The first step()
// executes; a statement with result columns is read into client memory then (the driver's
// buffered mode), so other statements may run on the connection while its rows are read.
#pragma once

#include "mysql_session.hpp"
#include "mysql_sql_text.hpp"

#include "ormc/backend.hpp"

#include <istream>
#include <memory>
#include <streambuf>
#include <string>
#include <vector>

namespace sql {
class Connection;
class PreparedStatement;
class ResultSet;
class ResultSetMetaData;
}  // namespace sql

namespace ormc::mysql {

// Bytes of one bound blob and an std::istream reading them: the driver takes a blob as a
// stream pointer that it reads at execute time, so both must live as long as the binding.
class BlobParameter {
 public:
  BlobParameter() : stream_(&buffer_) {}
  BlobParameter(const BlobParameter&) = delete;
  BlobParameter& operator=(const BlobParameter&) = delete;

  // Copies `bytes` and rewinds the stream to their start.
  void assign(std::span<const std::uint8_t> bytes);
  // Frees the bytes (a cached statement should not keep a large blob alive).
  void clear() noexcept;
  std::istream& stream() noexcept { return stream_; }

 private:
  struct Buffer : std::streambuf {
    void point(std::string& bytes) { setg(bytes.data(), bytes.data(), bytes.data() + bytes.size()); }
  };
  std::string bytes_;
  Buffer buffer_;
  std::istream stream_;
};

class MysqlStatement final : public Statement {
 public:
  // Prepares `sql` on `connection`; throws the mapped ormc::Error if the server refuses it.
  // `session` (the owning connection's) is updated after every run.
  MysqlStatement(sql::Connection& connection, std::string_view sql, Session& session);
  ~MysqlStatement() override;

  const std::string& sql() const noexcept override { return sql_; }
  void bindNull(int index) override;
  void bindBool(int index, bool value) override;
  void bindInt64(int index, std::int64_t value) override;
  void bindDouble(int index, double value) override;
  void bindText(int index, std::string_view value) override;
  void bindBlob(int index, std::span<const std::uint8_t> value) override;
  // Binds "YYYY-MM-DD HH:MM:SS.ffffff": DATETIME(6) in strict mode refuses the 'T'/'Z' form.
  void bindDateTime(int index, DateTime value) override;
  bool doStep() override;
  int columnCount() const noexcept override { return columnCount_; }
  bool isNull(int column) override;
  std::int64_t columnInt64(int column) override;
  double columnDouble(int column) override;
  std::string_view columnText(int column) override;
  std::span<const std::uint8_t> columnBlob(int column) override;
  void doReset() noexcept override;

 private:
  enum class State { Ready, Rows, Done };

  // Runs the statement: unbound parameters become NULL, then executeQuery or executeUpdate.
  void execute();
  // Takes the column count and types from `meta`: again after every execution, because the
  // server re-prepares a cached statement whose tables changed (DROP and CREATE under the same
  // name), and the types may change with it.
  void readColumnTypes(sql::ResultSetMetaData& meta);
  // Records that parameter `index` was bound, after the driver accepted it.
  void markBound(int index);
  // Reads column `column` of the current row as text into its buffer.
  std::string_view readText(int column);
  // Runs `call` on the driver: a driver exception becomes the mapped ormc::Error.
  template <typename Call>
  auto driver(Call&& call) -> decltype(call());
  // Throws DatabaseError "ormc: mysql: <message> in SQL: <sql>".
  [[noreturn]] void fail(const std::string& message);
  // Throws unless a row is current and `column` is one of its columns.
  void checkColumn(int column);

  Session& session_;
  std::string sql_;
  SqlKind kind_;
  std::vector<std::unique_ptr<BlobParameter>> blobs_;  // by 0-based parameter; before statement_
  std::unique_ptr<sql::PreparedStatement> statement_;
  std::unique_ptr<sql::ResultSet> result_;             // after statement_: destroyed first
  std::vector<char> bound_;                            // by 0-based parameter
  std::vector<int> columnTypes_;                       // sql::DataType by 0-based column
  std::vector<std::string> texts_;                     // columnText() buffers by column
  int columnCount_ = 0;
  State state_ = State::Ready;
};

}  // namespace ormc::mysql
