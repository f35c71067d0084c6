// Word documents (.docx, Office Open XML): libzip opens the package from
// memory and libxml2 reads its parts. What is read:
//   word/document.xml            the body: paragraphs, tables, runs, links,
//                                images, comments' anchors, tracked changes
//   word/styles.xml              paragraph styles: Title and Heading 1-6, and
//                                styles based on them (basedOn chains), or
//                                with an outline level; bold character styles
//   word/_rels/document.xml.rels hyperlink and image targets
//   word/comments.xml            the comments' text
//   docProps/core.xml            title and author (metadata)
// The body becomes a Markdown rendition (rendition.h), one line (or table
// row) per paragraph, standing for the paragraph's number: the n-th w:p of
// the body in document order, table cells included.
//
// Hostile input: a part is read through a bounded buffer whatever its
// declared size (kMaxPart), the whole package to kMaxTotal; a part that
// declares a DOCTYPE is refused (Word never writes one, and so no entity is
// ever declared or expanded); libxml2 reads with XML_PARSE_NONET and without
// XML_PARSE_NOENT or XML_PARSE_HUGE (its depth and size limits hold).
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "parse/parse.h"
#include "parse/rendition.h"
#include "parse/zip_library.h"

namespace caselint::parse {

namespace {

constexpr std::size_t kMaxPart = 32u * 1024u * 1024u;   // one XML part, unpacked
constexpr std::size_t kMaxTotal = 64u * 1024u * 1024u;  // every part read, unpacked
constexpr int kMaxStyleChain = 32;
constexpr std::size_t kHeadWords = 8;

struct ZipCloser {
  void operator()(zip_t* z) const { zip_library()->discard(z); }
};
struct XmlDocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
using XmlDocPtr = std::unique_ptr<xmlDoc, XmlDocFree>;

std::string mib(std::size_t n) { return std::to_string(n / (1024u * 1024u)) + " MiB"; }

struct DocxError {
  std::string message;
};

// Reads one part, or nullopt when the package has no such part.
class Package {
 public:
  Package(const ZipLibrary& zip, zip_t* z) : zip_(zip), z_(z) {}

  std::optional<std::string> read(const char* name) {
    zip_stat_t st;
    zip_.stat_init(&st);
    if (zip_.stat(z_, name, 0, &st) != 0) return std::nullopt;
    if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE) {
      throw DocxError{std::string(name) + " is encrypted in the zip package"};
    }
    if ((st.valid & ZIP_STAT_SIZE) && st.size > kMaxPart) {
      throw DocxError{std::string(name) + " unpacks to " + mib(static_cast<std::size_t>(st.size)) +
                      ", over the " + mib(kMaxPart) + " a part may have (a zip bomb?)"};
    }
    zip_file_t* f = zip_.fopen(z_, name, 0);
    if (!f) throw DocxError{"cannot read " + std::string(name) + ": " + zip_.strerror(z_)};
    std::string out;
    char buf[65536];
    for (;;) {
      zip_int64_t n = zip_.fread(f, buf, sizeof buf);
      if (n < 0) {
        std::string why = zip_.file_strerror(f);
        zip_.fclose(f);
        throw DocxError{"cannot read " + std::string(name) + ": " + why + " (a damaged or truncated file?)"};
      }
      if (n == 0) break;
      out.append(buf, static_cast<std::size_t>(n));
      total_ += static_cast<std::size_t>(n);
      if (out.size() > kMaxPart || total_ > kMaxTotal) {
        zip_.fclose(f);
        throw DocxError{std::string(name) + " unpacks to more than " +
                        mib(out.size() > kMaxPart ? kMaxPart : kMaxTotal) +
                        " (a zip bomb?); caselint reads parts up to " + mib(kMaxPart)};
      }
    }
    zip_.fclose(f);
    return out;
  }

