// Where emitters put their files (protobuf's GeneratorContext idea): the CLI writes them
// under an output directory, tests keep them in memory. Paths are relative, with '/'.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace ormc::emit {

class OutputSink {
 public:
  virtual ~OutputSink() = default;
  // Stores `contents` as `relativePath`. Throws std::runtime_error (naming the path and the
  // reason) if it cannot.
  virtual void write(const std::string& relativePath, const std::string& contents) = 0;
};

// Writes under a root directory, creating directories as needed. A file whose contents are
// already the same is left untouched, so build tools see no change and rebuild nothing.
class DiskSink : public OutputSink {
 public:
  explicit DiskSink(std::filesystem::path root) : root_(std::move(root)) {}
  void write(const std::string& relativePath, const std::string& contents) override;

  // Every path given to write(), in order, as root / relativePath.
  const std::vector<std::filesystem::path>& written() const { return written_; }

 private:
  std::filesystem::path root_;
  std::vector<std::filesystem::path> written_;
};

class MemorySink : public OutputSink {
 public:
  void write(const std::string& relativePath, const std::string& contents) override { files[relativePath] = contents; }
  std::map<std::string, std::string> files;
};

}  // namespace ormc::emit
