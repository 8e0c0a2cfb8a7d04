// See code_writer.hpp.
#include "support/code_writer.hpp"

#include <stdexcept>

namespace ormc {

void CodeWriter::put(std::string_view piece) {
  for (char c : piece) {
    if (atLineStart_ && c != '\n') out_.append(static_cast<std::size_t>(depth_), ' ');
    out_ += c;
    atLineStart_ = c == '\n';
  }
}

void CodeWriter::emit(std::string_view text, Vars vars) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t open = text.find('$', pos);
    if (open == std::string_view::npos) {
      put(text.substr(pos));
      return;
    }
    put(text.substr(pos, open - pos));
    std::size_t close = text.find('$', open + 1);
    if (close == std::string_view::npos) throw std::logic_error("CodeWriter: unclosed $ in template: " + std::string(text));
    std::string_view name = text.substr(open + 1, close - open - 1);
    if (name.empty()) {
      put("$");
    } else {
      bool found = false;
      for (const auto& [key, value] : vars) {
        if (key != name) continue;
        put(value);
        found = true;
        break;
      }
      if (!found) throw std::logic_error("CodeWriter: no value for $" + std::string(name) + "$");
    }
    pos = close + 1;
  }
}

}  // namespace ormc
