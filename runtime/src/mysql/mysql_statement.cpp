// Binding, running and reading through Connector/C++ 1.1. Driver exceptions become ormc errors
// here; text and blobs are copied (callers bind temporaries); reads are copied into per-column
// buffers so that the views columnText() returns stay valid until the next step().
#include "mysql_statement.hpp"

#include "mysql_error.hpp"

#include "ormc/error.hpp"

#include <cppconn/connection.h>
#include <cppconn/datatype.h>
#include <cppconn/exception.h>
#include <cppconn/parameter_metadata.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <cppconn/resultset_metadata.h>

#include <charconv>
#include <cmath>

namespace ormc::mysql {

void BlobParameter::assign(std::span<const std::uint8_t> bytes) {
  if (bytes.empty()) {
    bytes_.clear();  // an empty span may have a null data pointer
  } else {
    bytes_.assign(reinterpret_cast<const char*>(bytes.data()), bytes.size());
  }
  buffer_.point(bytes_);
  stream_.clear();
}

void BlobParameter::clear() noexcept {
  std::string().swap(bytes_);
  buffer_.point(bytes_);
  stream_.clear();
}

MysqlStatement::MysqlStatement(sql::Connection& connection, std::string_view sql, Session& session)
    : session_(session), sql_(sql), kind_(classify(sql)) {
  try {
    statement_.reset(connection.prepareStatement(sql::SQLString(sql_)));
    bound_.assign(statement_->getParameterMetaData()->getParameterCount(), 0);
    blobs_.resize(bound_.size());
    readColumnTypes(*statement_->getMetaData());
  } catch (const sql::SQLException& error) {
    session_.afterError(error.getErrorCode());
    throwError(error, sql_);
  }
}

MysqlStatement::~MysqlStatement() = default;

void MysqlStatement::readColumnTypes(sql::ResultSetMetaData& meta) {
  columnCount_ = static_cast<int>(meta.getColumnCount());
  columnTypes_.clear();
  for (int column = 1; column <= columnCount_; ++column) {
    columnTypes_.push_back(meta.getColumnType(static_cast<unsigned>(column)));
  }
  texts_.resize(static_cast<std::size_t>(columnCount_));
}

void MysqlStatement::fail(const std::string& message) {
  throw DatabaseError("ormc: mysql: " + message + " in SQL: " + sql_, 0, sql_);
}

void MysqlStatement::checkColumn(int column) {
  if (state_ != State::Rows) fail("no current row (step() first)");
  if (column < 0 || column >= columnCount_) fail("no column " + std::to_string(column));
}

void MysqlStatement::markBound(int index) { bound_[static_cast<std::size_t>(index - 1)] = 1; }

template <typename Call>
auto MysqlStatement::driver(Call&& call) -> decltype(call()) {
  try {
    return call();
  } catch (const sql::SQLException& error) {
    session_.afterError(error.getErrorCode());
    throwError(error, sql_);
  }
}

void MysqlStatement::bindNull(int index) {
  driver([&] { statement_->setNull(static_cast<unsigned>(index), sql::DataType::SQLNULL); });
  markBound(index);
}

void MysqlStatement::bindBool(int index, bool value) {
  driver([&] { statement_->setBoolean(static_cast<unsigned>(index), value); });
  markBound(index);
}

void MysqlStatement::bindInt64(int index, std::int64_t value) {
  driver([&] { statement_->setInt64(static_cast<unsigned>(index), value); });
  markBound(index);
}

void MysqlStatement::bindDouble(int index, double value) {
  // MySQL has no NaN; SQLite would store NULL. Refuse it the same way on both.
  if (std::isnan(value)) {
    throw ValueError("ormc: cannot bind NaN (parameter " + std::to_string(index) + ") in SQL: " + sql_, 0, sql_);
  }
  driver([&] { statement_->setDouble(static_cast<unsigned>(index), value); });
  markBound(index);
}

void MysqlStatement::bindText(int index, std::string_view value) {
  const char* data = value.data() != nullptr ? value.data() : "";
  driver([&] { statement_->setString(static_cast<unsigned>(index), sql::SQLString(data, value.size())); });
  markBound(index);
}

void MysqlStatement::bindBlob(int index, std::span<const std::uint8_t> value) {
  if (index < 1 || static_cast<std::size_t>(index) > blobs_.size()) {
    fail("no parameter " + std::to_string(index));
  }
  std::unique_ptr<BlobParameter>& blob = blobs_[static_cast<std::size_t>(index - 1)];
  if (!blob) blob = std::make_unique<BlobParameter>();
  blob->assign(value);
  driver([&] { statement_->setBlob(static_cast<unsigned>(index), &blob->stream()); });
  markBound(index);
}

void MysqlStatement::bindDateTime(int index, DateTime value) {
  std::string text = formatDateTime(value);
  if (text.size() == 27 && text[10] == 'T' && text.back() == 'Z') {  // else the server says what is wrong
    text[10] = ' ';
    text.pop_back();
  }
  bindText(index, text);
}

void MysqlStatement::execute() {
  try {
    for (std::size_t i = 0; i < bound_.size(); ++i) {
      if (!bound_[i]) statement_->setNull(static_cast<unsigned>(i + 1), sql::DataType::SQLNULL);
    }
    if (columnCount_ > 0) {
      result_.reset(statement_->executeQuery());
      readColumnTypes(*result_->getMetaData());
      session_.afterStatement(kind_, -1);
      return;
    }
    int affected = statement_->executeUpdate();
    session_.afterStatement(kind_, affected);
  } catch (const sql::SQLException& error) {
    state_ = State::Done;
    session_.afterError(error.getErrorCode());
    throwError(error, sql_);
  }
}

bool MysqlStatement::doStep() {
  if (state_ == State::Done) return false;
  if (state_ == State::Ready) {
    execute();
    if (!result_) {
      state_ = State::Done;
      return false;
    }
    state_ = State::Rows;
  }
  if (driver([&] { return result_->next(); })) return true;
  state_ = State::Done;
  result_.reset();
  return false;
}

bool MysqlStatement::isNull(int column) {
  checkColumn(column);
  return driver([&] { return result_->isNull(static_cast<unsigned>(column + 1)); });
}

std::int64_t MysqlStatement::columnInt64(int column) {
  checkColumn(column);
  return driver([&] { return result_->getInt64(static_cast<unsigned>(column + 1)); });
}

double MysqlStatement::columnDouble(int column) {
  checkColumn(column);
  return static_cast<double>(driver([&] { return result_->getDouble(static_cast<unsigned>(column + 1)); }));
}

std::string_view MysqlStatement::readText(int column) {
  checkColumn(column);
  const auto slot = static_cast<std::size_t>(column);
  const auto index = static_cast<unsigned>(column + 1);
  std::string& text = texts_[slot];
  const int type = columnTypes_[slot];
  if (type == sql::DataType::DOUBLE || type == sql::DataType::REAL) {
    // The driver formats with "%f", which drops digits; the shortest exact form instead.
    const auto value = static_cast<double>(driver([&] { return result_->getDouble(index); }));
    if (value == 0.0 && isNull(column)) {
      // NULL reads as empty text, as it does on SQLite, never as "0".
      text.clear();
      return text;
    }
    char buffer[32];
    auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
    text.assign(buffer, error == std::errc() ? end : buffer);
    return text;
  }
  text = driver([&] { return result_->getString(index).asStdString(); });
  if (type == sql::DataType::DATE) {
    // Connector/C++ 1.1 prints a DATE's year with "%02d" (year 1 comes out "01-01-01"); pad it
    // to the four digits of YYYY-MM-DD.
    std::size_t dash = text.find('-');
    if (dash != std::string::npos && dash < 4) text.insert(0, 4 - dash, '0');
  }
  return text;
}

std::string_view MysqlStatement::columnText(int column) { return readText(column); }

std::span<const std::uint8_t> MysqlStatement::columnBlob(int column) {
  std::string_view bytes = readText(column);
  return {reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()};
}

void MysqlStatement::doReset() noexcept {
  try {
    result_.reset();
  } catch (...) {
    // Closing a buffered result frees memory only; nothing to report.
  }
  state_ = State::Ready;
  std::fill(bound_.begin(), bound_.end(), 0);
  for (std::unique_ptr<BlobParameter>& blob : blobs_) {
    if (blob) blob->clear();
  }
}

}  // namespace ormc::mysql
