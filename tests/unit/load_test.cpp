#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "load/source.h"

using namespace caselint;
namespace fs = std::filesystem;

TEST_CASE("check_bytes accepts UTF-8 and strips a BOM") {
  std::string s = "\xEF\xBB\xBF# Title\n";
  CHECK_FALSE(load::check_bytes(s, 1024));
  CHECK(s == "# Title\n");
}

TEST_CASE("check_bytes names the reason for bad input") {
  std::string nul = std::string("a\0b", 3);
  CHECK(load::check_bytes(nul, 1024)->find("binary file (NUL byte at offset 1)") == 0);
  std::string bad = "ok\n\xC3\x28";
  CHECK(*load::check_bytes(bad, 1024) == "invalid UTF-8 at byte offset 3 (line 2)");
  std::string overlong = "\xC0\xAF";
  CHECK(load::check_bytes(overlong, 1024));
  std::string surrogate = "\xED\xA0\x80";
  CHECK(load::check_bytes(surrogate, 1024));
  std::string utf16 = "\xFF\xFE#\0 \0";
  CHECK(load::check_bytes(utf16, 1024)->find("UTF-16") != std::string::npos);
  std::string big(2048, 'a');
  CHECK(load::check_bytes(big, 1024)->find("over the size limit of 1 KiB") != std::string::npos);
  std::string four = "\xF0\x9F\x98\x80 emoji";
  CHECK_FALSE(load::check_bytes(four, 1024));
}

TEST_CASE("expand_paths walks folders for the right extensions and skips .git and node_modules") {
  fs::path root = fs::temp_directory_path() / "caselint_load_test";
  fs::remove_all(root);
  fs::create_directories(root / "a" / ".git");
  fs::create_directories(root / "node_modules" / "x");
  fs::create_directories(root / "nb" / ".ipynb_checkpoints");
  for (const char* f : {"a/one.md", "a/two.HTML", "a/skip.txt", "a/.git/x.md", "node_modules/x/y.md", "b.markdown", "c.htm",
                        "nb/use-case.ipynb", "nb/.ipynb_checkpoints/use-case-checkpoint.ipynb"}) {
    std::ofstream(root / f) << "# x\n";
  }
  load::Expansion e = load::expand_paths({root.string(), (root / "nope").string()});
  std::vector<std::string> names;
  for (const std::string& f : e.files) names.push_back(fs::relative(f, root).string());
  CHECK(names == std::vector<std::string>{"a/one.md", "a/two.HTML", "b.markdown", "c.htm", "nb/use-case.ipynb"});
  CHECK(load::format_for_path("x/Use Case.IPYNB") == doc::Format::ipynb);
  REQUIRE(e.errors.size() == 1);
  CHECK(e.errors[0].reason == "no such file or folder");
  fs::remove_all(root);
}

TEST_CASE("load_file reports a vanished file and a folder") {
  load::LoadResult r = load::load_file("/nonexistent/caselint.md", 1024);
  REQUIRE(r.error);
  CHECK(r.error->reason.find("no such file") != std::string::npos);
  load::LoadResult d = load::load_file(fs::temp_directory_path().string(), 1024);
  REQUIRE(d.error);
  CHECK(d.error->reason == "is a folder");
}
