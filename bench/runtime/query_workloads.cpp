// The query API workloads (diesel's benchmark suite) on SQLite: every implementation of a
// workload runs once per repetition, the order rotating between repetitions, on a database
// filled the same way outside the clock. Each implementation makes one untimed run first, so
// that its statements are compiled (raw prepares once; ormc's connection caches them) and the
// self-checks (statement counts, prepared statements) run outside the clock.
#include "workloads.hpp"

#include "query_impl.hpp"

#include <filesystem>
#include <map>
#include <stdexcept>
#include <string>

namespace ormc::bench {

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using namespace queries;

void removeDatabase(const std::string& path) {
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(path + suffix);
}

// Calls per timed run for a workload of `rows` rows: short workloads are repeated, so that
// every sample takes milliseconds.
std::size_t callsFor(std::size_t rows) { return rows >= 10'000 ? 10 : rows >= 100 ? 1'000 : 10'000; }

class QueryRunner {
 public:
  QueryRunner(const Options& options, bool memory) : options_(options), memory_(memory) {
    for (auto make : {makeRawQueryImpl, makeOrmcQueryImpl}) {
      auto impl = make();
      if (impl->name() == "raw" || options.runsImpl(std::string(impl->name()))) impls_.push_back(std::move(impl));
    }
    fs::create_directories(options.dir);
  }

  void run(std::vector<WorkloadResult>& results) {
    const std::string where = memory_ ? ", :memory:" : ", file";
    const std::size_t big = options_.scale(10'000);
    if (options_.runs("query-trivial")) {
      for (std::size_t n : {std::size_t{1}, std::size_t{100}, big}) {
        results.push_back(trivial(n, "Q1 all " + std::to_string(n) + " User x" + std::to_string(callsFor(n)) + where));
      }
    }
    if (options_.runs("query-medium")) {
      for (std::size_t n : {std::size_t{100}, big}) {
        results.push_back(medium(n, "Q2 LEFT JOIN, " + std::to_string(n) + " users x" +
                                        std::to_string(callsFor(n)) + where));
      }
    }
    if (options_.runs("query-assoc")) {
      results.push_back(associations("Q3 include 100x10x10 x10" + where));
    }
    if (options_.runs("query-predicates")) {
      results.push_back(predicates(big, "Q4 3 predicates, limit x" + std::to_string(options_.scale(100'000)) + where));
    }
    for (const auto& [path, unused] : files_) removeDatabase(path);
  }

 private:
  // Opens a database holding the data set `key`, filled by `fill`: for a file, one shared
  // database written once by raw; on :memory:, a private one filled through `impl` itself.
  void openFilled(QueryImpl& impl, const std::string& key, const std::string& fill) {
    if (memory_) {
      impl.open(":memory:");
      impl.execute(querySchemaScript());
      impl.execute("BEGIN; " + fill + "; COMMIT");
      return;
    }
    const std::string path = options_.dir + "/query-" + key + ".db";
    if (files_.emplace(path, true).second) {
      removeDatabase(path);
      auto raw = makeRawQueryImpl();
      raw->open(path);
      raw->execute(querySchemaScript());
      raw->execute("BEGIN; " + fill + "; COMMIT");
      raw->execute("PRAGMA wal_checkpoint(TRUNCATE)");
      raw->close();
    }
    impl.open(path);
  }

  // Runs `once(impl)` for every implementation, `repeat` times, rotating the order.
  template <class F>
  void interleave(WorkloadResult& result, F&& once) {
    for (auto& impl : impls_) result.declare(std::string(impl->name()));
    for (int rep = 0; rep < options_.repeat; ++rep) {
      for (std::size_t k = 0; k < impls_.size(); ++k) {
        QueryImpl& impl = *impls_[(k + static_cast<std::size_t>(rep)) % impls_.size()];
        result.add(std::string(impl.name()), once(impl));
      }
    }
  }

  // Fails unless every implementation read the same.
  void agree(const std::string& workload, const QueryImpl& impl, const std::string& summary) {
    auto [it, inserted] = summaries_.emplace(workload, summary);
    if (!inserted && it->second != summary) {
      throw std::runtime_error(workload + ": " + std::string(impl.name()) + " gives " + summary + ", another gave " +
                               it->second);
    }
  }

  // Fails if the untimed run compiled statements that the timed ones compile again.
  static void checkPrepared(const std::string& workload, QueryImpl& impl, std::optional<std::size_t> before) {
    const std::optional<std::size_t> after = impl.preparedCount();
    if (before && after && *after != *before) {
      throw std::runtime_error(workload + ": " + std::string(impl.name()) + " compiled " +
                               std::to_string(*after - *before) + " statement(s) during the timed runs");
    }
  }

  WorkloadResult trivial(std::size_t n, const std::string& title) {
    WorkloadResult result(title, "raw", 1.20);
    const std::size_t calls = callsFor(n);
    interleave(result, [&](QueryImpl& impl) {
      openFilled(impl, "users-" + std::to_string(n), fillUsersWithPostsSql(n));
      std::vector<User> out;
      impl.allUsers(out);  // warm-up: compiles the statement
      const std::optional<std::size_t> prepared = impl.preparedCount();
      std::uint64_t sum = 0;
      const auto start = Clock::now();
      for (std::size_t i = 0; i < calls; ++i) {
        impl.allUsers(out);
        sum += out.size();
      }
      const double ms = msSince(start);
      checkPrepared(title, impl, prepared);
      if (out.size() != n) throw std::runtime_error(title + ": read " + std::to_string(out.size()) + " users");
      agree(title, impl, std::to_string(sum) + "/" + std::to_string(checksum(out)));
      impl.close();
      return ms;
    });
    return result;
  }

  WorkloadResult medium(std::size_t n, const std::string& title) {
    WorkloadResult result(title, "raw", 1.30);
    const std::size_t calls = callsFor(n);
    const std::string hair = "black";
    interleave(result, [&](QueryImpl& impl) {
      openFilled(impl, "users-" + std::to_string(n), fillUsersWithPostsSql(n));
      std::vector<UserPost> out;
      impl.usersWithPosts(hair, out);
      const std::optional<std::size_t> prepared = impl.preparedCount();
      std::uint64_t sum = 0;
      const auto start = Clock::now();
      for (std::size_t i = 0; i < calls; ++i) {
        impl.usersWithPosts(hair, out);
        sum += out.size();
      }
      const double ms = msSince(start);
      checkPrepared(title, impl, prepared);
      agree(title, impl, std::to_string(sum) + "/" + std::to_string(checksum(out)));
      impl.close();
      return ms;
    });
    return result;
  }

  WorkloadResult associations(const std::string& title) {
    WorkloadResult result(title, "raw", 1.15);
    constexpr std::size_t kUsers = 100, kPosts = 10, kComments = 10, kCalls = 10;
    interleave(result, [&](QueryImpl& impl) {
      openFilled(impl, "associations", fillAssociationsSql(kUsers, kPosts, kComments));
      std::vector<User> out;
      impl.countStatements(true);
      impl.usersPostsComments(out);
      const std::optional<std::size_t> statements = impl.statementsCounted();
      impl.countStatements(false);
      if (statements && *statements != 3) {
        throw std::runtime_error(title + ": " + std::string(impl.name()) + " ran " + std::to_string(*statements) +
                                 " statements, not 3");
      }
      const std::optional<std::size_t> prepared = impl.preparedCount();
      const auto start = Clock::now();
      for (std::size_t i = 0; i < kCalls; ++i) impl.usersPostsComments(out);
      const double ms = msSince(start);
      checkPrepared(title, impl, prepared);
      std::size_t comments = 0;
      for (const User& u : out) {
        for (const Post& p : u.posts) comments += p.comments.size();
      }
      if (out.size() != kUsers || comments != kUsers * kPosts * kComments) {
        throw std::runtime_error(title + ": " + std::string(impl.name()) + " loaded " + std::to_string(out.size()) +
                                 " users and " + std::to_string(comments) + " comments");
      }
      agree(title, impl, std::to_string(checksum(out)));
      impl.close();
      return ms;
    });
    result.notes.push_back("(3 statements per load, counted with db.on_statement in the untimed run)");
    return result;
  }

  WorkloadResult predicates(std::size_t users, const std::string& title) {
    WorkloadResult result(title, "raw", 1.25);
    const std::vector<PredicateParams> params = makePredicateParams(options_.scale(100'000), users);
    interleave(result, [&](QueryImpl& impl) {
      openFilled(impl, "users-" + std::to_string(users), fillUsersWithPostsSql(users));
      impl.filteredUsers(std::span(params).first(1));
      const std::optional<std::size_t> prepared = impl.preparedCount();
      const auto start = Clock::now();
      const std::uint64_t sum = impl.filteredUsers(params);
      const double ms = msSince(start);
      checkPrepared(title, impl, prepared);
      agree(title, impl, std::to_string(sum));
      impl.close();
      return ms;
    });
    result.notes.push_back("(different values each time; ormc's statement is compiled once: preparedCount checked)");
    return result;
  }

  const Options& options_;
  bool memory_;
  std::vector<std::unique_ptr<QueryImpl>> impls_;
  std::map<std::string, bool> files_;
  std::map<std::string, std::string> summaries_;
};

}  // namespace

void runQueryWorkloads(const Options& options, bool memory, std::vector<WorkloadResult>& results) {
  bool any = false;
  for (const char* id : {"query-trivial", "query-medium", "query-assoc", "query-predicates"}) {
    any = any || options.runs(id);
  }
  if (!any) return;
  QueryRunner(options, memory).run(results);
}

}  // namespace ormc::bench
