// SQLite result codes -> ormc exceptions. The extended code decides the class (connections run
// with sqlite3_extended_result_codes on); the constraint name is parsed from the message where
// SQLite puts one (CHECK only: "CHECK constraint failed: name").
#include "sqlite_error.hpp"

#include "ormc/error.hpp"

namespace ormc::sqlite {

namespace {

std::string checkConstraintName(const std::string& message) {
  constexpr std::string_view prefix = "CHECK constraint failed: ";
  if (message.rfind(prefix, 0) != 0) return {};
  return message.substr(prefix.size());
}

}  // namespace

void throwError(int code, const std::string& message, std::string_view sql) {
  std::string text = "ormc: sqlite: " + message + " (code " + std::to_string(code) + ")";
  if (!sql.empty()) text += " in SQL: " + std::string(sql);
  std::string statement(sql);
  switch (code) {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
    case SQLITE_CONSTRAINT_ROWID:
      throw UniqueViolation(text, code, statement);
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      throw ForeignKeyViolation(text, code, statement);
    case SQLITE_CONSTRAINT_TRIGGER:
      // ON DELETE / ON UPDATE RESTRICT reports its refusal as a trigger's.
      if (message.find("FOREIGN KEY constraint failed") != std::string::npos) {
        throw ForeignKeyViolation(text, code, statement);
      }
      break;
    case SQLITE_CONSTRAINT_NOTNULL:
      throw NotNullViolation(text, code, statement);
    case SQLITE_CONSTRAINT_CHECK:
      throw CheckViolation(text, code, statement, checkConstraintName(message));
    default:
      break;
  }
  switch (code & 0xff) {
    case SQLITE_CONSTRAINT:
      throw ConstraintViolation(text, code, statement);
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      throw Timeout(text, code, statement);
    case SQLITE_CANTOPEN:
    case SQLITE_NOTADB:
      throw ConnectionError(text, code, statement);
    default:
      throw DatabaseError(text, code, statement);
  }
}

void throwError(sqlite3* db, std::string_view sql) {
  throwError(sqlite3_extended_errcode(db), sqlite3_errmsg(db), sql);
}

}  // namespace ormc::sqlite
