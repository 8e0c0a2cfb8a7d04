// Parsing of database URLs. See ormc/url.hpp.
#include "ormc/url.hpp"

#include <charconv>

namespace ormc {

namespace {

int hexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The URL as written with the password, if there is one, replaced by "***": found the way a
// parser would find it (`scheme://user:password@host...`), before anything can fail.
std::string hidePassword(std::string_view url) {
  std::size_t start = url.find("://");
  if (start == std::string_view::npos) return std::string(url);
  start += 3;
  std::size_t authorityEnd = url.find_first_of("/?", start);
  std::string_view authority = url.substr(start, authorityEnd == std::string_view::npos ? authorityEnd : authorityEnd - start);
  std::size_t at = authority.rfind('@');
  if (at == std::string_view::npos) return std::string(url);
  std::size_t colon = authority.substr(0, at).find(':');
  if (colon == std::string_view::npos) return std::string(url);
  std::string shown(url);
  shown.replace(start + colon + 1, at - colon - 1, "***");
  return shown;
}

// Reports a problem with the URL as written, its password hidden.
class UrlParser {
 public:
  explicit UrlParser(std::string_view url) : url_(url), shown_(hidePassword(url)) {}

  [[noreturn]] void fail(const std::string& problem) const {
    throw InvalidUrl("invalid database URL '" + shown_ + "': " + problem);
  }

  // `%XX` escapes decoded; `what` names the part in messages ("the user name").
  std::string decode(std::string_view text, const char* what) const {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] != '%') {
        out += text[i];
        continue;
      }
      int high = i + 1 < text.size() ? hexDigit(text[i + 1]) : -1;
      int low = i + 2 < text.size() ? hexDigit(text[i + 2]) : -1;
      if (high < 0 || low < 0) {
        fail(std::string("a '%' in ") + what + " must be followed by two hex digits");
      }
      out += static_cast<char>(high * 16 + low);
      i += 2;
    }
    return out;
  }

  DatabaseUrl parse() {
    std::size_t colon = url_.find(':');
    if (colon == std::string_view::npos || colon == 0) {
      fail("it must start with 'sqlite:' or 'mysql://'");
    }
    std::string scheme(url_.substr(0, colon));
    std::string_view rest = url_.substr(colon + 1);
    if (scheme == "sqlite") return parseSqlite(rest);
    if (scheme == "mysql" || scheme == "mariadb") return parseMysql(rest);
    fail("unknown scheme '" + scheme + "' (use 'sqlite' or 'mysql')");
  }

 private:
  DatabaseUrl parseSqlite(std::string_view rest) {
    DatabaseUrl url;
    url.backend = Backend::Sqlite;
    if (rest.substr(0, 2) == "//") rest.remove_prefix(2);  // sqlite:///abs/path
    if (rest.empty()) fail("the file path is missing (write sqlite:app.db or sqlite::memory:)");
    url.path = decode(rest, "the file path");
    return url;
  }

  DatabaseUrl parseMysql(std::string_view rest) {
    if (rest.substr(0, 2) != "//") fail("a MySQL URL starts with 'mysql://'");
    rest.remove_prefix(2);
    DatabaseUrl url;
    url.backend = Backend::Mysql;

    std::size_t authorityEnd = rest.find_first_of("/?");
    std::string_view authority = rest.substr(0, authorityEnd);
    rest = authorityEnd == std::string_view::npos ? std::string_view{} : rest.substr(authorityEnd);

    std::size_t at = authority.rfind('@');
    if (at != std::string_view::npos) {
      std::string_view userinfo = authority.substr(0, at);
      authority.remove_prefix(at + 1);
      std::size_t split = userinfo.find(':');
      url.user = decode(userinfo.substr(0, split), "the user name");
      if (split != std::string_view::npos) url.password = decode(userinfo.substr(split + 1), "the password");
      if (url.user.empty()) fail("the user name before '@' is empty");
    }
    parseHostPort(authority, url);

    if (!rest.empty() && rest[0] == '/') {
      std::size_t queryStart = rest.find('?');
      url.database = decode(rest.substr(1, queryStart == std::string_view::npos ? queryStart : queryStart - 1),
                            "the database name");
      rest = queryStart == std::string_view::npos ? std::string_view{} : rest.substr(queryStart);
    }
    if (!rest.empty()) parseQuery(rest.substr(1), url);

    if (url.database.empty()) fail("the database name is missing (mysql://user@host/dbname)");
    if (url.host.empty() && url.socket.empty()) fail("the host is missing (or give ?socket=/path)");
    return url;
  }

  void parseHostPort(std::string_view authority, DatabaseUrl& url) {
    std::string_view host = authority;
    std::string_view port;
    if (!authority.empty() && authority[0] == '[') {  // [::1]:3306
      std::size_t close = authority.find(']');
      if (close == std::string_view::npos) fail("the IPv6 host has no closing ']'");
      host = authority.substr(1, close - 1);
      std::string_view after = authority.substr(close + 1);
      if (!after.empty()) {
        if (after[0] != ':') fail("unexpected text after the IPv6 host");
        port = after.substr(1);
        if (port.empty()) fail("the port after ':' is empty");
      }
    } else if (std::size_t colon = authority.rfind(':'); colon != std::string_view::npos) {
      host = authority.substr(0, colon);
      port = authority.substr(colon + 1);
      if (port.empty()) fail("the port after ':' is empty");
    }
    url.host = decode(host, "the host");
    if (!port.empty()) {
      unsigned value = 0;
      auto [end, error] = std::from_chars(port.data(), port.data() + port.size(), value);
      if (error != std::errc() || end != port.data() + port.size() || value == 0 || value > 65535) {
        fail("port '" + std::string(port) + "' is not a number from 1 to 65535");
      }
      url.port = static_cast<std::uint16_t>(value);
    }
  }

  void parseQuery(std::string_view query, DatabaseUrl& url) {
    while (!query.empty()) {
      std::size_t amp = query.find('&');
      std::string_view pair = query.substr(0, amp);
      query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
      if (pair.empty()) continue;
      std::size_t eq = pair.find('=');
      if (eq == std::string_view::npos || eq == 0) {
        fail("option '" + std::string(pair) + "' must be written key=value");
      }
      std::string key = decode(pair.substr(0, eq), "an option name");
      std::string value = decode(pair.substr(eq + 1), "an option value");
      if (key == "socket") {
        if (value.empty()) fail("option 'socket' needs a path");
        url.socket = std::move(value);
      } else {
        url.options.emplace_back(std::move(key), std::move(value));
      }
    }
  }

  std::string_view url_;
  std::string shown_;
};

}  // namespace

DatabaseUrl parseDatabaseUrl(std::string_view url) { return UrlParser(url).parse(); }

std::string DatabaseUrl::redacted() const {
  if (backend == Backend::Sqlite) return "sqlite:" + path;
  std::string out = "mysql://";
  if (!user.empty()) out += user + (password.empty() ? "" : ":***") + "@";
  out += host.find(':') != std::string::npos ? "[" + host + "]" : host;
  if (!host.empty()) out += ":" + std::to_string(port);
  out += "/" + database;
  char separator = '?';
  if (!socket.empty()) {
    out += "?socket=" + socket;
    separator = '&';
  }
  for (const auto& [key, value] : options) {
    out += separator + key + "=" + value;
    separator = '&';
  }
  return out;
}

std::string DatabaseUrl::option(std::string_view key, std::string_view fallback) const {
  for (const auto& [name, value] : options) {
    if (name == key) return value;
  }
  return std::string(fallback);
}

}  // namespace ormc
