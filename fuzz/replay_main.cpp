// Replays inputs through a fuzz target's entry function without libFuzzer:
//   fuzz_replay_TARGET [--ext md,markdown] PATH...
// Each PATH is a file or a folder (walked recursively; folders named after
// --ext give only their files with one of those extensions). Used by ctest to replay fuzz/regressions/
// and the seed corpus in the normal and sanitizer builds. A crash aborts the
// process, so ctest fails; a hang hits the test's TIMEOUT.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <set>
#include <string>
#include <vector>

#include "entry.h"

namespace fs = std::filesystem;

int main(int argc, char** argv) {
  std::set<std::string> exts;
  std::vector<fs::path> files;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--ext" && i + 1 < argc) {
      std::string list = argv[++i];
      for (std::size_t from = 0; from <= list.size();) {
        std::size_t comma = std::min(list.find(',', from), list.size());
        exts.insert("." + list.substr(from, comma - from));
        from = comma + 1;
      }
      continue;
    }
    std::error_code ec;
    if (fs::is_directory(arg, ec)) {
      for (const auto& entry : fs::recursive_directory_iterator(arg)) {
        if (!entry.is_regular_file()) continue;
        if (!exts.empty() && !exts.count(entry.path().extension().string())) continue;
        if (entry.path().filename().string().starts_with(".")) continue;  // .gitkeep, README-less markers
        files.push_back(entry.path());
      }
    } else if (fs::is_regular_file(arg, ec)) {
      files.emplace_back(arg);
    } else {
      std::cerr << arg << ": no such file or folder\n";
      return 2;
    }
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& p : files) {
    std::ifstream in(p, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof()) {
      std::cerr << p.string() << ": cannot read\n";
      return 2;
    }
    LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
  }
  std::cout << "replayed " << files.size() << " inputs\n";
  return files.empty() ? 1 : 0;
}
