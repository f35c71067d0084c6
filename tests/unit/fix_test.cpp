#include "test_support.h"

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "check/check.h"
#include "config/config.h"
#include "fix/fix.h"

using namespace caselint;
namespace fs = std::filesystem;

namespace {

rules::Diagnostic replacing(int line, int col, int end_col, std::string original, std::string text, bool safe = true) {
  rules::Diagnostic d;
  d.code = "ST001";
  doc::SourceRange r{{line, col}, {line, end_col}};
  d.fix = rules::Fix{"replace", {rules::Edit{r, std::move(text), std::move(original)}}, safe};
  return d;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct TempDir {
  fs::path path;
  TempDir() {
    char tmpl[] = "/tmp/caselint-fix-XXXXXX";
    path = ::mkdtemp(tmpl);
  }
  ~TempDir() {
    std::error_code ec;
    fs::permissions(path, fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(path, ec);
  }
};

void write(const fs::path& p, std::string_view s) {
  std::ofstream out(p, std::ios::binary);
  out << s;
}

}  // namespace

TEST_CASE("fixes replace exactly their range, columns in code points") {
  // "Café" is 4 code points and 5 bytes: the column after it must still land.
  std::string src = "Café uses AWS Lamba daily.\nAmazon Sagemaker\n";
  auto a = fix::apply_fixes(src, {replacing(1, 11, 20, "AWS Lamba", "AWS Lambda"),
                                  replacing(2, 1, 17, "Amazon Sagemaker", "Amazon SageMaker")});
  CHECK(a.applied == 2);
  CHECK(a.skipped == 0);
  CHECK(a.text == "Café uses AWS Lambda daily.\nAmazon SageMaker\n");
}

TEST_CASE("overlapping, unsafe and out-of-range fixes are left out") {
  std::string src = "AWS Lamba\n";
  auto a = fix::apply_fixes(src, {replacing(1, 1, 10, "AWS Lamba", "AWS Lambda"), replacing(1, 5, 10, "Lamba", "Lambda!"),
                                  replacing(1, 1, 4, "AWS", "X", false), replacing(9, 1, 2, "", "Y")});
  CHECK(a.applied == 1);
  CHECK(a.skipped == 3);
  CHECK(a.mismatches.empty());
  CHECK(a.text == "AWS Lambda\n");
}

TEST_CASE("a fix whose range does not hold its original text leaves the whole file as it is") {
  // The position is two columns off, as a wrong map from the text to the
  // file would put it: the range holds "S Lam", not "AWS Lamba".
  const std::string src = "Intro:\n    Q uses AWS Lamba and PHI data.\n";
  auto a = fix::apply_fixes(src, {replacing(2, 10, 19, "AWS Lamba", "AWS Lambda"),
                                  replacing(2, 26, 29, "PHI", "protected health information (PHI)")});
  CHECK(a.applied == 0);
  CHECK(a.text == src);
  REQUIRE(a.mismatches.size() == 1);
  CHECK(a.mismatches[0].expected == "AWS Lamba");
  CHECK(a.mismatches[0].found == "s AWS Lam");
  CHECK(fix::describe("s.md", a.mismatches[0]) ==
        "s.md:2:10: fix for ST001 skipped: expected \"AWS Lamba\" there, found \"s AWS Lam\"; the file is left as it is");
  // An edit that carries no original text replaces nothing but an empty range.
  auto b = fix::apply_fixes(src, {replacing(2, 12, 21, "", "AWS Lambda")});
  CHECK(b.applied == 0);
  CHECK(b.text == src);
  CHECK(b.mismatches.size() == 1);
}

TEST_CASE("unified diff of a fix") {
  std::string d = fix::unified_diff("s.md", "a\nb\nc\n", "a\nB\nc\n");
  CHECK(d == "--- a/s.md\n+++ b/s.md\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n");
  CHECK(fix::unified_diff("s.md", "same\n", "same\n").empty());
}

TEST_CASE("atomic write: replaces the file, keeps its mode and byte order mark") {
  TempDir t;
  fs::path p = t.path / "s.md";
  write(p, "\xEF\xBB\xBF" "AWS Lamba\n");
  ::chmod(p.c_str(), 0640);
  struct stat before {};
  ::stat(p.c_str(), &before);
  REQUIRE_FALSE(fix::write_atomically(p.string(), "AWS Lamba\n", "AWS Lambda\n"));
  CHECK(slurp(p) == "\xEF\xBB\xBF" "AWS Lambda\n");
  struct stat after {};
  ::stat(p.c_str(), &after);
  CHECK((after.st_mode & 07777) == 0640);
  CHECK(after.st_ino != before.st_ino);  // renamed over, not rewritten in place
  int leftovers = 0;
  for (const auto& e : fs::directory_iterator(t.path)) leftovers += e.path().filename() != "s.md";
  CHECK(leftovers == 0);
}

TEST_CASE("atomic write refuses a file that changed since it was checked, or is read-only") {
  TempDir t;
  fs::path p = t.path / "s.md";
  write(p, "edited meanwhile\n");
  auto err = fix::write_atomically(p.string(), "AWS Lamba\n", "AWS Lambda\n");
  REQUIRE(err);
  CHECK(err->find("changed on disk") != std::string::npos);
  CHECK(slurp(p) == "edited meanwhile\n");

  write(p, "AWS Lamba\n");
  ::chmod(p.c_str(), 0444);
  err = fix::write_atomically(p.string(), "AWS Lamba\n", "AWS Lambda\n");
  REQUIRE(err);
  CHECK(err->find("read-only") != std::string::npos);
  CHECK(slurp(p) == "AWS Lamba\n");
}

TEST_CASE("atomic write through a symbolic link replaces the target and keeps the link") {
  TempDir t;
  fs::path target = t.path / "real.md";
  fs::path link = t.path / "link.md";
  write(target, "AWS Lamba\n");
  fs::create_symlink(target, link);
  REQUIRE_FALSE(fix::write_atomically(link.string(), "AWS Lamba\n", "AWS Lambda\n"));
  CHECK(fs::is_symlink(link));
  CHECK(slurp(target) == "AWS Lambda\n");
}

TEST_CASE("write_file creates or replaces a file it owns, atomically, and respects read-only files") {
  TempDir t;
  fs::path p = t.path / "baseline.json";
  mode_t mask = ::umask(022);
  REQUIRE_FALSE(fix::write_file(p.string(), "one\n"));
  ::umask(mask);
  CHECK(slurp(p) == "one\n");
  struct stat st {};
  ::stat(p.c_str(), &st);
  CHECK((st.st_mode & 07777) == 0644);
  ::chmod(p.c_str(), 0600);
  REQUIRE_FALSE(fix::write_file(p.string(), "two\n"));
  CHECK(slurp(p) == "two\n");
  ::stat(p.c_str(), &st);
  CHECK((st.st_mode & 07777) == 0600);
  ::chmod(p.c_str(), 0444);
  auto err = fix::write_file(p.string(), "three\n");
  REQUIRE(err);
  CHECK(err->find("read-only") != std::string::npos);
  CHECK(slurp(p) == "two\n");
  int entries = 0;
  for (const auto& e : fs::directory_iterator(t.path)) entries += e.exists();
  CHECK(entries == 1);
}

TEST_CASE("the checked text is kept for fixing, whether the caller keeps its file or hands it over") {
  config::ConfigCache configs(std::nullopt);
  check::Input in;
  in.config_path = in.settings_path = "/nonexistent-caselint-test/study.md";
  rules::RunOptions run;
  run.as_of = "2026-01-01";
  const std::string text = "# Study\n\nThe migration is definitely done.\n";
  load::SourceFile kept{in.config_path, text, doc::Format::markdown};

  in.keep_source = true;
  format::FileResult a = check::check_source(kept, in, configs, run);
  CHECK(kept.bytes == text);  // the caller's file is left as it was
  REQUIRE(a.source);
  CHECK(*a.source == text);

  load::SourceFile handed = kept;
  format::FileResult b = check::check_source(std::move(handed), in, configs, run);
  REQUIRE(b.source);
  CHECK(*b.source == text);
  CHECK(b.diagnostics.size() == a.diagnostics.size());
  CHECK(!b.diagnostics.empty());

  in.keep_source = false;
  load::SourceFile dropped = kept;
  format::FileResult c = check::check_source(std::move(dropped), in, configs, run);
  CHECK(!c.source);
  CHECK(c.diagnostics.size() == a.diagnostics.size());
}
