// Converts MySQL/MariaDB errors (Connector/C++'s sql::SQLException) into the ormc exception
// hierarchy (error.hpp): the class from the MySQL error number, the constraint or column name
// parsed from the server's message, and bound values cut out of that message.
#pragma once

#include <string>
#include <string_view>

namespace sql {
class SQLException;
}

namespace ormc::mysql {

// MySQL error numbers the backend acts on (server ER_*, client CR_*).
inline constexpr int kErDuplicateEntry = 1062;
inline constexpr int kErDuplicateEntryWithKeyName = 1586;
inline constexpr int kErRowIsReferenced = 1451;
inline constexpr int kErNoReferencedRow = 1452;
inline constexpr int kErBadNull = 1048;
inline constexpr int kErNoDefaultForField = 1364;
inline constexpr int kErCheckConstraintMariaDb = 4025;
inline constexpr int kErCheckConstraintMySql = 3819;
inline constexpr int kErLockWaitTimeout = 1205;
inline constexpr int kErDeadlock = 1213;
inline constexpr int kErAccessDenied = 1045;
inline constexpr int kErBadDatabase = 1049;
inline constexpr int kErConnectionKilled = 1927;  // MariaDB: KILL CONNECTION hit a running statement
inline constexpr int kErServerShutdown = 1053;
inline constexpr int kCrConnectionError = 2002;
inline constexpr int kCrConnHostError = 2003;
inline constexpr int kCrServerGone = 2006;
inline constexpr int kCrServerLost = 2013;
inline constexpr int kCrServerLostExtended = 2055;

// True if error `code` means the connection is gone (or never was): ConnectionError.
bool isConnectionError(int code) noexcept;

// True if the server has ended the open transaction when it reported `code` (a deadlock rolls
// the whole transaction back; a lost connection takes it with it).
bool endsTransaction(int code) noexcept;

// The server's message with bound values cut out ("Duplicate entry 'x' for key 'k'" loses
// 'x'; "Incorrect ... value: 'x' for column" loses 'x'), so that what() never shows data.
std::string withoutValues(int code, std::string_view message);

// Throws the ormc::Error subclass for MySQL error `code`, with the server's `message` and the
// statement text `sql` (never bound values).
[[noreturn]] void throwError(int code, std::string_view message, std::string_view sql);

// Same, from a driver exception.
[[noreturn]] void throwError(const sql::SQLException& error, std::string_view sql);

}  // namespace ormc::mysql