 private:
  const ZipLibrary& zip_;
  zip_t* z_;
  std::size_t total_ = 0;
};

XmlDocPtr read_xml(const std::string& bytes, const char* name) {
  // Word writes no DOCTYPE: one here could only declare entities.
  if (bytes.find("<!DOCTYPE") != std::string::npos || bytes.find("<!ENTITY") != std::string::npos) {
    throw DocxError{std::string(name) + " declares a DOCTYPE or entities, which a Word part never does; "
                    "caselint expands no entities"};
  }
  xmlResetLastError();
  XmlDocPtr doc(xmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), name, nullptr,
                              XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA));
  if (!doc || !xmlDocGetRootElement(doc.get())) {
    const xmlError* e = xmlGetLastError();
    std::string why = e && e->message ? collapse_space(e->message) : "not XML";
    throw DocxError{std::string(name) + " is not well-formed XML" +
                    (e && e->line > 0 ? " (line " + std::to_string(e->line) + ": " + why + ")" : " (" + why + ")")};
  }
  return doc;
}

bool named(const xmlNode* n, const char* local) {
  return n && n->type == XML_ELEMENT_NODE && std::strcmp(reinterpret_cast<const char*>(n->name), local) == 0;
}

// An attribute by its local name, whatever its namespace.
std::string attr(const xmlNode* n, const char* local) {
  for (const xmlAttr* a = n ? n->properties : nullptr; a; a = a->next) {
    if (std::strcmp(reinterpret_cast<const char*>(a->name), local) != 0) continue;
    std::string v;
    for (const xmlNode* c = a->children; c; c = c->next) {
      if (c->content) v += reinterpret_cast<const char*>(c->content);
    }
    return v;
  }
  return {};
}

const xmlNode* child(const xmlNode* n, const char* local) {
  for (const xmlNode* c = n ? n->children : nullptr; c; c = c->next) {
    if (named(c, local)) return c;
  }
  return nullptr;
}

// The first element of that name in the subtree (breadth is small: a drawing).
const xmlNode* find(const xmlNode* n, const char* local, int depth = 0) {
  if (!n || depth > 64) return nullptr;
  for (const xmlNode* c = n->children; c; c = c->next) {
    if (named(c, local)) return c;
    if (const xmlNode* f = find(c, local, depth + 1)) return f;
  }
  return nullptr;
}

// Text of the subtree's w:t (or w:delText) elements.
void text_of(const xmlNode* n, std::string& out, int depth = 0) {
  if (depth > 256) return;
  for (const xmlNode* c = n->children; c; c = c->next) {
    if (named(c, "t") || named(c, "delText") || named(c, "instrText")) {
      if (named(c, "instrText")) continue;
      for (const xmlNode* t = c->children; t; t = t->next) {
        if (t->content) out += reinterpret_cast<const char*>(t->content);
      }
    } else if (named(c, "p")) {
      if (!out.empty()) out += ' ';
      text_of(c, out, depth + 1);
    } else if (named(c, "tab") || named(c, "br")) {
      out += ' ';
    } else if (c->type == XML_ELEMENT_NODE) {
      text_of(c, out, depth + 1);
    }
  }
}

bool on(const xmlNode* flag) {
  if (!flag) return false;
  std::string v = attr(flag, "val");
  return v.empty() || (v != "0" && v != "false" && v != "off" && v != "none");
}

struct Style {
  std::string name;      // lowercased
  std::string based_on;
  int outline_level = -1;  // w:outlineLvl, 0-based
  bool bold = false;
  bool list = false;       // has numbering
};

