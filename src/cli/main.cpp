#include "cli/app.h"

int main(int argc, char** argv) { return caselint::cli::run(argc, argv); }
