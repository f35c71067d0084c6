// Writing and reading the snapshots of built-in data that the build prepares
// (outline/cue_snapshot.h, extract/vocab_snapshot.h, extract/tools.h,
// kind/cue_snapshot.h, rules/rule_snapshot.h): plain values, strings,
// lists and maps. Each structure lists its members once, for both
// directions; its io overloads live in this namespace, where the templates
// below find them whatever the order of declaration.
#pragma once

#include <cstdint>
#include <cstring>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace caselint::snapshot {

struct Out {
  std::string bytes;
};

struct In {
  std::string_view bytes;
  std::size_t at = 0;
  void take(void* to, std::size_t n) {
    if (bytes.size() - at < n) throw std::runtime_error("the snapshot is truncated");
    std::memcpy(to, bytes.data() + at, n);
    at += n;
  }
  // A count no larger than the bytes left (every element takes at least one).
  std::uint64_t count() {
    std::uint64_t n = 0;
    take(&n, sizeof n);
    if (n > bytes.size() - at) throw std::runtime_error("the snapshot is malformed");
    return n;
  }
  void finish() const {
    if (at != bytes.size()) throw std::runtime_error("the snapshot has trailing bytes");
  }
};

template <class T>
concept Plain = std::is_arithmetic_v<T> || std::is_enum_v<T>;

template <Plain T>
void io(Out& o, const T& v) {
  o.bytes.append(reinterpret_cast<const char*>(&v), sizeof v);
}
template <Plain T>
void io(In& i, T& v) {
  i.take(&v, sizeof v);
}

inline void io(Out& o, const std::string& s) {
  io(o, static_cast<std::uint64_t>(s.size()));
  o.bytes += s;
}
inline void io(In& i, std::string& s) {
  std::uint64_t n = i.count();
  s.assign(i.bytes.substr(i.at, n));
  i.at += n;
}

// One element read out of a snapshot: default-constructed and filled. A
// structure without a default constructor overloads read_one for its tag.
template <class T>
T read_one(In& i, std::type_identity<T>) {
  T x;
  io(i, x);
  return x;
}

template <class T>
void io(Out& o, const std::vector<T>& v) {
  io(o, static_cast<std::uint64_t>(v.size()));
  for (const T& x : v) io(o, x);
}
template <class T>
void io(In& i, std::vector<T>& v) {
  std::uint64_t n = i.count();
  v.clear();
  v.reserve(n);
  for (std::uint64_t k = 0; k < n; ++k) v.push_back(read_one(i, std::type_identity<T>{}));
}

template <class T>
void io(Out& o, const std::map<std::string, T>& m) {
  io(o, static_cast<std::uint64_t>(m.size()));
  for (const auto& [k, v] : m) {
    io(o, k);
    io(o, v);
  }
}
template <class T>
void io(In& i, std::map<std::string, T>& m) {
  std::uint64_t n = i.count();
  for (std::uint64_t k = 0; k < n; ++k) {
    std::string key;
    io(i, key);
    m.emplace(std::move(key), read_one(i, std::type_identity<T>{}));
  }
}

// The first bytes of every snapshot: which format (and version) it is.
inline void magic(Out& o, std::uint32_t m) { io(o, m); }
inline void magic(In& i, std::uint32_t m) {
  std::uint32_t got = 0;
  io(i, got);
  if (got != m) throw std::runtime_error("the snapshot has another format");
}

}  // namespace caselint::snapshot
