// MySQL error numbers -> ormc exceptions. The number decides the class; names are parsed from
// the server's English messages, whose shapes have been stable across MySQL 5.7/8 and MariaDB:
//   1062  Duplicate entry '1' for key 'PRIMARY'          (MySQL 8: 'table.key')
//   1451/1452  ... a foreign key constraint fails (`db`.`child`, CONSTRAINT `fk` FOREIGN KEY ...)
//   1048  Column 'code' cannot be null     1364  Field 'code' doesn't have a default value
//   4025  CONSTRAINT `ck` failed for `db`.`t`     3819  Check constraint 'ck' is violated.
#include "mysql_error.hpp"

#include "ormc/error.hpp"

#include <cppconn/exception.h>

namespace ormc::mysql {

namespace {

constexpr std::size_t npos = std::string_view::npos;

// The text between `open` and the last `close` after it, or empty if either is missing.
std::string between(std::string_view message, std::string_view open, std::string_view close) {
  std::size_t start = message.find(open);
  if (start == npos) return {};
  start += open.size();
  std::size_t end = message.rfind(close);
  if (end == npos || end < start) return {};
  return std::string(message.substr(start, end - start));
}

// A `quoted` name with its doubled backticks undone.
std::string unquoteBackticks(std::string name) {
  std::string out;
  out.reserve(name.size());
  for (std::size_t i = 0; i < name.size(); ++i) {
    out += name[i];
    if (name[i] == '`' && i + 1 < name.size() && name[i + 1] == '`') ++i;
  }
  return out;
}

// MySQL 8 names a unique key 'table.key', MariaDB and MySQL 5.7 just 'key'. ormc's names never
// hold a '.', so the part after the last one is the key.
std::string uniqueKeyName(std::string_view message) {
  std::string key = between(message, "for key '", "'");
  std::size_t dot = key.rfind('.');
  return dot == std::string::npos ? key : key.substr(dot + 1);
}

std::string constraintName(int code, std::string_view message) {
  switch (code) {
    case kErDuplicateEntry:
    case kErDuplicateEntryWithKeyName:
      return uniqueKeyName(message);
    case kErRowIsReferenced:
    case kErNoReferencedRow:
      return unquoteBackticks(between(message, "CONSTRAINT `", "` FOREIGN KEY"));
    case kErBadNull:
      return between(message, "Column '", "' cannot be null");
    case kErNoDefaultForField:
      return between(message, "Field '", "' doesn't have a default value");
    case kErCheckConstraintMariaDb:
      return unquoteBackticks(between(message, "CONSTRAINT `", "` failed"));
    case kErCheckConstraintMySql:
      return between(message, "Check constraint '", "' is violated");
    default:
      return {};
  }
}

}  // namespace

bool isConnectionError(int code) noexcept {
  switch (code) {
    case kErAccessDenied:
    case kErBadDatabase:
    case kErServerShutdown:
    case kErConnectionKilled:
    case 1040:  // too many connections
    case 1129:  // host blocked
    case 1130:  // host not allowed
    case kCrConnectionError:
    case kCrConnHostError:
    case 2005:  // unknown host
    case kCrServerGone:
    case kCrServerLost:
    case 2026:  // SSL
    case kCrServerLostExtended:
    case 4031:  // MySQL 8: disconnected for inactivity
      return true;
    default:
      return false;
  }
}

bool endsTransaction(int code) noexcept { return code == kErDeadlock || isConnectionError(code); }

std::string withoutValues(int code, std::string_view message) {
  if (code == kErDuplicateEntry || code == kErDuplicateEntryWithKeyName) {
    std::size_t key = message.rfind(" for key '");
    if (message.rfind("Duplicate entry '", 0) == 0 && key != npos) {
      return "Duplicate entry" + std::string(message.substr(key));
    }
  }
  // "Incorrect integer value: 'x' for column `db`.`t`.`c` at row 1", "Truncated incorrect
  // DOUBLE value: 'x'", "Incorrect datetime value: 'x' for column ...".
  constexpr std::string_view marker = "value: '";
  std::size_t start = message.find(marker);
  if (start == npos) return std::string(message);
  start += marker.size() - 1;
  std::size_t end = message.rfind("' for ");
  if (end == npos || end < start) end = message.back() == '\'' ? message.size() - 1 : npos;
  if (end == npos || end < start) return std::string(message.substr(0, start)) + "(value not shown)";
  return std::string(message.substr(0, start)) + "(value not shown)" + std::string(message.substr(end + 1));
}

void throwError(int code, std::string_view message, std::string_view sql) {
  std::string text = "ormc: mysql: " + withoutValues(code, message) + " (error " + std::to_string(code) + ")";
  if (!sql.empty()) text += " in SQL: " + std::string(sql);
  std::string statement(sql);
  switch (code) {
    case kErDuplicateEntry:
    case kErDuplicateEntryWithKeyName:
      throw UniqueViolation(text, code, statement, constraintName(code, message));
    case kErRowIsReferenced:
    case kErNoReferencedRow:
    case 1216:  // the same two, from servers before 5.0.4
    case 1217:
      throw ForeignKeyViolation(text, code, statement, constraintName(code, message));
    case kErBadNull:
    case kErNoDefaultForField:
      throw NotNullViolation(text, code, statement, constraintName(code, message));
    case kErCheckConstraintMariaDb:
    case kErCheckConstraintMySql:
      throw CheckViolation(text, code, statement, constraintName(code, message));
    case kErLockWaitTimeout:
      throw Timeout(text, code, statement);
    case kErDeadlock:
      throw Deadlock(text, code, statement);
    default:
      break;
  }
  if (isConnectionError(code)) throw ConnectionError(text, code, statement);
  throw DatabaseError(text, code, statement);
}

void throwError(const sql::SQLException& error, std::string_view sql) {
  throwError(error.getErrorCode(), error.what(), sql);
}

}  // namespace ormc::mysql
