#include "load/source.h"

#include <algorithm>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <set>
#include <sstream>
#include <system_error>

#include "doc/line_index.h"

namespace fs = std::filesystem;

namespace caselint::load {

namespace {

std::string lower_ext(const std::string& path) {
  std::string ext = fs::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

std::string human_size(std::size_t n) {
  std::ostringstream os;
  if (n >= 1024u * 1024u) {
    os << (n / (1024u * 1024u)) << " MiB";
  } else if (n >= 1024u) {
    os << (n / 1024u) << " KiB";
  } else {
    os << n << " bytes";
  }
  return os.str();
}

// A link that resolves to itself through one or more links.
std::string symlink_loop_reason() {
  return "cannot read: symbolic link loop (" + std::make_error_code(std::errc::too_many_symbolic_link_levels).message() +
         ")";
}

}  // namespace

std::optional<doc::Format> format_for_path(const std::string& path) {
  std::string ext = lower_ext(path);
  if (ext == ".md" || ext == ".markdown") return doc::Format::markdown;
  if (ext == ".html" || ext == ".htm") return doc::Format::html;
  if (ext == ".ipynb") return doc::Format::ipynb;
  if (ext == ".docx") return doc::Format::docx;
  if (ext == ".pdf") return doc::Format::pdf;
  return std::nullopt;
}

bool is_binary_format(doc::Format f) { return f == doc::Format::docx || f == doc::Format::pdf; }

std::optional<std::string> check_size(const std::string& bytes, std::size_t max_size) {
  if (bytes.size() <= max_size) return std::nullopt;
  return "file is " + human_size(bytes.size()) + ", over the size limit of " + human_size(max_size) +
         " (set max_file_size in .caselint.yaml or --max-file-size)";
}

std::optional<std::string> check_bytes(std::string& bytes, std::size_t max_size) {
  if (bytes.size() > max_size) {
    return "file is " + human_size(bytes.size()) + ", over the size limit of " + human_size(max_size) +
           " (set max_file_size in .caselint.yaml or --max-file-size)";
  }
  if (bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') || (bytes[0] == '\xFE' && bytes[1] == '\xFF'))) {
    return "file is UTF-16 encoded; caselint reads UTF-8 (convert it with iconv -f UTF-16 -t UTF-8)";
  }
  if (auto nul = bytes.find('\0'); nul != std::string::npos) {
    return "binary file (NUL byte at offset " + std::to_string(nul) + ")";
  }
  if (auto bad = doc::find_invalid_utf8(bytes)) {
    std::size_t line = 1 + static_cast<std::size_t>(std::count(bytes.begin(), bytes.begin() + static_cast<long>(*bad), '\n'));
    return "invalid UTF-8 at byte offset " + std::to_string(*bad) + " (line " + std::to_string(line) + ")";
  }
  if (bytes.size() >= 3 && bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) bytes.erase(0, 3);
  return std::nullopt;
}

namespace {

// Closes a file descriptor when it goes out of scope.
struct Fd {
  int fd = -1;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

}  // namespace

LoadResult load_file(const std::string& path, std::size_t max_size) {
  LoadResult r;
  // One open and one fstat answer what used to take two stats and a stream:
  // O_NONBLOCK keeps a named pipe from blocking the open; it does not change
  // how a regular file reads.
  Fd f{::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)};
  if (f.fd < 0) {
    if (errno == ELOOP) {
      r.error = LoadError{path, symlink_loop_reason()};
    } else if (errno == ENOENT || errno == ENOTDIR) {
      r.error = LoadError{path, "cannot read: no such file"};
    } else {
      r.error = LoadError{path, std::string("cannot read: ") + std::strerror(errno)};
    }
    return r;
  }
  struct stat st {};
  if (::fstat(f.fd, &st) != 0) {
    r.error = LoadError{path, std::string("cannot read: ") + std::strerror(errno)};
    return r;
  }
  if (S_ISDIR(st.st_mode)) {
    r.error = LoadError{path, "is a folder"};
    return r;
  }
  // A named pipe or a device would block the run or never end.
  if (!S_ISREG(st.st_mode)) {
    r.error = LoadError{path, "cannot read: not a regular file (a named pipe, socket or device)"};
    return r;
  }
  const auto size = static_cast<std::size_t>(st.st_size);
  if (size > max_size) {
    r.error = LoadError{path, "file is " + human_size(size) + ", over the size limit of " + human_size(max_size) +
                                  " (set max_file_size in .caselint.yaml or --max-file-size)"};
    return r;
  }
  // Read to the end, whatever the size said: the file may change meanwhile.
  // A file that grows past the limit stops one byte over it, which
  // check_bytes reports.
  std::string bytes;
  bytes.resize(size + 1);
  std::size_t got = 0;
  for (;;) {
    if (got == bytes.size()) {
      if (bytes.size() > max_size) break;
      bytes.resize(std::min(max_size + 1, std::max<std::size_t>(bytes.size() * 2, 4096)));
    }
    ssize_t n = ::read(f.fd, bytes.data() + got, bytes.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      r.error = LoadError{path, std::string("cannot read: ") + std::strerror(errno)};
      return r;
    }
    if (n == 0) break;
    got += static_cast<std::size_t>(n);
  }
  bytes.resize(got);
  const doc::Format format = format_for_path(path).value_or(doc::Format::markdown);
  if (auto why = is_binary_format(format) ? check_size(bytes, max_size) : check_bytes(bytes, max_size)) {
    r.error = LoadError{path, *why};
    return r;
  }
  r.file = SourceFile{path, std::move(bytes), format};
  return r;
}

LoadResult load_stdin(const std::string& display_path, std::size_t max_size) {
  LoadResult r;
  std::string bytes;
  char buf[65536];
  while (std::cin.read(buf, sizeof buf) || std::cin.gcount() > 0) {
    bytes.append(buf, static_cast<std::size_t>(std::cin.gcount()));
    if (bytes.size() > max_size) break;
  }
  const doc::Format format = format_for_path(display_path).value_or(doc::Format::markdown);
  if (auto why = is_binary_format(format) ? check_size(bytes, max_size) : check_bytes(bytes, max_size)) {
    r.error = LoadError{display_path, *why};
    return r;
  }
  r.file = SourceFile{display_path, std::move(bytes), format};
  return r;
}

Expansion expand_paths(const std::vector<std::string>& paths) {
  Expansion out;
  for (const std::string& p : paths) {
    if (p == "-") {
      out.files.push_back(p);
      continue;
    }
    std::error_code ec;
    auto st = fs::status(p, ec);
    if (ec == std::errc::too_many_symbolic_link_levels) {
      out.errors.push_back({p, symlink_loop_reason()});
      continue;
    }
    if (ec || !fs::exists(st)) {
      out.errors.push_back({p, "no such file or folder"});
      continue;
    }
    if (!fs::is_directory(st)) {
      out.files.push_back(p);
      continue;
    }
    std::vector<std::string> found;
    std::vector<std::string> loops;
    std::set<fs::path> seen_dirs;
    auto opts = fs::directory_options::skip_permission_denied;
    fs::recursive_directory_iterator it(p, opts, ec), end;
    if (ec) {
      out.errors.push_back({p, "cannot read folder: " + ec.message()});
      continue;
    }
    for (; it != end; it.increment(ec)) {
      if (ec) {
        out.errors.push_back({it->path().string(), "cannot read folder: " + ec.message()});
        ec.clear();
        continue;
      }
      const fs::path& path = it->path();
      std::string name = path.filename().string();
      std::error_code e2;
      if (it->is_directory(e2)) {
        // .ipynb_checkpoints holds Jupyter's autosaved copies of notebooks.
        if (name == ".git" || name == "node_modules" || name == ".ipynb_checkpoints") {
          it.disable_recursion_pending();
        }
        continue;
      }
      auto fmt = format_for_path(path.string());
      if (!it->is_regular_file(e2)) {
        // Links are not followed into folders, so a folder loop is never
        // walked; a link that cannot resolve at all is reported, once.
        if (fmt && e2 == std::errc::too_many_symbolic_link_levels) loops.push_back(path.string());
        continue;
      }
      // "~$study.docx" is the lock file Word keeps beside an open document.
      if (fmt && !(*fmt == doc::Format::docx && name.rfind("~$", 0) == 0)) found.push_back(path.string());
    }
    std::sort(found.begin(), found.end());
    out.files.insert(out.files.end(), found.begin(), found.end());
    std::sort(loops.begin(), loops.end());
    for (std::string& loop : loops) out.errors.push_back({std::move(loop), symlink_loop_reason()});
  }
  return out;
}

}  // namespace caselint::load
