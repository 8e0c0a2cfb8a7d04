// SourceManager: file buffers and offset -> line:col. See source_manager.hpp.
#include "support/source_manager.hpp"

#include "support/utf8.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace ormc {

std::optional<FileId> SourceManager::loadFile(const std::string& path, std::string* error) {
  std::error_code ec;
  std::filesystem::path canonical = std::filesystem::weakly_canonical(path, ec);
  std::string key = ec ? path : canonical.string();
  for (FileId id = 0; id < files_.size(); ++id) {
    if (files_[id].canonicalPath == key) return id;
  }
  if (std::filesystem::is_directory(path, ec)) {
    if (error) *error = "is a directory";
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    if (error) *error = std::strerror(errno);
    return std::nullopt;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  FileId id = addBuffer(path, std::move(buffer).str());
  files_[id].canonicalPath = key;
  return id;
}

FileId SourceManager::addBuffer(std::string displayName, std::string text) {
  File file;
  file.canonicalPath = displayName;
  file.displayName = std::move(displayName);
  file.lineStarts = computeLineStarts(text);
  file.text = std::move(text);
  files_.push_back(std::move(file));
  return static_cast<FileId>(files_.size() - 1);
}

std::vector<std::uint32_t> SourceManager::computeLineStarts(std::string_view text) {
  std::vector<std::uint32_t> starts{0};
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    // \r\n, \n and a lone \r each end a line, matching the lexer's NEWLINE token.
    if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
    if (c == '\n' || c == '\r') starts.push_back(static_cast<std::uint32_t>(i + 1));
  }
  return starts;
}

LineColumn SourceManager::lineColumn(SourceLoc loc) const {
  if (!loc.valid() || loc.file >= files_.size()) return {};
  const File& file = files_[loc.file];
  std::uint32_t offset = std::min<std::uint32_t>(loc.offset, static_cast<std::uint32_t>(file.text.size()));
  auto it = std::upper_bound(file.lineStarts.begin(), file.lineStarts.end(), offset);
  std::uint32_t lineIndex = static_cast<std::uint32_t>(it - file.lineStarts.begin()) - 1;
  std::uint32_t column = 1;
  for (std::size_t i = file.lineStarts[lineIndex]; i < offset; ++column) {
    i += utf8::decode(file.text, i).length;
  }
  return {lineIndex + 1, column};
}

std::string_view SourceManager::lineText(FileId fileId, std::uint32_t line) const {
  const File& file = files_[fileId];
  if (line == 0 || line > file.lineStarts.size()) return {};
  std::size_t begin = file.lineStarts[line - 1];
  std::size_t end = line < file.lineStarts.size() ? file.lineStarts[line] : file.text.size();
  std::string_view text(file.text);
  text = text.substr(begin, end - begin);
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.remove_suffix(1);
  return text;
}

}  // namespace ormc