class Styles {
 public:
  void read(const xmlNode* root) {
    for (const xmlNode* s = root->children; s; s = s->next) {
      if (!named(s, "style")) continue;
      Style st;
      st.name = attr(child(s, "name"), "val");
      std::transform(st.name.begin(), st.name.end(), st.name.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      st.based_on = attr(child(s, "basedOn"), "val");
      if (const xmlNode* ppr = child(s, "pPr")) {
        if (const xmlNode* o = child(ppr, "outlineLvl")) st.outline_level = std::atoi(attr(o, "val").c_str());
        st.list = child(ppr, "numPr") != nullptr;
      }
      if (const xmlNode* rpr = child(s, "rPr")) st.bold = on(child(rpr, "b"));
      styles_[attr(s, "styleId")] = std::move(st);
    }
  }

  // 1-6 for a heading style (Title is 1), else 0.
  int heading_level(const std::string& id) const {
    std::string cur = id;
    for (int i = 0; i < kMaxStyleChain && !cur.empty(); ++i) {
      auto it = styles_.find(cur);
      std::string name = it == styles_.end() ? lower(cur) : it->second.name;
      if (name == "title") return 1;
      if (name.rfind("heading", 0) == 0) {
        std::string rest = name.substr(7);
        rest.erase(0, rest.find_first_not_of(' '));
        if (rest.size() == 1 && rest[0] >= '1' && rest[0] <= '9') return std::min(6, rest[0] - '0');
      }
      if (it == styles_.end()) return 0;
      if (it->second.outline_level >= 0 && it->second.outline_level < 9) return std::min(6, it->second.outline_level + 1);
      cur = it->second.based_on;
    }
    return 0;
  }

  bool is_list(const std::string& id) const {
    std::string cur = id;
    for (int i = 0; i < kMaxStyleChain && !cur.empty(); ++i) {
      auto it = styles_.find(cur);
      std::string name = it == styles_.end() ? lower(cur) : it->second.name;
      if (name.rfind("list", 0) == 0 && name != "list table" && name.find("table") == std::string::npos) return true;
      if (it == styles_.end()) return false;
      if (it->second.list) return true;
      cur = it->second.based_on;
    }
    return false;
  }

  bool is_bold(const std::string& id) const {
    std::string cur = id;
    for (int i = 0; i < kMaxStyleChain && !cur.empty(); ++i) {
      auto it = styles_.find(cur);
      if (it == styles_.end()) return lower(cur) == "strong";
      if (it->second.bold || it->second.name == "strong") return true;
      cur = it->second.based_on;
    }
    return false;
  }

 private:
  static std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
  }
  std::map<std::string, Style> styles_;
};

// A stretch of a paragraph's content.
struct Piece {
  std::string text;
  bool bold = false;
  std::string link;      // hyperlink target
  bool image = false;    // text is the alt text, link the image's target
  std::string title;     // image title
};

class DocxReader {
 public:
  DocxReader(doc::Document& d, const Styles& styles, const std::map<std::string, std::string>& rels)
      : d_(d), styles_(styles), rels_(rels) {}

  void body(const xmlNode* n, int depth = 0) {
    if (depth > 64) return;
    for (const xmlNode* c = n->children; c; c = c->next) {
      if (named(c, "p")) {
        paragraph(c);
      } else if (named(c, "tbl")) {
        table(c);
      } else if (named(c, "sdt")) {
        if (const xmlNode* content = child(c, "sdtContent")) body(content, depth + 1);
      } else if (named(c, "customXml") || named(c, "ins") || named(c, "moveTo")) {
        body(c, depth + 1);
      }
    }
  }

  std::map<std::string, int>& comment_lines() { return comment_lines_; }
  Rendition& rendition() { return out_; }

 private:
  int number() {
    d_.paragraph_heads.emplace_back();
    return static_cast<int>(d_.paragraph_heads.size());
  }

  void head(int n, const std::vector<Piece>& pieces) {
    std::string text;
    for (const Piece& p : pieces) {
      if (!p.image) text += p.text;
      if (text.size() > 400) break;
    }
    text = collapse_space(text);
    std::size_t words = 0, i = 0;
    for (; i < text.size(); ++i) {
      if (text[i] == ' ' && ++words == kHeadWords) break;
    }
    std::string h = text.substr(0, i);
    if (i < text.size()) h += " ...";
    d_.paragraph_heads[static_cast<std::size_t>(n - 1)] = std::move(h);
  }

  void paragraph(const xmlNode* p) {
    const int n = number();
    std::string style;
    bool numbered = false;
    if (const xmlNode* ppr = child(p, "pPr")) {
      style = attr(child(ppr, "pStyle"), "val");
      numbered = child(ppr, "numPr") != nullptr;
    }
    std::vector<Piece> pieces;
    inline_content(p, pieces, false, "", n, 0);
    head(n, pieces);
    std::string plain;
    for (const Piece& piece : pieces) {
      if (!piece.image) plain += piece.text;
    }
    plain = collapse_space(plain);
    const bool has_image = std::any_of(pieces.begin(), pieces.end(), [](const Piece& x) { return x.image; });
    if (plain.empty() && !has_image) return;
    out_.blank();
    if (int level = styles_.heading_level(style); level > 0 && !plain.empty()) {
      out_.line(std::string(static_cast<std::size_t>(level), '#') + " " + escape_markdown(plain), n);
      if (has_image) {
        out_.blank();
        std::vector<Piece> images;
        for (const Piece& x : pieces) {
          if (x.image) images.push_back(x);
        }
        out_.line(render(images), n);
      }
    } else if (numbered || styles_.is_list(style)) {
      out_.line("- " + render(pieces), n);
    } else {
      out_.line(render(pieces), n);
    }
    out_.blank();
  }

