// Database: the pool, the thread's open transactions, and opening by URL.
#include "ormc/database.hpp"

#include "ormc/pool.hpp"
#include "ormc/sqlite.hpp"
#include "ormc/url.hpp"
#if ORMC_HAVE_MYSQL
#include "ormc/mysql.hpp"
#endif

#include <algorithm>
#include <random>

namespace ormc {

namespace {

// The transactions this thread has open, innermost first. A Database looks itself up here so
// that db.insert() inside `auto tx = db.transaction()` runs in tx.
struct OpenTransaction {
  const void* database;
  Connection* connection;
  OpenTransaction* next;
};
thread_local OpenTransaction* openTransactions = nullptr;

// Keeps a transaction's borrowed connection, and the thread's note that the transaction is
// open, until the transaction has ended.
class OpenTransactionResources final : public detail::TransactionResources {
 public:
  OpenTransactionResources(const void* database, ConnectionPool::Lease lease)
      : lease_(std::move(lease)), entry_{database, &*lease_, openTransactions} {
    openTransactions = &entry_;
  }
  ~OpenTransactionResources() override {
    // Usually the innermost; unlink wherever it is in case transactions on two databases
    // ended out of order.
    for (OpenTransaction** link = &openTransactions; *link != nullptr; link = &(*link)->next) {
      if (*link == &entry_) {
        *link = entry_.next;
        break;
      }
    }
  }
  OpenTransactionResources(const OpenTransactionResources&) = delete;
  OpenTransactionResources& operator=(const OpenTransactionResources&) = delete;

 private:
  ConnectionPool::Lease lease_;
  OpenTransaction entry_;
};

std::size_t defaultPoolSize(const DatabaseUrl& url) {
  if (url.backend == Backend::Mysql) return 8;
  return url.inMemory() ? 1 : 4;
}

}  // namespace

struct Database::State {
  State(const Dialect& d, std::function<std::unique_ptr<Connection>()> connect, PoolOptions poolOptions)
      : dialect(d), pool(withHook(std::move(connect), hook), poolOptions) {}

  // Every connection reads the one hook, so that on_statement() reaches those already open.
  static std::function<std::unique_ptr<Connection>()> withHook(std::function<std::unique_ptr<Connection>()> connect,
                                                              const std::shared_ptr<StatementHook>& hook) {
    return [connect = std::move(connect), hook] {
      std::unique_ptr<Connection> connection = connect();
      connection->setStatementHook(hook);
      return connection;
    };
  }

  Dialect dialect;
  std::shared_ptr<StatementHook> hook = std::make_shared<StatementHook>();
  ConnectionPool pool;
};

Database::Database(const Dialect& dialect, std::function<std::unique_ptr<Connection>()> connect,
                   const DatabaseOptions& options)
    : state_(std::make_unique<State>(dialect, std::move(connect),
                                     PoolOptions{.maxSize = std::max<std::size_t>(1, options.poolSize),
                                                 .waitTimeout = options.poolWaitTimeout})) {}

Database::~Database() = default;
Database::Database(Database&&) noexcept = default;
Database& Database::operator=(Database&&) noexcept = default;

Database Database::open(std::string_view url, const DatabaseOptions& options) {
  return open(parseDatabaseUrl(url), options);
}

Database Database::open(const DatabaseUrl& parsed, const DatabaseOptions& options) {
  DatabaseOptions chosen = options;
  if (chosen.poolSize == 0) chosen.poolSize = defaultPoolSize(parsed);
  if (parsed.backend == Backend::Sqlite) {
    sqlite::Options sqliteOptions{.busyTimeout = options.busyTimeout};
    std::string path = parsed.path;
    Database db(kSqliteDialect, [path, sqliteOptions] { return sqlite::open(path, sqliteOptions); }, chosen);
    db.withConnection([](Connection&) {});  // fail here, not at the first query
    return db;
  }
#if ORMC_HAVE_MYSQL
  Database db(kMysqlDialect, [parsed] { return mysql::open(parsed); }, chosen);
  db.withConnection([](Connection&) {});
  return db;
#else
  throw ConnectionError("ormc: this build of the ormc runtime has no MySQL backend (built with ORMC_WITH_MYSQL=OFF): " +
                        parsed.redacted());
#endif
}

const Dialect& Database::dialect() const noexcept { return state_->dialect; }

void Database::on_statement(StatementHook hook) { *state_->hook = std::move(hook); }

std::size_t Database::connectionsOpen() const { return state_->pool.size(); }

Connection* Database::activeConnection() const noexcept {
  for (OpenTransaction* open = openTransactions; open != nullptr; open = open->next) {
    if (open->database == state_.get()) return open->connection;
  }
  return nullptr;
}

ConnectionPool::Lease Database::borrow() { return state_->pool.acquire(); }

Transaction Database::transaction(const TransactionOptions& options) {
  if (Connection* active = activeConnection()) return Transaction(*active, options);
  ConnectionPool::Lease lease = state_->pool.acquire();
  Connection& connection = *lease;
  return Transaction(connection, options, std::make_unique<OpenTransactionResources>(state_.get(), std::move(lease)));
}

void Database::pause(const RetryPolicy& policy, int attempt) {
  thread_local std::minstd_rand jitter{std::random_device{}()};
  auto backoff = policy.firstBackoff * (1LL << std::min(attempt - 1, 16));
  backoff = std::min<std::chrono::milliseconds>(backoff, policy.maxBackoff);
  // Up to half again at random, so that two transactions that collided do not collide again.
  auto extra = std::chrono::milliseconds(std::uniform_int_distribution<long long>(0, backoff.count() / 2)(jitter));
  std::this_thread::sleep_for(backoff + extra);
}

}  // namespace ormc
