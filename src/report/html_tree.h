// Building a self-contained HTML page as a libxml2 tree: every piece of
// document text is a text node or an attribute value, escaped when the tree
// is serialised. Shared by `caselint report --format html` and `caselint
// site --format html`.
#pragma once

#include <libxml/HTMLtree.h>
#include <libxml/tree.h>

#include <memory>
#include <ostream>
#include <stdexcept>
#include <string>

namespace caselint::report {

struct DocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};

class Tree {
 public:
  Tree() : doc_(htmlNewDocNoDtD(nullptr, nullptr)) {
    if (!doc_) throw std::runtime_error("cannot create the HTML document");
    xmlCreateIntSubset(doc_.get(), BAD_CAST "html", nullptr, nullptr);
  }
  xmlDoc* doc() { return doc_.get(); }
  xmlNode* root(const char* name) {
    xmlNode* n = xmlNewDocNode(doc_.get(), nullptr, BAD_CAST name, nullptr);
    xmlDocSetRootElement(doc_.get(), n);
    return n;
  }
  xmlNode* el(xmlNode* parent, const char* name, const char* cls = nullptr) {
    xmlNode* n = xmlNewDocNode(doc_.get(), nullptr, BAD_CAST name, nullptr);
    if (!n) throw std::runtime_error("cannot build the HTML report");
    xmlAddChild(parent, n);
    if (cls) attr(n, "class", cls);
    return n;
  }
  // An element holding `text` as one (escaped) text node.
  xmlNode* el(xmlNode* parent, const char* name, const std::string& text, const char* cls = nullptr) {
    xmlNode* n = el(parent, name, cls);
    add_text(n, text);
    return n;
  }
  void add_text(xmlNode* parent, const std::string& text) {
    xmlAddChild(parent, xmlNewDocText(doc_.get(), BAD_CAST text.c_str()));
  }
  void attr(xmlNode* n, const char* name, const std::string& value) {
    xmlSetProp(n, BAD_CAST name, BAD_CAST value.c_str());
  }
  // <html lang=en> with its head (charset, viewport, `title`, the inline
  // `style`) and a body; returns the body's <main>.
  xmlNode* page(const std::string& title, const char* style) {
    xmlNode* html = root("html");
    attr(html, "lang", "en");
    xmlNode* head = el(html, "head");
    attr(el(head, "meta"), "charset", "utf-8");
    xmlNode* viewport = el(head, "meta");
    attr(viewport, "name", "viewport");
    attr(viewport, "content", "width=device-width, initial-scale=1");
    el(head, "title", title);
    el(head, "style", std::string(style));
    return el(el(html, "body"), "main");
  }
  // The page, serialised as HTML.
  void write(std::ostream& out) {
    xmlChar* mem = nullptr;
    int size = 0;
    htmlDocDumpMemoryFormat(doc_.get(), &mem, &size, 1);
    if (!mem) throw std::runtime_error("cannot write the HTML page");
    out.write(reinterpret_cast<const char*>(mem), size);
    xmlFree(mem);
  }

 private:
  std::unique_ptr<xmlDoc, DocFree> doc_;
};

}  // namespace caselint::report
