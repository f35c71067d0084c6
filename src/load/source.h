// Loading: bytes from disk or stdin, the checks every file must pass before
// parsing (size, NUL bytes, UTF-8), and format sniffing.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "doc/document.h"

namespace caselint::load {

inline constexpr std::size_t kDefaultMaxFileSize = 16u * 1024u * 1024u;

struct SourceFile {
  std::string path;      // as given on the command line (or --stdin-filename)
  std::string bytes;     // UTF-8, BOM removed
  doc::Format format = doc::Format::markdown;
};

struct LoadError {
  std::string path;
  std::string reason;
};

// Format from the file extension; nullopt when the extension is not one
// caselint reads.
std::optional<doc::Format> format_for_path(const std::string& path);

// Word (.docx) and PDF files are binary: their readers check them (a zip
// package, a PDF), so loading checks only their size.
bool is_binary_format(doc::Format f);
std::optional<std::string> check_size(const std::string& bytes, std::size_t max_size);

// Validates bytes read from `path`: size limit, NUL bytes, UTF-8, UTF-16 BOM.
// On success returns nullopt and strips a UTF-8 BOM from `bytes`.
std::optional<std::string> check_bytes(std::string& bytes, std::size_t max_size);

// Reads and validates one file. Exactly one of the two results is set.
struct LoadResult {
  std::optional<SourceFile> file;
  std::optional<LoadError> error;
};
LoadResult load_file(const std::string& path, std::size_t max_size);
LoadResult load_stdin(const std::string& display_path, std::size_t max_size);

// Expands command-line paths: files are kept as given (any extension),
// folders are walked recursively for .md, .markdown, .html, .htm, .ipynb,
// .docx and .pdf files (not Word's lock files, "~$name.docx"), skipping .git, node_modules and .ipynb_checkpoints, in sorted order. Paths that do not exist
// become errors.
struct Expansion {
  std::vector<std::string> files;
  std::vector<LoadError> errors;
};
Expansion expand_paths(const std::vector<std::string>& paths);

}  // namespace caselint::load
