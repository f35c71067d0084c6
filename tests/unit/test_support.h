// doctest printing for the model's value types.
#pragma once

#include <doctest/doctest.h>

#include "doc/document.h"

namespace doctest {
template <>
struct StringMaker<caselint::doc::Position> {
  static String convert(const caselint::doc::Position& p) { return caselint::doc::to_string(p).c_str(); }
};
}  // namespace doctest