  void table(const xmlNode* tbl) {
    std::vector<std::pair<std::vector<std::string>, int>> rows;
    std::size_t columns = 0;
    for (const xmlNode* tr = tbl->children; tr; tr = tr->next) {
      if (!named(tr, "tr")) continue;
      std::vector<std::string> cells;
      int first = static_cast<int>(d_.paragraph_heads.size()) + 1;
      for (const xmlNode* tc = tr->children; tc; tc = tc->next) {
        if (named(tc, "sdt")) tc = child(child(tc, "sdtContent"), "tc");
        if (!named(tc, "tc")) continue;
        std::vector<Piece> pieces;
        cell(tc, pieces, 0);
        std::string md = render(pieces);
        cells.push_back(md.empty() ? " " : md);
      }
      if (cells.empty()) continue;
      columns = std::max(columns, cells.size());
      rows.emplace_back(std::move(cells), std::min(first, static_cast<int>(d_.paragraph_heads.size())));
    }
    if (rows.empty()) return;
    out_.blank();
    for (std::size_t r = 0; r < rows.size(); ++r) {
      std::string line = "|";
      for (std::size_t c = 0; c < columns; ++c) {
        line += " " + (c < rows[r].first.size() ? rows[r].first[c] : std::string(" ")) + " |";
      }
      out_.line(line, std::max(1, rows[r].second));
      if (r == 0) {
        std::string sep = "|";
        for (std::size_t c = 0; c < columns; ++c) sep += " --- |";
        out_.line(sep, std::max(1, rows[r].second));
      }
    }
    out_.blank();
  }

  // A cell's paragraphs (and nested tables' text) as one line of pieces.
  void cell(const xmlNode* n, std::vector<Piece>& pieces, int depth) {
    if (depth > 64) return;
    for (const xmlNode* c = n->children; c; c = c->next) {
      if (named(c, "p")) {
        const int num = number();
        std::vector<Piece> mine;
        inline_content(c, mine, false, "", num, 0);
        head(num, mine);
        if (!pieces.empty() && !mine.empty()) pieces.push_back(Piece{" ", false, "", false, ""});
        pieces.insert(pieces.end(), mine.begin(), mine.end());
      } else if (c->type == XML_ELEMENT_NODE && !named(c, "tcPr")) {
        cell(c, pieces, depth + 1);
      }
    }
  }

  void change(const xmlNode* n, const char* what, int line) {
    std::string text;
    text_of(n, text);
    d_.hidden.push_back({doc::HiddenText::Kind::tracked_change, collapse_space(text), what, line, false});
  }

  void inline_content(const xmlNode* n, std::vector<Piece>& out, bool bold, const std::string& link, int line,
                      int depth) {
    if (depth > 64) return;
    for (const xmlNode* c = n->children; c; c = c->next) {
      if (c->type != XML_ELEMENT_NODE) continue;
      if (named(c, "r")) {
        run(c, out, bold, link, line);
      } else if (named(c, "hyperlink")) {
        std::string target;
        std::string id = attr(c, "id");
        if (auto it = rels_.find(id); !id.empty() && it != rels_.end()) target = it->second;
        if (std::string anchor = attr(c, "anchor"); target.empty() && !anchor.empty()) target = "#" + anchor;
        inline_content(c, out, bold, target, line, depth + 1);
      } else if (named(c, "ins") || named(c, "moveTo")) {
        change(c, "insertion", line);
        inline_content(c, out, bold, link, line, depth + 1);
      } else if (named(c, "del") || named(c, "moveFrom")) {
        change(c, "deletion", line);
      } else if (named(c, "commentRangeStart")) {
        comment_lines_.emplace(attr(c, "id"), line);
      } else if (named(c, "smartTag") || named(c, "customXml") || named(c, "sdt") || named(c, "sdtContent") ||
                 named(c, "fldSimple") || named(c, "bdo") || named(c, "dir")) {
        inline_content(c, out, bold, link, line, depth + 1);
      }
    }
  }

