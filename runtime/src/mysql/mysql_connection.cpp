// ormc::Connection over a Connector/C++ connection, and ormc::mysql::open(), which sets every
// session up the same way (see mysql.hpp for the list and docs/runtime.md for why).
#include "mysql_error.hpp"
#include "mysql_session.hpp"
#include "mysql_sql_text.hpp"
#include "mysql_statement.hpp"

#include "ormc/error.hpp"
#include "ormc/mysql.hpp"

#include <cppconn/connection.h>
#include <cppconn/exception.h>
#include <cppconn/resultset.h>
#include <cppconn/statement.h>
#include <mysql_driver.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdint>
#include <limits>
#include <memory>
#include <mutex>
#include <string>

namespace ormc::mysql {

namespace {

// The session every connection gets. sql_mode: refuse bad data instead of truncating it
// (STRICT_ALL_TABLES also for non-transactional tables), no zero dates, division by zero is an
// error, and no silent fallback to another storage engine. Backslash escapes stay on (docs/ddl.md).
constexpr std::string_view kSessionSetup =
    "SET NAMES utf8mb4 COLLATE utf8mb4_bin, "
    "SESSION sql_mode = 'STRICT_ALL_TABLES,NO_ZERO_DATE,NO_ZERO_IN_DATE,ERROR_FOR_DIVISION_BY_ZERO,"
    "NO_ENGINE_SUBSTITUTION', "
    "SESSION time_zone = '+00:00'";

std::string_view isolationSql(IsolationLevel level) {
  switch (level) {
    case IsolationLevel::ReadCommitted:
      return "SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED";
    case IsolationLevel::RepeatableRead:
      return "SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ";
    case IsolationLevel::Serializable:
      break;
  }
  return "SET SESSION TRANSACTION ISOLATION LEVEL SERIALIZABLE";
}

class MysqlConnection final : public Connection {
 public:
  explicit MysqlConnection(std::unique_ptr<sql::Connection> connection) : connection_(std::move(connection)) {
    try {
      text_.reset(connection_->createStatement());
    } catch (const sql::SQLException& error) {
      throwError(error, {});
    }
  }

  ~MysqlConnection() override {
    clearStatementCache();  // statements before the connection they were prepared on
    text_.reset();
    try {
      connection_->close();
    } catch (...) {
      // Closing a connection the server already dropped; nothing left to free on its side.
    }
  }

  void doExecute(std::string_view script) override {
    for (std::string_view statement : splitStatements(script)) run(statement);
  }

  void begin(TransactionMode mode) override {
    // START TRANSACTION inside a transaction would commit it silently; refuse instead.
    if (session_.inTransaction) {
      throw DatabaseError("ormc: mysql: begin() while a transaction is open", 0, "START TRANSACTION");
    }
    run(mode == TransactionMode::Read ? "START TRANSACTION READ ONLY" : "START TRANSACTION");
  }

  void commit() override { run("COMMIT"); }

  void rollback() override {
    if (!session_.inTransaction) return;  // e.g. the server rolled back after a deadlock
    run("ROLLBACK");
  }

  bool inTransaction() const noexcept override { return session_.inTransaction; }

  void savepoint(std::string_view name) override { run("SAVEPOINT " + kMysqlDialect.quoteIdentifier(name)); }
  void releaseSavepoint(std::string_view name) override {
    run("RELEASE SAVEPOINT " + kMysqlDialect.quoteIdentifier(name));
  }
  void rollbackToSavepoint(std::string_view name) override {
    run("ROLLBACK TO SAVEPOINT " + kMysqlDialect.quoteIdentifier(name));
  }

  // Asks the server only after an INSERT ran, so reading it twice costs one round trip. If
  // the question fails (connection lost), the last known value is the answer: the contract
  // does not allow throwing, and the next statement will report the lost connection.
  std::int64_t lastInsertId() const noexcept override {
    if (!session_.insertIdStale) return session_.insertId;
    try {
      std::unique_ptr<sql::ResultSet> result(text_->executeQuery("SELECT LAST_INSERT_ID()"));
      if (result->next()) session_.insertId = result->getInt64(1);
      session_.insertIdStale = false;
    } catch (...) {
      // See above.
    }
    return session_.insertId;
  }

  std::int64_t changes() const noexcept override { return session_.changes; }

  void setIsolationLevel(IsolationLevel level) override {
    run(isolationSql(level));
    isolation_ = level;
  }
  IsolationLevel isolationLevel() const noexcept override { return isolation_; }

  const Dialect& dialect() const noexcept override { return kMysqlDialect; }

  // mysql_ping: fails at once on a connection the server closed (KILL, wait_timeout, restart).
  bool alive() noexcept override {
    try {
      return !connection_->isClosed() && connection_->isValid();
    } catch (...) {
      return false;
    }
  }

  // Runs one statement through the text protocol (no prepare round trip), discarding rows.
  void run(std::string_view sql) {
    const SqlKind kind = classify(sql);
    try {
      if (text_->execute(sql::SQLString(sql.data(), sql.size()))) {
        std::unique_ptr<sql::ResultSet> discarded(text_->getResultSet());
        session_.afterStatement(kind, -1);
        return;
      }
      std::uint64_t affected = text_->getUpdateCount();
      session_.afterStatement(kind, affected > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())
                                        ? -1
                                        : static_cast<std::int64_t>(affected));
    } catch (const sql::SQLException& error) {
      session_.afterError(error.getErrorCode());
      throwError(error, sql);
    }
  }

