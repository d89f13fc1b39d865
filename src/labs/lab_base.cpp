// What every lab's command shares (see lab_base.hpp).
#include "labs/lab_base.hpp"

#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

namespace gs::labs {

bool read_input(const std::string& path, std::string& bytes) {
  if (path == "-") {
    bytes.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    return true;
  }
  std::ifstream file(path, std::ios::binary);
  if (!file) return false;
  std::ostringstream buffer;
  buffer << file.rdbuf();
  bytes = buffer.str();
  return true;
}

}  // namespace gs::labs
