// ormc_bench_gen_schema N OUTDIR: writes the synthetic benchmark schema with N models as
// OUTDIR/bench_N.orm and OUTDIR/bench_N.proto (see schema_gen.hpp), for inspection or for
// timing other tools by hand. Exit status 0 on success, 2 on bad arguments or I/O errors.
#include "schema_gen.hpp"

#include <charconv>
#include <cstdio>
#include <exception>
#include <string_view>
#include <system_error>

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: %s N OUTDIR\n", argv[0]);
    return 2;
  }
  const std::string_view count(argv[1]);
  int models = 0;
  const auto [end, ec] = std::from_chars(count.data(), count.data() + count.size(), models);
  if (ec != std::errc{} || end != count.data() + count.size()) {
    std::fprintf(stderr, "ormc_bench_gen_schema: N must be a number, got '%s'\n", argv[1]);
    return 2;
  }
  try {
    const ormc::bench::SchemaFiles files = ormc::bench::writeSchemaFiles(models, argv[2]);
    std::printf("%s\n%s\n", files.orm.c_str(), files.proto.c_str());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "ormc_bench_gen_schema: %s\n", e.what());
    return 2;
  }
  return 0;
}