 protected:
  std::unique_ptr<Statement> compile(std::string_view sql) override {
    return std::make_unique<MysqlStatement>(*connection_, sql, session_);
  }

 private:
  std::unique_ptr<sql::Connection> connection_;
  std::unique_ptr<sql::Statement> text_;  // for execute(), transactions and LAST_INSERT_ID()
  mutable Session session_;               // lastInsertId() refreshes it
  IsolationLevel isolation_ = IsolationLevel::RepeatableRead;
};

// The driver singleton. Its first creation is not thread-safe in Connector/C++ 1.1, and pools
// open connections from many threads.
sql::mysql::MySQL_Driver& driverInstance() {
  static std::once_flag once;
  static sql::mysql::MySQL_Driver* driver = nullptr;
  std::call_once(once, [] { driver = sql::mysql::get_mysql_driver_instance(); });
  return *driver;
}

// A URL option in whole seconds, or `fallback`; throws InvalidUrl if it is not a number.
int secondsOption(const DatabaseUrl& url, std::string_view key, std::chrono::seconds fallback) {
  std::string text = url.option(key);
  if (text.empty()) return static_cast<int>(std::min<std::int64_t>(fallback.count(), std::numeric_limits<int>::max()));
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < 0) {
    throw InvalidUrl("invalid database URL '" + url.redacted() + "': option '" + std::string(key) +
                     "' must be a number of seconds");
  }
  return value;
}

void checkOptions(const DatabaseUrl& url) {
  for (const auto& [key, value] : url.options) {
    if (key == "connect_timeout" || key == "read_timeout" || key == "write_timeout") continue;
    throw InvalidUrl("invalid database URL '" + url.redacted() + "': unknown option '" + key +
                     "' (MySQL takes socket, connect_timeout, read_timeout, write_timeout)");
  }
}

// `message` with every occurrence of `secret` replaced: the server never echoes a password,
// but a driver message is not ours to trust.
std::string hide(std::string message, const std::string& secret) {
  if (secret.empty()) return message;
  for (std::size_t at = message.find(secret); at != std::string::npos; at = message.find(secret, at + 3)) {
    message.replace(at, secret.size(), "***");
  }
  return message;
}

}  // namespace

std::unique_ptr<Connection> open(const DatabaseUrl& url, const Options& options) {
  if (url.backend != Backend::Mysql) {
    throw InvalidUrl("ormc::mysql::open needs a mysql:// URL, not '" + url.redacted() + "'");
  }
  checkOptions(url);

  sql::ConnectOptionsMap settings;
  if (!url.socket.empty()) {
    settings["hostName"] = sql::SQLString("unix://" + url.socket);
  } else {
    const bool ipv6 = url.host.find(':') != std::string::npos;
    settings["hostName"] = sql::SQLString("tcp://" + (ipv6 ? "[" + url.host + "]" : url.host));
    settings["port"] = static_cast<int>(url.port);
  }
  settings["userName"] = sql::SQLString(url.user);
  settings["password"] = sql::SQLString(url.password);
  settings["schema"] = sql::SQLString(url.database);
  // The 4-byte UTF-8 of the whole of Unicode; the server's `utf8` stops at U+FFFF.
  settings["OPT_CHARSET_NAME"] = sql::SQLString("utf8mb4");
  // UPDATE reports matched rows, as SQLite does: setting a column to its current value is one
  // changed row, which optimistic locking and "not found" checks rely on.
  settings["CLIENT_FOUND_ROWS"] = true;
  // A silent reconnect would drop session settings and an open transaction without a word;
  // pools replace dead connections instead (alive()).
  settings["OPT_RECONNECT"] = false;
  settings["OPT_CONNECT_TIMEOUT"] = secondsOption(url, "connect_timeout", options.connectTimeout);
  if (int read = secondsOption(url, "read_timeout", options.readTimeout); read > 0) settings["OPT_READ_TIMEOUT"] = read;
  if (int write = secondsOption(url, "write_timeout", options.writeTimeout); write > 0) {
    settings["OPT_WRITE_TIMEOUT"] = write;
  }

  std::unique_ptr<sql::Connection> raw;
  try {
    raw.reset(driverInstance().connect(settings));
  } catch (const sql::SQLException& error) {
    const int code = error.getErrorCode();
    throw ConnectionError("ormc: mysql: cannot connect to " + url.redacted() + " as user '" + url.user +
                              "': " + hide(error.what(), url.password) + " (error " + std::to_string(code) + ")",
                          code);
  }
  if (!raw) throw ConnectionError("ormc: mysql: cannot connect to " + url.redacted() + ": no connection", 0);

  auto connection = std::make_unique<MysqlConnection>(std::move(raw));
  connection->run(kSessionSetup);
  connection->setIsolationLevel(IsolationLevel::RepeatableRead);
  return connection;
}

}  // namespace ormc::mysql
