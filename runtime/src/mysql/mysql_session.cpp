// Session bookkeeping: the transaction flag follows BEGIN/COMMIT/ROLLBACK, the implicit commit
// of DDL, and the rollback the server does itself on a deadlock or a lost connection.
#include "mysql_session.hpp"

#include "mysql_error.hpp"

namespace ormc::mysql {

void Session::afterStatement(SqlKind kind, std::int64_t affected) noexcept {
  switch (kind) {
    case SqlKind::Begin:
      inTransaction = true;
      break;
    case SqlKind::End:
    case SqlKind::ImplicitCommit:
      inTransaction = false;
      break;
    case SqlKind::Insert:
      insertIdStale = true;
      if (affected >= 0) changes = affected;
      break;
    case SqlKind::Modify:
      if (affected >= 0) changes = affected;
      break;
    case SqlKind::Other:
      break;
  }
}

void Session::afterError(int code) noexcept {
  if (endsTransaction(code)) inTransaction = false;
}

}  // namespace ormc::mysql
