// caselint-submission.yaml. The schema walk visits the top-level mapping, the
// list of references and each reference's mapping, and otherwise reads
// scalars only, so an alias bomb costs no more than its text.
#include "portfolio/manifest.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>

#include "config/yaml_node.h"
#include "load/source.h"

namespace caselint::portfolio {

namespace {

namespace fs = std::filesystem;

constexpr std::size_t kMaxManifestSize = 1024 * 1024;

const std::vector<std::string> kTopKeys = {"program", "partner", "engines", "references",
                                           "landing_page", "site", "public_consent", "practice"};
const std::vector<std::string> kReferenceKeys = {"file", "folder", "files", "study", "supporting",
                                                 "public", "customer", "url"};
const std::vector<std::string> kEngines = {"aurora-mysql", "aurora-postgresql"};

using config::line_of;
using config::kind_of;

doc::SourceRange range_of(const YAML::Node& n) {
  doc::Position p{line_of(n), n.Mark().column < 0 ? 1 : n.Mark().column + 1};
  return {p, p};
}


std::string quote_name(const std::string& s) { return "\"" + (s.size() > 80 ? s.substr(0, 80) + "..." : s) + "\""; }

bool is_url(const std::string& s) { return s.rfind("http://", 0) == 0 || s.rfind("https://", 0) == 0; }

class Parser {
 public:
  explicit Parser(const std::string& path) : path_(path), dir_(fs::path(path).parent_path()) {}

  [[noreturn]] void fail(const YAML::Node& at, const std::string& message) const {
    throw config::ConfigError(path_, line_of(at), message);
  }

  std::vector<std::pair<YAML::Node, YAML::Node>> entries(const YAML::Node& map,
                                                         const std::vector<std::string>& allowed) const {
    std::vector<std::pair<YAML::Node, YAML::Node>> out;
    std::map<std::string, int> seen;
    for (auto it = map.begin(); it != map.end(); ++it) {
      const YAML::Node key = it->first;
      if (!key.IsScalar()) fail(key, std::string("expected a key name, found ") + kind_of(key));
      const std::string& name = key.Scalar();
      if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
        std::string best = config::suggest(name, allowed);
        fail(key, "unknown key " + quote_name(name) +
                      (best.empty() ? "; valid keys: " + config::joined(allowed) : "; did you mean " + quote_name(best) + "?"));
      }
      if (auto [at, inserted] = seen.emplace(name, line_of(key)); !inserted)
        fail(key, "duplicate key " + quote_name(name) + " (first at line " + std::to_string(at->second) + ")");
      out.emplace_back(key, it->second);
    }
    return out;
  }

  std::string text(const YAML::Node& value, const std::string& key, const char* what) const {
    if (!value.IsScalar()) fail(value, "\"" + key + "\" must be " + what + ", found " + kind_of(value));
    if (value.Scalar().empty()) fail(value, "\"" + key + "\" is empty; expected " + what);
    return value.Scalar();
  }

  bool boolean(const YAML::Node& value, const std::string& key) const {
    static const std::vector<std::string> kTrue = {"true", "yes", "on"}, kFalse = {"false", "no", "off"};
    std::string t = text(value, key, "true or false");
    std::string l = t;
    for (char& c : l) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (std::find(kTrue.begin(), kTrue.end(), l) != kTrue.end()) return true;
    if (std::find(kFalse.begin(), kFalse.end(), l) != kFalse.end()) return false;
    fail(value, "\"" + key + "\" must be true or false, found " + quote_name(t));
  }

  std::vector<YAML::Node> list(const YAML::Node& value, const std::string& key, const char* what) const {
    std::vector<YAML::Node> out;
    if (value.IsScalar()) {
      out.push_back(value);
    } else if (value.IsSequence()) {
      for (const auto& item : value) out.push_back(item);
    } else {
      fail(value, "\"" + key + "\" must be a list of " + what + ", found " + kind_of(value));
    }
    return out;
  }

  std::string existing_file(const YAML::Node& value, const std::string& key) const {
    std::string file = text(value, key, "a path relative to the manifest");
    fs::path full = (dir_ / file).lexically_normal();
    std::error_code ec;
    if (!fs::is_regular_file(full, ec)) fail(value, "\"" + key + "\" file " + quote_name(file) + " not found (looked for " + full.string() + ")");
    return full.string();
  }

