// The migrations directory and orm.sum. See directory.hpp.
#include "migrate/directory.hpp"

#include "emit/sql/dialect.hpp"
#include "ir/ir_json.hpp"
#include "migrate/migration_sql.hpp"
#include "ormc/migration_files.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <ctime>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace ormc::migration {

namespace fs = std::filesystem;

namespace {

void writeFile(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

// The timestamp one second after `stamp` ("YYYYMMDDHHMMSS"), in UTC.
std::string nextSecond(const std::string& stamp) {
  std::tm time{};
  time.tm_year = std::stoi(stamp.substr(0, 4)) - 1900;
  time.tm_mon = std::stoi(stamp.substr(4, 2)) - 1;
  time.tm_mday = std::stoi(stamp.substr(6, 2));
  time.tm_hour = std::stoi(stamp.substr(8, 2));
  time.tm_min = std::stoi(stamp.substr(10, 2));
  time.tm_sec = std::stoi(stamp.substr(12, 2)) + 1;
  const std::time_t seconds = timegm(&time);
  std::tm normal{};
  gmtime_r(&seconds, &normal);
  char out[16];
  std::strftime(out, sizeof out, "%Y%m%d%H%M%S", &normal);
  return out;
}

}  // namespace

ir::Schema readSnapshot(const fs::path& dir, const std::string& migration) {
  const fs::path file = dir / migration / "snapshot.json";
  const std::string text = readTextFile(file);  // throws "cannot read <file>"
  try {
    return ir::fromJson(nlohmann::ordered_json::parse(text));
  } catch (const std::exception& error) {
    throw std::runtime_error(file.string() + ": " + error.what());
  }
}

ir::Schema latestSnapshot(const fs::path& dir) {
  const std::vector<std::string> migrations = listMigrations(dir);
  if (migrations.empty()) return {};
  return readSnapshot(dir, migrations.back());
}

bool validMigrationName(const std::string& name) {
  if (name.empty() || !std::islower(static_cast<unsigned char>(name[0]))) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '_';
  });
}

std::string writeMigration(const fs::path& dir, const std::string& name, std::string now, const ir::Schema& before,
                           const ir::Schema& after, const Diff& up) {
  const std::vector<std::string> existing = listMigrations(dir);
  if (!existing.empty() && existing.back().substr(0, 14) >= now) now = nextSecond(existing.back().substr(0, 14));
  const std::string folder = now + "_" + name;
  const fs::path path = dir / folder;
  fs::create_directories(path);
  const Diff down = diffBack(before, after, up);
  for (const emit::sql::Dialect* dialect : {&emit::sql::sqliteDialect(), &emit::sql::mysqlDialect()}) {
    const std::string suffix = "." + std::string(dialect->name()) + ".sql";
    writeFile(path / ("up" + suffix), migrationScript(migrationSql(before, after, up, *dialect), up, *dialect));
    writeFile(path / ("down" + suffix), migrationScript(migrationSql(after, before, down, *dialect), down, *dialect));
  }
  writeFile(path / "snapshot.json", ir::toJson(after).dump(2) + "\n");
  writeFile(dir / kSumFile, computeSum(dir));
  return folder;
}

std::string utcTimestamp() {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm time{};
  gmtime_r(&seconds, &time);
  char out[16];
  std::strftime(out, sizeof out, "%Y%m%d%H%M%S", &time);
  return out;
}

}  // namespace ormc::migration
