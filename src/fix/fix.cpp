#include "fix/fix.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <dtl/dtl.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "doc/line_index.h"

namespace caselint::fix {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

struct ByteEdit {
  std::size_t begin, end;  // [begin, end)
  std::string text;
};

std::vector<std::string> lines_of(std::string_view s) {
  std::vector<std::string> out;
  std::size_t at = 0;
  while (at < s.size()) {
    std::size_t nl = s.find('\n', at);
    if (nl == std::string_view::npos) {
      out.emplace_back(s.substr(at));
      out.back() += "\n\\ No newline at end of file";
      break;
    }
    out.emplace_back(s.substr(at, nl - at));
    at = nl + 1;
  }
  return out;
}

std::string errno_text() { return std::strerror(errno); }

std::optional<std::string> read_all(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return "cannot read it again before writing: " + errno_text();
  std::ostringstream ss;
  ss << in.rdbuf();
  out = ss.str();
  return std::nullopt;
}

}  // namespace

Applied apply_fixes(std::string_view source, const std::vector<rules::Diagnostic>& diags) {
  doc::LineIndex index(source);
  // Each finding's fix is all or nothing.
  std::vector<std::vector<ByteEdit>> fixes;
  Applied result;
  for (const rules::Diagnostic& d : diags) {
    if (!d.fix) continue;
    if (!d.fix->safe) {
      ++result.skipped;
      continue;
    }
    std::vector<ByteEdit> edits;
    bool ok = !d.fix->edits.empty();
    for (const rules::Edit& e : d.fix->edits) {
      const std::optional<std::string_view> there = index.slice(e.range);
      if (!there) {
        ok = false;
        break;
      }
      if (*there != e.original) {
        result.mismatches.push_back({d.code, e.range.start, e.original, std::string(*there)});
        ok = false;
        break;
      }
      const auto begin = static_cast<std::size_t>(there->data() - source.data());
      edits.push_back({begin, begin + there->size(), e.text});
    }
    if (ok) {
      fixes.push_back(std::move(edits));
    } else {
      ++result.skipped;
    }
  }
  if (!result.mismatches.empty()) {
    result.text = source;
    result.skipped += result.applied;
    result.applied = 0;
    return result;
  }
  std::stable_sort(fixes.begin(), fixes.end(), [](const auto& a, const auto& b) { return a.front().begin < b.front().begin; });
  std::vector<ByteEdit> chosen;
  for (const auto& fix : fixes) {
    bool overlaps = std::any_of(fix.begin(), fix.end(), [&](const ByteEdit& e) {
      return std::any_of(chosen.begin(), chosen.end(),
                         [&](const ByteEdit& c) { return e.begin < c.end && c.begin < e.end; });
    });
    if (overlaps) {
      ++result.skipped;
      continue;
    }
    chosen.insert(chosen.end(), fix.begin(), fix.end());
    ++result.applied;
  }
  std::sort(chosen.begin(), chosen.end(), [](const ByteEdit& a, const ByteEdit& b) { return a.begin < b.begin; });
  std::size_t at = 0;
  for (const ByteEdit& e : chosen) {
    result.text.append(source.substr(at, e.begin - at));
    result.text.append(e.text);
    at = e.end;
  }
  result.text.append(source.substr(at));
  return result;
}

std::string describe(const std::string& path, const Mismatch& m) {
  return path + ":" + doc::to_string(m.at) + ": fix for " + m.code + " skipped: expected \"" + m.expected +
         "\" there, found \"" + m.found + "\"; the file is left as it is";
}

std::string unified_diff(const std::string& path, std::string_view before, std::string_view after) {
  if (before == after) return {};
  dtl::Diff<std::string> diff(lines_of(before), lines_of(after));
  diff.onHuge();
  diff.compose();
  diff.composeUnifiedHunks();
  std::ostringstream out;
  out << "--- a/" << path << "\n+++ b/" << path << '\n';
  diff.printUnifiedFormat(out);
  return out.str();
}

namespace {

// Through a symbolic link, the file it points at is replaced, not the link.
std::string link_target(const std::string& given) {
  std::error_code ec;
  std::filesystem::path resolved = std::filesystem::canonical(given, ec);
  return ec ? given : resolved.string();
}

// The mode bits count even for root: a read-only file is the user's choice.
bool read_only(const std::string& path, const struct stat& st) {
  return (st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0 || ::access(path.c_str(), W_OK) != 0;
}

// Writes `bytes` to a temporary file beside `path`, gives it `mode`, flushes
// it, asks `last_look` (a reason not to go on, or nullopt), then renames it
// over `path`. The temporary file never outlives a failure.
template <typename LastLook>
std::optional<std::string> replace_through_temp(const std::string& path, std::string_view bytes, mode_t mode,
                                                LastLook last_look) {
  std::filesystem::path target(path);
  std::string tmpl = (target.parent_path() / ("." + target.filename().string() + ".caselint-XXXXXX")).string();
  if (target.parent_path().empty()) tmpl = "." + target.filename().string() + ".caselint-XXXXXX";
  std::vector<char> name(tmpl.begin(), tmpl.end());
  name.push_back('\0');
  int fd = ::mkstemp(name.data());
  if (fd < 0) return "cannot create a temporary file beside it: " + errno_text();
  std::string tmp(name.data());
  auto fail = [&](const std::string& what) -> std::optional<std::string> {
    std::string reason = what + ": " + errno_text();
    ::close(fd);
    ::unlink(tmp.c_str());
    return reason;
  };
  std::size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail("cannot write the temporary file");
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fchmod(fd, mode) != 0) return fail("cannot keep the file's mode");
  if (::fsync(fd) != 0) return fail("cannot flush the temporary file");
  if (::close(fd) != 0) {
    ::unlink(tmp.c_str());
    return "cannot close the temporary file: " + errno_text();
  }
  if (std::optional<std::string> stop = last_look()) {
    ::unlink(tmp.c_str());
    return stop;
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    std::string reason = "cannot replace it: " + errno_text();
    ::unlink(tmp.c_str());
    return reason;
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> write_atomically(const std::string& given, std::string_view expected,
                                            std::string_view replacement) {
  const std::string path = link_target(given);
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return "cannot write: " + errno_text();
  if (read_only(path, st)) return "not written: the file is read-only";
  std::string current;
  if (auto err = read_all(path, current)) return err;
  bool bom = current.rfind(kBom, 0) == 0;
  if (std::string_view(current).substr(bom ? kBom.size() : 0) != expected) {
    return "not written: the file changed on disk since it was checked";
  }
  std::string bytes = bom ? std::string(kBom) + std::string(replacement) : std::string(replacement);
  return replace_through_temp(path, bytes, st.st_mode & 07777, [&]() -> std::optional<std::string> {
    // Last look: a write between the check above and now is not lost silently.
    std::string again;
    if (read_all(path, again) || again != current) return "not written: the file changed on disk since it was checked";
    return std::nullopt;
  });
}

std::optional<std::string> write_file(const std::string& given, std::string_view bytes) {
  const std::string path = link_target(given);
  struct stat st {};
  mode_t mode = 0;
  if (::stat(path.c_str(), &st) == 0) {
    if (read_only(path, st)) return "not written: the file is read-only";
    mode = st.st_mode & 07777;
  } else {
    mode_t mask = ::umask(0);
    ::umask(mask);
    mode = 0666 & ~mask;
  }
  return replace_through_temp(path, bytes, mode, [] { return std::optional<std::string>(); });
}

}  // namespace caselint::fix
