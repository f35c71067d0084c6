#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>

#include "parse/parse.h"

namespace caselint::parse {

namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

doc::Position pos(const YAML::Mark& m, int first_line) {
  if (m.line < 0) return {first_line, 1};
  return {first_line + m.line, m.column + 1};
}

std::string scalar_text(const YAML::Node& n) {
  if (n.IsScalar()) return n.Scalar();
  return {};
}

// Flattens nested maps one level deep into "parent.child" keys; deeper
// structure is kept only as the presence of the key.
void add_value(doc::Document& d, const std::string& key, const YAML::Node& key_node, const YAML::Node& value,
               int first_line, int depth) {
  doc::MetaValue v;
  v.range = {pos(key_node.Mark(), first_line), pos(key_node.Mark(), first_line)};
  v.range.end.column += static_cast<int>(key_node.Scalar().size());
  v.value_range = {pos(value.Mark(), first_line), pos(value.Mark(), first_line)};
  if (value.IsSequence()) {
    v.is_list = true;
    for (const auto& item : value) {
      if (item.IsScalar()) v.items.push_back(item.Scalar());
    }
  } else if (value.IsMap()) {
    v.is_map = true;
    if (depth < 2) {
      for (const auto& kv : value) {
        if (!kv.first.IsScalar()) continue;
        add_value(d, key + "." + lower(kv.first.Scalar()), kv.first, kv.second, first_line, depth + 1);
      }
    }
  } else {
    v.text = scalar_text(value);
  }
  d.metadata.insert_or_assign(key, std::move(v));
}

}  // namespace

std::string front_matter_as_blank_lines(std::string_view bytes, std::size_t front_matter) {
  const std::string_view block = bytes.substr(0, front_matter);
  return std::string(static_cast<std::size_t>(std::count(block.begin(), block.end(), '\n')), '\n');
}

std::size_t parse_front_matter(std::string_view bytes, doc::Document& d, std::optional<ParseError>& error) {
  auto line_end = [&](std::size_t from) {
    std::size_t e = bytes.find('\n', from);
    return e == std::string_view::npos ? bytes.size() : e;
  };
  auto trimmed_line = [&](std::size_t from, std::size_t to) {
    std::string_view l = bytes.substr(from, to - from);
    while (!l.empty() && (l.back() == '\r' || l.back() == ' ' || l.back() == '\t')) l.remove_suffix(1);
    return l;
  };
  std::size_t first_end = line_end(0);
  if (trimmed_line(0, first_end) != "---") return 0;
  std::size_t pos_ = first_end + 1;
  int line = 2;
  std::size_t yaml_start = pos_;
  while (pos_ <= bytes.size()) {
    std::size_t e = line_end(pos_);
    std::string_view l = trimmed_line(pos_, e);
    if (l == "---" || l == "...") {
      std::string yaml(bytes.substr(yaml_start, pos_ - yaml_start));
      std::size_t block_len = std::min(e + 1, bytes.size());
      d.has_front_matter = true;
      d.body_first_line = line + 1;
      try {
        YAML::Node root = YAML::Load(yaml);
        if (root.IsNull()) return block_len;
        if (!root.IsMap()) {
          error = ParseError{"front matter is not a YAML mapping of keys to values", 2};
          return block_len;
        }
        for (const auto& kv : root) {
          if (!kv.first.IsScalar()) continue;
          add_value(d, lower(kv.first.Scalar()), kv.first, kv.second, 2, 0);
        }
      } catch (const YAML::DeepRecursion& ex) {
        // yaml-cpp's own message for this is "bad file".
        int err_line = ex.mark.line >= 0 ? 2 + ex.mark.line : 2;
        error = ParseError{"front matter is not valid YAML: lists or mappings nested too deeply inside each other",
                           err_line};
      } catch (const YAML::Exception& ex) {
        int err_line = ex.mark.line >= 0 ? 2 + ex.mark.line : 2;
        error = ParseError{"front matter is not valid YAML: " + ex.msg, err_line};
      }
      return block_len;
    }
    if (e >= bytes.size()) break;
    pos_ = e + 1;
    ++line;
  }
  // An opening `---` without a closing line is a thematic break, not front
  // matter; CommonMark reads it as such.
  return 0;
}

}  // namespace caselint::parse
