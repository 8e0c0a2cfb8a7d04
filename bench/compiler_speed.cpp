// ormc_bench_compiler_speed: how long `ormc check` takes, and how much memory it needs, on
// synthetic schemas of growing size, measured against protoc reading the equivalent .proto in
// the same run. Each tool runs as a child process (fork/exec, wait4 for wall time and peak RSS).
// It reports figures only; it judges nothing and exits 1 only if a tool fails.
#include "schema_gen.hpp"

#include <fmt/format.h>

#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace {

namespace fs = std::filesystem;

#ifndef ORMC_BENCH_DEFAULT_ORMC
#define ORMC_BENCH_DEFAULT_ORMC ""
#endif
#ifndef ORMC_BENCH_DEFAULT_PROTOC
#define ORMC_BENCH_DEFAULT_PROTOC "protoc"
#endif

struct Options {
  std::string ormc = ORMC_BENCH_DEFAULT_ORMC;
  std::string protoc = ORMC_BENCH_DEFAULT_PROTOC;
  std::vector<int> sizes{500, 1000, 2000, 4000};
  int repeat = 3;
  bool keep = false;
};

// One finished child process.
struct RunResult {
  double wallMs = 0;
  long maxRssKb = 0;
  int exitCode = 0;  // 128 + signal number if killed by a signal
};

// Best and median over the repeats of one tool at one size.
struct Summary {
  double bestMs = 0;
  double medianMs = 0;
  double peakMb = 0;  // the largest peak RSS seen over the repeats
};

constexpr const char* kUsage =
    "usage: ormc_bench_compiler_speed [--ormc PATH] [--protoc PATH] [--sizes 500,1000,2000,4000]\n"
    "                                 [--repeat 3] [--keep]\n"
    "  Times `ormc check bench_N.orm` and `protoc --descriptor_set_out=/dev/null bench_N.proto`\n"
    "  on generated schemas of N models x 20 columns; --keep leaves the generated files behind.\n";

[[noreturn]] void usageError(const std::string& message) {
  std::fprintf(stderr, "ormc_bench_compiler_speed: %s\n%s", message.c_str(), kUsage);
  std::exit(2);
}

int parsePositive(std::string_view text, const char* what) {
  int value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size() || value < 1) {
    usageError(fmt::format("{} must be a positive number, got '{}'", what, text));
  }
  return value;
}

Options parseOptions(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg(argv[i]);
    if (arg == "--help" || arg == "-h") {
      std::fputs(kUsage, stdout);
      std::exit(0);
    }
    if (arg == "--keep") {
      options.keep = true;
      continue;
    }
    if (i + 1 >= argc) usageError(fmt::format("unknown or incomplete option '{}'", arg));
    const std::string_view value(argv[++i]);
    if (arg == "--ormc") {
      options.ormc = value;
    } else if (arg == "--protoc") {
      options.protoc = value;
    } else if (arg == "--repeat") {
      options.repeat = parsePositive(value, "--repeat");
    } else if (arg == "--sizes") {
      options.sizes.clear();
      std::stringstream list{std::string(value)};
      for (std::string item; std::getline(list, item, ',');) options.sizes.push_back(parsePositive(item, "a size"));
    } else {
      usageError(fmt::format("unknown option '{}'", arg));
    }
  }
  if (options.ormc.empty()) usageError("--ormc PATH is required (no default was built in)");
  if (options.sizes.empty()) usageError("--sizes is empty");
  // A bare name is looked up in PATH by execvp; a path must point at a program now.
  for (const std::string& tool : {options.ormc, options.protoc}) {
    if (tool.find('/') != std::string::npos && access(tool.c_str(), X_OK) != 0) {
      usageError(fmt::format("cannot execute '{}' (for ormc: cmake --build build --target ormc)", tool));
    }
  }
  return options;
}