  void run(const xmlNode* r, std::vector<Piece>& out, bool bold, const std::string& link, int line) {
    if (const xmlNode* rpr = child(r, "rPr")) {
      if (const xmlNode* b = child(rpr, "b")) {
        bold = on(b);
      } else if (const xmlNode* rs = child(rpr, "rStyle")) {
        bold = bold || styles_.is_bold(attr(rs, "val"));
      }
    }
    auto add = [&](std::string text) {
      if (!out.empty() && !out.back().image && out.back().bold == bold && out.back().link == link) {
        out.back().text += text;
      } else {
        out.push_back(Piece{std::move(text), bold, link, false, ""});
      }
    };
    for (const xmlNode* c = r->children; c; c = c->next) {
      if (named(c, "t")) {
        std::string t;
        for (const xmlNode* x = c->children; x; x = x->next) {
          if (x->content) t += reinterpret_cast<const char*>(x->content);
        }
        add(std::move(t));
      } else if (named(c, "tab") || named(c, "br") || named(c, "cr")) {
        add(" ");
      } else if (named(c, "noBreakHyphen")) {
        add("-");
      } else if (named(c, "drawing")) {
        Piece img;
        img.image = true;
        const xmlNode* pr = find(c, "docPr");
        img.text = attr(pr, "descr");
        img.title = attr(pr, "title");
        if (img.text.empty()) img.text = img.title;
        if (const xmlNode* blip = find(c, "blip")) {
          std::string id = attr(blip, "embed");
          if (id.empty()) id = attr(blip, "link");
          if (auto it = rels_.find(id); it != rels_.end()) img.link = it->second;
        }
        if (img.link.empty()) img.link = "word/media";
        out.push_back(std::move(img));
      } else if (named(c, "commentReference")) {
        comment_lines_.emplace(attr(c, "id"), line);
      }
    }
  }

  static std::string render(const std::vector<Piece>& pieces) {
    std::string md;
    for (const Piece& p : pieces) {
      if (p.image) {
        std::string title;
        if (!p.title.empty()) {
          title = " \"";
          for (char ch : p.title) {
            if (ch == '"' || ch == '\\') title += '\\';
            title += (ch == '\n' || ch == '\r') ? ' ' : ch;
          }
          title += "\"";
        }
        md += "![" + escape_markdown(collapse_space(p.text)) + "](" + markdown_destination(p.link) + title + ")";
        continue;
      }
      // Spaces stay outside the markers: "** x**" opens no emphasis.
      std::size_t b = p.text.find_first_not_of(" \t\n\r");
      if (b == std::string::npos) {
        md += ' ';
        continue;
      }
      std::size_t e = p.text.find_last_not_of(" \t\n\r") + 1;
      std::string inner = escape_markdown(p.text.substr(b, e - b));
      if (p.bold) inner = "**" + inner + "**";
      if (!p.link.empty()) inner = "[" + inner + "](" + markdown_destination(p.link) + ")";
      if (b > 0) md += ' ';
      md += inner;
      if (e < p.text.size()) md += ' ';
    }
    return collapse_space(md);
  }

  doc::Document& d_;
  const Styles& styles_;
  const std::map<std::string, std::string>& rels_;
  Rendition out_;
  std::map<std::string, int> comment_lines_;  // comment id -> paragraph number
};

std::string first_text(const xmlNode* root, const char* local) {
  for (const xmlNode* c = root->children; c; c = c->next) {
    if (!named(c, local)) continue;
    std::string v;
    for (const xmlNode* t = c->children; t; t = t->next) {
      if (t->content) v += reinterpret_cast<const char*>(t->content);
    }
    return collapse_space(v);
  }
  return {};
}

