// The files of a migrations directory. See migration_files.hpp.
#include "ormc/migration_files.hpp"

#include "ormc/sha256.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace ormc::migration {

namespace fs = std::filesystem;

namespace {

bool isMigrationName(const std::string& name) {
  if (name.size() < 16 || name[14] != '_') return false;
  return std::all_of(name.begin(), name.begin() + 14, [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

}  // namespace

std::string readTextFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

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

std::string computeSum(const fs::path& dir) {
  std::string out = "# orm.sum: the SHA-256 of every migration file, each over the line before it. Written by ormc.\n";
  std::string previous;
  for (const std::string& migration : listMigrations(dir)) {
    for (const char* file : kMigrationFiles) {
      const std::string path = migration + "/" + file;
      const fs::path full = dir / migration / file;
      const std::string contents = fs::exists(full) ? readTextFile(full) : std::string("(missing)");
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
  const std::vector<std::string> recorded = lines(readTextFile(sumPath));
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

MigrationScript parseScript(const std::string& text) {
  MigrationScript script;
  std::istringstream in(text);
  std::string statement;
  bool code = false;  // the statement has more than comments
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("-- ormc: foreign-keys-off", 0) == 0) script.foreignKeysOff = true;
    const bool comment = line.rfind("--", 0) == 0;
    if (!comment && !line.empty()) code = true;
    if (!code) continue;  // comments before a statement are not sent
    statement += (statement.empty() ? "" : "\n") + line;
    if (!comment && !line.empty() && line.back() == ';') {
      statement.pop_back();
      script.statements.push_back(statement);
      statement.clear();
      code = false;
    }
  }
  if (code) script.statements.push_back(statement);  // a last statement without ';'
  return script;
}

}  // namespace ormc::migration