// Runs argv[0] with stdout discarded and stderr captured in `stderrPath`. Throws
// std::runtime_error if the process cannot be started; a failed exec gives exit code 127.
RunResult runProcess(const std::vector<std::string>& args, const fs::path& stderrPath) {
  std::vector<char*> argv;
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);

  const auto start = std::chrono::steady_clock::now();
  const pid_t pid = fork();
  if (pid < 0) throw std::runtime_error(fmt::format("fork: {}", std::strerror(errno)));
  if (pid == 0) {
    // Only async-signal-safe calls between fork and exec.
    const int devNull = open("/dev/null", O_WRONLY);
    const int err = open(stderrPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (devNull < 0 || err < 0) _exit(126);
    dup2(devNull, STDOUT_FILENO);
    dup2(err, STDERR_FILENO);
    execvp(argv[0], argv.data());
    _exit(127);
  }

  int status = 0;
  rusage usage{};
  pid_t waited = 0;
  do {
    waited = wait4(pid, &status, 0, &usage);
  } while (waited < 0 && errno == EINTR);
  const auto end = std::chrono::steady_clock::now();
  if (waited < 0) throw std::runtime_error(fmt::format("wait4: {}", std::strerror(errno)));

  RunResult result;
  result.wallMs = std::chrono::duration<double, std::milli>(end - start).count();
  result.maxRssKb = usage.ru_maxrss;  // kilobytes on Linux
  result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

std::string tail(const fs::path& path, std::size_t maxBytes) {
  std::ifstream in(path, std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (text.size() > maxBytes) text = "...\n" + text.substr(text.size() - maxBytes);
  return text;
}

// Runs a tool once and stops the benchmark, showing its stderr, unless it exits with 0.
RunResult runChecked(const std::vector<std::string>& args, const fs::path& stderrPath) {
  const RunResult result = runProcess(args, stderrPath);
  if (result.exitCode == 0) return result;
  std::string command;
  for (const std::string& a : args) command += (command.empty() ? "" : " ") + a;
  std::fprintf(stderr, "ormc_bench_compiler_speed: `%s` exited with %d%s\n%s\n(generated files kept in %s)\n",
               command.c_str(), result.exitCode, result.exitCode == 127 ? " (could not execute it?)" : "",
               tail(stderrPath, 4000).c_str(), stderrPath.parent_path().c_str());
  std::exit(1);
}

Summary summarize(const std::vector<RunResult>& runs) {
  std::vector<double> ms;
  Summary summary;
  for (const RunResult& r : runs) {
    ms.push_back(r.wallMs);
    summary.peakMb = std::max(summary.peakMb, static_cast<double>(r.maxRssKb) / 1024.0);
  }
  std::sort(ms.begin(), ms.end());
  summary.bestMs = ms.front();
  const std::size_t n = ms.size();
  summary.medianMs = n % 2 == 1 ? ms[n / 2] : (ms[n / 2 - 1] + ms[n / 2]) / 2.0;
  return summary;
}

fs::path makeTempDir() {
  std::string pattern = (fs::temp_directory_path() / "ormc-bench-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error(fmt::format("mkdtemp: {}", std::strerror(errno)));
  return pattern;
}

}  // namespace

int main(int argc, char** argv) {
  const Options options = parseOptions(argc, argv);
  try {
    const fs::path dir = makeTempDir();
    const fs::path stderrPath = dir / "stderr.txt";

    std::printf("ormc:   %s\nprotoc: %s\nfiles:  %s%s\nrepeats per size: %d (alternating ormc, protoc)\n\n",
                options.ormc.c_str(), options.protoc.c_str(), dir.c_str(), options.keep ? " (kept)" : "",
                options.repeat);
    std::printf("%7s | %9s %9s %8s | %9s %9s %8s | %7s | %9s %9s\n", "models", "ormc ms", "(median)", "ormc MB",
                "protoc ms", "(median)", "proto MB", "ratio", "ormc", "protoc");
    std::printf("%7s | %9s %9s %8s | %9s %9s %8s | %7s | %9s %9s\n", "", "best", "", "peak", "best", "", "peak",
                "o/p", "ms/model", "ms/model");
    std::printf("%s\n", std::string(110, '-').c_str());

    bool warmedUp = false;
    for (int n : options.sizes) {
      const ormc::bench::SchemaFiles files = ormc::bench::writeSchemaFiles(n, dir);
      const std::vector<std::string> ormcArgs{options.ormc, "check", files.orm.string()};
      const std::vector<std::string> protocArgs{options.protoc, "--descriptor_set_out=/dev/null",
                                                "-I" + dir.string(), files.proto.string()};
      // One untimed run of each first: loads the binaries and shared libraries into the page cache.
      if (!warmedUp) {
        runChecked(ormcArgs, stderrPath);
        runChecked(protocArgs, stderrPath);
        warmedUp = true;
      }
      std::vector<RunResult> ormcRuns;
      std::vector<RunResult> protocRuns;
      for (int r = 0; r < options.repeat; ++r) {
        ormcRuns.push_back(runChecked(ormcArgs, stderrPath));
        protocRuns.push_back(runChecked(protocArgs, stderrPath));
      }
      const Summary o = summarize(ormcRuns);
      const Summary p = summarize(protocRuns);
      std::printf("%7d | %9.1f %9.1f %8.1f | %9.1f %9.1f %8.1f | %7.2f | %9.4f %9.4f\n", n, o.bestMs, o.medianMs,
                  o.peakMb, p.bestMs, p.medianMs, p.peakMb, o.bestMs / p.bestMs, o.bestMs / n, p.bestMs / n);
      std::fflush(stdout);
    }
    std::printf("\nratio = ormc best / protoc best, both measured in this run. Flat ms/model = linear time.\n");
    if (!options.keep) fs::remove_all(dir);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "ormc_bench_compiler_speed: %s\n", e.what());
    return 2;
  }
  return 0;
}