  // The documents caselint reads in a folder (recursively), as paths.
  std::vector<std::string> folder_documents(const YAML::Node& value, const std::string& key, std::string& written) const {
    written = text(value, key, "a folder relative to the manifest");
    fs::path full = (dir_ / written).lexically_normal();
    std::error_code ec;
    if (!fs::is_directory(full, ec))
      fail(value, "\"" + key + "\" folder " + quote_name(written) + " not found (looked for " + full.string() + ")");
    // The manifest's own folder or one above it would hold the whole
    // submission (or the whole disk): never one reference's documents.
    fs::path here = fs::weakly_canonical(dir_.empty() ? fs::path(".") : dir_, ec);
    fs::path there = fs::weakly_canonical(full, ec);
    fs::path rel = here.lexically_relative(there);
    if (!ec && !rel.empty() && *rel.begin() != "..")
      fail(value, "\"" + key + "\" folder " + quote_name(written) +
                      " holds the manifest's own folder; name a folder inside the submission");
    load::Expansion exp = load::expand_paths({full.string()});
    if (!exp.errors.empty()) fail(value, "\"" + key + "\": " + exp.errors.front().path + ": " + exp.errors.front().reason);
    if (exp.files.empty())
      fail(value, "\"" + key + "\" folder " + quote_name(written) +
                      " holds no document caselint reads (.md, .html, .ipynb, .docx, .pdf)");
    for (std::string& f : exp.files) f = fs::path(f).lexically_normal().string();
    return exp.files;
  }

  ReferenceEntry reference(const YAML::Node& item) const {
    if (!item.IsMap())
      fail(item, std::string("each reference must be a mapping with file: (or folder: or files:), found ") + kind_of(item));
    ReferenceEntry r;
    r.at = range_of(item);
    std::vector<std::string> sources;  // which of file, folder, files
    std::optional<YAML::Node> study_node;
    std::string study;
    std::vector<std::string> extra;  // `supporting:`
    auto add_document = [&](const std::string& path) {
      if (std::find(r.documents.begin(), r.documents.end(), path) == r.documents.end()) r.documents.push_back(path);
    };
    for (const auto& [key, value] : entries(item, kReferenceKeys)) {
      const std::string& name = key.Scalar();
      if (name == "file") {
        sources.push_back(name);
        r.file = value.IsScalar() ? value.Scalar() : "";
        r.path = existing_file(value, "file");
        r.study_named = true;
      } else if (name == "folder") {
        sources.push_back(name);
        for (const std::string& f : folder_documents(value, "folder", r.folder)) add_document(f);
      } else if (name == "files") {
        sources.push_back(name);
        for (const YAML::Node& n : list(value, "files", "paths relative to the manifest")) add_document(existing_file(n, "files"));
        if (r.documents.empty()) fail(value, "\"files\" is empty; list the reference's documents");
      } else if (name == "study") {
        study_node = value;
        study = existing_file(value, "study");
      } else if (name == "supporting") {
        for (const YAML::Node& n : list(value, "supporting", "paths relative to the manifest"))
          extra.push_back(existing_file(n, "supporting"));
      } else if (name == "public") {
        r.is_public = boolean(value, "public");
      } else if (name == "customer") {
        r.customer = text(value, "customer", "the customer's name");
      } else if (name == "url") {
        r.url = text(value, "url", "an http(s) URL");
        if (!is_url(r.url)) fail(value, "\"url\" must be an http(s) URL, found " + quote_name(r.url));
      }
    }
    if (sources.empty())
      fail(item, "a reference needs \"file\" (its case study), \"folder\" (a folder of its documents) or \"files\" (a list of them)");
    if (sources.size() > 1)
      fail(item, "a reference takes one of \"file\", \"folder\" or \"files\", not both \"" + sources[0] + "\" and \"" +
                     sources[1] + "\"");
    if (study_node) {
      if (!r.study_named && std::find(r.documents.begin(), r.documents.end(), study) == r.documents.end())
        fail(*study_node, "\"study\" " + quote_name(study_node->Scalar()) + " is not one of the reference's documents");
      if (r.study_named) fail(*study_node, "\"study\" names the study of a \"folder\" or \"files\" reference; \"file\" is the study already");
      r.path = study;
      r.file = fs::path(study).lexically_relative(dir_).string();
      r.study_named = true;
    }
    if (r.study_named) {
      // The study first, wherever the list named it; the rest support it.
      const std::string study_path = fs::path(r.path).lexically_normal().string();
      add_document(study_path);
      auto at = std::find(r.documents.begin(), r.documents.end(), study_path);
      std::rotate(r.documents.begin(), at, at + 1);
      for (const std::string& d : r.documents)
        if (d != study_path) r.supporting.push_back(d);
    }
    for (std::string& e : extra) {
      e = fs::path(e).lexically_normal().string();
      if (std::find(r.documents.begin(), r.documents.end(), e) != r.documents.end()) continue;
      r.documents.push_back(e);
      if (r.study_named) r.supporting.push_back(e);
    }
    return r;
  }