void read_docx(std::string_view bytes, doc::Document& d) {
  // A password-protected Word file is an OLE compound file holding the
  // encrypted package, not a zip.
  if (bytes.size() >= 8 && bytes.substr(0, 8) == std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)) {
    throw DocxError{"the Word document is password-protected (encrypted) or in the old .doc format; "
                    "save it as .docx without a password"};
  }
  const ZipLibrary* zip = zip_library();
  if (!zip) throw DocxError{zip_library_error()};
  zip_error_t zerr;
  zip->error_init(&zerr);
  zip_source_t* src = zip->source_buffer_create(bytes.data(), bytes.size(), 0, &zerr);
  if (!src) {
    std::string why = zip->error_strerror(&zerr);
    zip->error_fini(&zerr);
    throw DocxError{"cannot open the package: " + why};
  }
  std::unique_ptr<zip_t, ZipCloser> z(zip->open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &zerr));
  if (!z) {
    std::string why = zip->error_strerror(&zerr);
    zip->source_free(src);
    zip->error_fini(&zerr);
    throw DocxError{"not a Word document: the file is not a readable zip package (" + why +
                    "; a damaged or truncated file?)"};
  }
  zip->error_fini(&zerr);
  Package pkg(*zip, z.get());
  std::optional<std::string> body = pkg.read("word/document.xml");
  if (!body) throw DocxError{"not a Word document: the zip package has no word/document.xml"};

  Styles styles;
  if (auto s = pkg.read("word/styles.xml")) {
    XmlDocPtr x = read_xml(*s, "word/styles.xml");
    styles.read(xmlDocGetRootElement(x.get()));
  }
  std::map<std::string, std::string> rels;
  if (auto s = pkg.read("word/_rels/document.xml.rels")) {
    XmlDocPtr x = read_xml(*s, "word/_rels/document.xml.rels");
    for (const xmlNode* r = xmlDocGetRootElement(x.get())->children; r; r = r->next) {
      if (!named(r, "Relationship")) continue;
      std::string target = attr(r, "Target");
      // An internal target is relative to word/: "media/image1.png".
      if (attr(r, "TargetMode") != "External" && !target.empty() && target[0] != '/') target = "word/" + target;
      rels[attr(r, "Id")] = target;
    }
  }
  if (auto s = pkg.read("docProps/core.xml")) {
    XmlDocPtr x = read_xml(*s, "docProps/core.xml");
    const xmlNode* root = xmlDocGetRootElement(x.get());
    for (auto [key, local] : {std::pair{"title", "title"}, std::pair{"author", "creator"}}) {
      std::string v = first_text(root, local);
      if (v.empty()) continue;
      doc::MetaValue m;
      m.text = v;
      m.range = m.value_range = {{1, 0}, {1, 0}};
      d.metadata[key] = std::move(m);
    }
  }

  XmlDocPtr x = read_xml(*body, "word/document.xml");
  body.reset();
  const xmlNode* root = xmlDocGetRootElement(x.get());
  const xmlNode* b = child(root, "body");
  if (!named(root, "document") || !b) throw DocxError{"word/document.xml has no w:document/w:body"};
  DocxReader reader(d, styles, rels);
  reader.body(b);
  x.reset();
  if (reader.rendition().empty()) reader.rendition().line("", 1);
  reader.rendition().finish(d);

  // Comments after the body's hidden text: each at its anchor's paragraph.
  if (auto s = pkg.read("word/comments.xml")) {
    XmlDocPtr c = read_xml(*s, "word/comments.xml");
    for (const xmlNode* n = xmlDocGetRootElement(c.get())->children; n; n = n->next) {
      if (!named(n, "comment")) continue;
      std::string text;
      text_of(n, text);
      auto it = reader.comment_lines().find(attr(n, "id"));
      int line = it == reader.comment_lines().end() ? 1 : it->second;
      std::string who = attr(n, "author");
      d.hidden.push_back({doc::HiddenText::Kind::review_comment, collapse_space(text), who, line, false});
    }
  }
  std::stable_sort(d.hidden.begin(), d.hidden.end(),
                   [](const doc::HiddenText& a, const doc::HiddenText& b2) { return a.line < b2.line; });
}

}  // namespace

std::optional<ParseError> parse_docx(std::string_view bytes, doc::Document& d) {
  try {
    read_docx(bytes, d);
  } catch (const DocxError& e) {
    return ParseError{e.message, 0};
  }
  return std::nullopt;
}

}  // namespace caselint::parse
