// The entry function every fuzz target defines. libFuzzer calls it in the
// fuzz build (-DCASELINT_FUZZ=ON); replay_main.cpp calls it in the normal
// and sanitizer builds to replay fuzz/regressions/ and the seed corpus.
#pragma once

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);