  Manifest parse(const YAML::Node& root) {
    Manifest m;
    m.path = path_;
    if (!root.IsMap())
      fail(root, std::string("a submission manifest must be a mapping with program: and references:, found ") +
                     kind_of(root));
    std::optional<YAML::Node> engines_node;  // a copy: the entries() list ends with the loop
    bool has_references = false;
    bool has_practice = false;
    for (const auto& [key, value] : entries(root, kTopKeys)) {
      const std::string& name = key.Scalar();
      if (name == "program") {
        m.program = text(value, "program", "a program id");
        m.program_at = range_of(key);
        if (std::find(programs().begin(), programs().end(), m.program) == programs().end())
          fail(value, config::unknown_name("program", m.program, programs()));
      } else if (name == "partner") {
        m.partner = text(value, "partner", "the partner's name");
      } else if (name == "engines") {
        engines_node = value;
        for (const YAML::Node& e : list(value, "engines", "engine ids")) {
          std::string id = text(e, "engines", "an engine id");
          if (std::find(kEngines.begin(), kEngines.end(), id) == kEngines.end()) {
            std::string best = config::suggest(id, kEngines);
            fail(e, "unknown engine " + quote_name(id) + (best.empty() ? ";" : "; did you mean " + quote_name(best) + "?") +
                        " valid engines: " + config::joined(kEngines));
          }
          for (const auto& [seen, at] : m.engines)
            if (seen == id) fail(e, "engine " + quote_name(id) + " is listed twice (first at line " + std::to_string(at.start.line) + ")");
          m.engines.emplace_back(id, range_of(e));
        }
      } else if (name == "references") {
        has_references = true;
        if (!value.IsSequence()) fail(value, std::string("\"references\" must be a list of mappings, found ") + kind_of(value));
        for (const auto& item : value) m.references.push_back(reference(item));
      } else if (name == "landing_page") {
        m.landing_page = text(value, "landing_page", "a path or an http(s) URL");
        m.landing_page_at = range_of(value);
        if (!is_url(m.landing_page)) m.landing_page = existing_file(value, "landing_page");
      } else if (name == "site") {
        m.site = text(value, "site", "a folder or an http(s) URL");
        m.site_at = range_of(value);
        if (!is_url(m.site)) {
          fs::path full = (dir_ / m.site).lexically_normal();
          std::error_code ec;
          if (!fs::is_directory(full, ec)) fail(value, "\"site\" folder " + quote_name(m.site) + " not found (looked for " + full.string() + ")");
          m.site = full.string();
        }
      } else if (name == "practice") {
        m.practice_at = range_of(key);
        if (!value.IsNull()) {
          for (const YAML::Node& n : list(value, "practice", "files and folders")) {
            std::string written = text(n, "practice", "a path relative to the manifest");
            fs::path full = (dir_ / written).lexically_normal();
            std::error_code ec;
            std::vector<std::string> found;
            if (fs::is_directory(full, ec)) {
              std::string ignored;
              found = folder_documents(n, "practice", ignored);
            } else {
              found.push_back(existing_file(n, "practice"));
            }
            for (const std::string& f : found)
              if (std::find(m.practice.begin(), m.practice.end(), f) == m.practice.end()) m.practice.push_back(f);
          }
        }
        has_practice = true;
      } else if (name == "public_consent") {
        std::vector<std::string> names;
        if (!value.IsNull())
          for (const YAML::Node& n : list(value, "public_consent", "customer names"))
            names.push_back(text(n, "public_consent", "a customer name"));
        m.public_consent = std::move(names);
      }
    }
    if (m.program.empty()) fail(root, "the manifest needs \"program\": one of " + config::joined(programs()));
    if (!has_references) fail(root, "the manifest needs \"references\": the list of the submission's case studies");
    // Without `practice:`, a practice/ folder beside the manifest holds the
    // partner's process documents.
    std::error_code ec;
    if (!has_practice && fs::is_directory(dir_ / "practice", ec)) {
      load::Expansion exp = load::expand_paths({(dir_ / "practice").string()});
      for (const std::string& f : exp.files) m.practice.push_back(fs::path(f).lexically_normal().string());
    }
    if (engines_node && m.program != "aurora")
      fail(*engines_node, "\"engines\" applies to the aurora program only; this submission is for " + m.program);
    return m;
  }

 private:
  std::string path_;
  fs::path dir_;
};

}  // namespace

const std::vector<std::string>& programs() {
  static const std::vector<std::string> ids = {"aurora", "dms", "ml-consulting", "ml-technology"};
  return ids;
}

Manifest parse_manifest(const std::string& text, const std::string& path) {
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    throw config::ConfigError(path, e.mark.line < 0 ? 0 : e.mark.line + 1, "not valid YAML: " + e.msg);
  }
  try {
    return Parser(path).parse(root);
  } catch (const YAML::Exception& e) {
    throw config::ConfigError(path, e.mark.line < 0 ? 0 : e.mark.line + 1, e.msg);
  }
}

Manifest load_manifest(const std::string& path) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) throw config::ConfigError(path, 0, "cannot read submission manifest: it is a folder");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw config::ConfigError(path, 0, "cannot read submission manifest");
  std::string text;
  char buffer[65536];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    text.append(buffer, static_cast<std::size_t>(in.gcount()));
    if (text.size() > kMaxManifestSize) throw config::ConfigError(path, 0, "submission manifest is larger than 1 MiB");
  }
  if (auto problem = load::check_bytes(text, kMaxManifestSize))
    throw config::ConfigError(path, 0, "submission manifest is not UTF-8 text: " + *problem);
  return parse_manifest(text, path);
}

}  // namespace caselint::portfolio
