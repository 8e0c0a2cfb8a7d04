// A fresh SQLite database file in the temp directory for one test, removed with its -wal,
// -shm and -journal files when the test ends.
#pragma once

#include <atomic>
#include <filesystem>
#include <string>
#include <system_error>
#include <unistd.h>

namespace ormc::test {

class TempDatabaseFile {
 public:
  TempDatabaseFile() {
    static std::atomic<int> counter{0};
    path_ = (std::filesystem::temp_directory_path() /
             ("ormc_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++) + ".db"))
                .string();
    removeFiles();
  }
  ~TempDatabaseFile() { removeFiles(); }
  TempDatabaseFile(const TempDatabaseFile&) = delete;
  TempDatabaseFile& operator=(const TempDatabaseFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  void removeFiles() {
    std::error_code ignored;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::filesystem::remove(path_ + suffix, ignored);
  }
  std::string path_;
};

}  // namespace ormc::test
