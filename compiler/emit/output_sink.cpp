// See output_sink.hpp.
#include "emit/output_sink.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <system_error>

namespace ormc::emit {

namespace {

bool sameContents(const std::filesystem::path& path, const std::string& contents) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream existing;
  existing << in.rdbuf();
  return existing.str() == contents;
}

}  // namespace

void DiskSink::write(const std::string& relativePath, const std::string& contents) {
  std::filesystem::path path = root_ / relativePath;
  written_.push_back(path);
  if (sameContents(path, contents)) return;
  std::error_code error;
  std::filesystem::create_directories(path.parent_path(), error);
  if (error) throw std::runtime_error("cannot create directory '" + path.parent_path().string() + "': " + error.message());
  // Write beside the target, then rename: a reader never sees half a file.
  std::filesystem::path temporary = path;
  temporary += ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << contents;
    out.close();
    if (!out) throw std::runtime_error("cannot write '" + temporary.string() + "'");
  }
  std::filesystem::rename(temporary, path, error);
  if (error) throw std::runtime_error("cannot write '" + path.string() + "': " + error.message());
}

}  // namespace ormc::emit
