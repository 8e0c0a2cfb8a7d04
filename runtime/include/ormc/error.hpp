// The one exception hierarchy of the runtime. Every backend converts its driver's errors into
// these classes at its boundary, so callers catch ormc types and never a driver's.
//
//   Error                         std::runtime_error; code(), sql(), constraint()
//   +-- DatabaseError             the database refused a statement
//   |   +-- ConstraintViolation   a constraint refused a row; constraint() names it where known
//   |   |   +-- UniqueViolation       UNIQUE or PRIMARY KEY
//   |   |   +-- ForeignKeyViolation
//   |   |   +-- NotNullViolation
//   |   |   +-- CheckViolation
//   |   +-- ConnectionError       cannot open or lost the connection
//   |   +-- Timeout               waited for a lock (busy/locked) until the timeout ran out
//   |   +-- Deadlock              the database broke a deadlock by rolling this transaction back
//   +-- ValueError                a value cannot be bound or read (NaN, int32 overflow, bad text)
//   +-- StaleObject               an optimistic-lock check found the row changed
//   +-- NotFound                  a lookup that requires a row found none
//
// The message names the SQL text, never bound values: values may be secrets, and the SQL text
// alone is what a reader needs to find the call site.
#pragma once

#include <stdexcept>
#include <string>
#include <utility>

namespace ormc {

class Error : public std::runtime_error {
 public:
  // `message` is the full what() text; `code` the driver's (extended) error code or 0;
  // `sql` the statement text or empty; `constraint` the constraint name or empty.
  Error(const std::string& message, int code = 0, std::string sql = {}, std::string constraint = {})
      : std::runtime_error(message), code_(code), sql_(std::move(sql)), constraint_(std::move(constraint)) {}

  // The driver's error code (SQLite: the extended result code), 0 if none.
  int code() const noexcept { return code_; }
  // The SQL text of the failing statement, empty if none. Never contains bound values.
  const std::string& sql() const noexcept { return sql_; }
  // The constraint's name where the driver reports it (SQLite: CHECK only), else empty.
  const std::string& constraint() const noexcept { return constraint_; }

 private:
  int code_;
  std::string sql_;
  std::string constraint_;
};

class DatabaseError : public Error {
 public:
  using Error::Error;
};

class ConstraintViolation : public DatabaseError {
 public:
  using DatabaseError::DatabaseError;
};

class UniqueViolation : public ConstraintViolation {
 public:
  using ConstraintViolation::ConstraintViolation;
};

class ForeignKeyViolation : public ConstraintViolation {
 public:
  using ConstraintViolation::ConstraintViolation;
};

class NotNullViolation : public ConstraintViolation {
 public:
  using ConstraintViolation::ConstraintViolation;
};

class CheckViolation : public ConstraintViolation {
 public:
  using ConstraintViolation::ConstraintViolation;
};

class ConnectionError : public DatabaseError {
 public:
  using DatabaseError::DatabaseError;
};

class Timeout : public DatabaseError {
 public:
  using DatabaseError::DatabaseError;
};

// MySQL error 1213: the server has already rolled the whole transaction back.
class Deadlock : public DatabaseError {
 public:
  using DatabaseError::DatabaseError;
};

class ValueError : public Error {
 public:
  using Error::Error;
};

class StaleObject : public Error {
 public:
  using Error::Error;
};

class NotFound : public Error {
 public:
  using Error::Error;
};

// A migration could not be applied, or the migrations directory is not what was applied
// (migrate.hpp). The message says which migration, why, and what to do.
class MigrationError : public Error {
 public:
  using Error::Error;
};

}  // namespace ormc
