// The migrations directory and orm.sum. See directory.hpp.
#include "migrate/directory.hpp"

#include "emit/sql/dialect.hpp"
#include "ir/ir_json.hpp"
#include "migrate/migration_sql.hpp"
#include "ormc/sha256.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <ctime>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace ormc::migrate {

namespace fs = std::filesystem;

namespace {

std::string readFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

void writeFile(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

bool isMigrationName(const std::string& name) {
  if (name.size() < 16 || name[14] != '_') return false;
  return std::all_of(name.begin(), name.begin() + 14, [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
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

std::vector<std::string> listMigrations(const fs::path& dir) {
  std::vector<std::string> out;
  if (!fs::is_directory(dir)) return out;
  for (const fs::directory_entry& entry : fs::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (entry.is_directory() && isMigrationName(name)) out.push_back(name);
  }
  std::sort(out.begin(), out.end());
  return out;
}

ir::Schema latestSnapshot(const fs::path& dir) {
  const std::vector<std::string> migrations = listMigrations(dir);
  if (migrations.empty()) return {};
  const fs::path file = dir / migrations.back() / "snapshot.json";
  try {
    return ir::fromJson(nlohmann::ordered_json::parse(readFile(file)));
  } catch (const std::exception& error) {
    throw std::runtime_error(file.string() + ": " + error.what());
  }
}

std::string computeSum(const fs::path& dir) {
  std::string out = "# orm.sum: the SHA-256 of every migration file, each over the line before it. Written by ormc.\n";
  std::string previous;
  for (const std::string& migration : listMigrations(dir)) {
    for (const char* file : kMigrationFiles) {
      const std::string path = migration + "/" + file;
      const fs::path full = dir / migration / file;
      const std::string contents = fs::exists(full) ? readFile(full) : std::string("(missing)");
      previous = sha256Hex(previous + "\n" + path + "\n" + contents);
      out += path + " " + previous + "\n";
    }
  }
  return out;
}

std::vector<std::string> verifySum(const fs::path& dir) {
  const fs::path sumPath = dir / kSumFile;
  if (!fs::exists(sumPath)) {
    return listMigrations(dir).empty() ? std::vector<std::string>{} : std::vector<std::string>{sumPath.string() + " is missing"};
  }
  std::vector<std::string> problems;
  auto lines = [](const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
      if (!line.empty() && line[0] != '#') out.push_back(line);
    }
    return out;
  };
  const std::vector<std::string> recorded = lines(readFile(sumPath));
  const std::vector<std::string> actual = lines(computeSum(dir));
  for (std::size_t i = 0; i < std::max(recorded.size(), actual.size()); ++i) {
    if (i < recorded.size() && i < actual.size() && recorded[i] == actual[i]) continue;
    const std::string& line = i < actual.size() ? actual[i] : recorded[i];
    const std::string file = line.substr(0, line.find(' '));
    if (i >= recorded.size()) {
      problems.push_back(file + " is not in " + std::string(kSumFile) + " (added after it was written)");
    } else if (i >= actual.size()) {
      problems.push_back(recorded[i].substr(0, recorded[i].find(' ')) + " is in " + kSumFile + " but missing");
    } else if (recorded[i].substr(0, recorded[i].find(' ')) != file) {
      problems.push_back(file + " is not where " + std::string(kSumFile) + " lists " +
                         recorded[i].substr(0, recorded[i].find(' ')) + " (inserted, removed or reordered)");
    } else if (!fs::exists(dir / file)) {
      problems.push_back(file + " is in " + std::string(kSumFile) + " but missing");
    } else {
      problems.push_back(file + " does not match " + std::string(kSumFile) + " (edited, or a file before it changed)");
    }
    break;  // every later line is chained to this one: the first difference is the one to fix
  }
  return problems;
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

}  // namespace ormc::migrate
