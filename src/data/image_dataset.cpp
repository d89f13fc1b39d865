#include "data/image_dataset.hpp"

#include <cstring>

namespace gs::data {

namespace {

constexpr uint32_t kVersion = 1;
constexpr uint32_t kMaxCount = 100000;
constexpr uint32_t kMaxSide = 64;

uint32_t read_u32(const uint8_t* p) {
  return uint32_t(p[0]) | uint32_t(p[1]) << 8 | uint32_t(p[2]) << 16 | uint32_t(p[3]) << 24;
}

bool in_range(uint32_t x, uint32_t lo, uint32_t hi) { return x >= lo && x <= hi; }

void unpack(const uint8_t* packed, uint32_t bits, size_t pixels, uint8_t* out) {
  if (bits == 8) {
    std::memcpy(out, packed, pixels);
    return;
  }
  for (size_t k = 0; k < pixels; ++k) out[k] = (k & 1) ? packed[k / 2] >> 4 : packed[k / 2] & 0x0f;
}

}  // namespace

bool parse_image_dataset(std::span<const uint8_t> bytes, ImageDataset& out, std::string& error) {
  const std::string what = "image data: ";
  if (bytes.size() < kImageHeaderBytes) {
    error = what + "truncated: " + std::to_string(bytes.size()) + " bytes, shorter than the " +
            std::to_string(kImageHeaderBytes) + "-byte header";
    return false;
  }
  if (std::memcmp(bytes.data(), kImageMagic, sizeof kImageMagic) != 0) {
    error = what + "bad magic: not a Gradscape image file (expected \"GSIMAGES\")";
    return false;
  }
  const uint8_t* h = bytes.data() + 8;
  const uint32_t version = read_u32(h), n_train = read_u32(h + 4), n_test = read_u32(h + 8);
  const uint32_t rows = read_u32(h + 12), cols = read_u32(h + 16), bits = read_u32(h + 20), classes = read_u32(h + 24);
  if (version != kVersion) {
    error = what + "unsupported version " + std::to_string(version) + " (this build reads version 1)";
    return false;
  }
  if (!in_range(n_train, 1, kMaxCount) || !in_range(n_test, 1, kMaxCount)) {
    error = what + "train and test counts must be in [1, 100000], got " + std::to_string(n_train) + " and " +
            std::to_string(n_test);
    return false;
  }
  if (!in_range(rows, 1, kMaxSide) || !in_range(cols, 1, kMaxSide)) {
    error = what + "rows and cols must be in [1, 64], got " + std::to_string(rows) + " and " + std::to_string(cols);
    return false;
  }
  if (bits != 4 && bits != 8) {
    error = what + "bits per pixel must be 4 or 8, got " + std::to_string(bits);
    return false;
  }
  if (!in_range(classes, 2, 256)) {
    error = what + "classes must be in [2, 256], got " + std::to_string(classes);
    return false;
  }
  const size_t images = size_t(n_train) + n_test;
  const size_t pixels = size_t(rows) * cols;
  const size_t packed = (pixels * bits + 7) / 8;
  const size_t expected = kImageHeaderBytes + images + images * packed;
  if (bytes.size() != expected) {
    error = what + (bytes.size() < expected ? "truncated: " : "trailing bytes: ") + std::to_string(bytes.size()) +
            " bytes, the header describes " + std::to_string(expected);
    return false;
  }
  const uint8_t* labels = bytes.data() + kImageHeaderBytes;
  for (size_t i = 0; i < images; ++i)
    if (labels[i] >= classes) {
      error = what + "label " + std::to_string(labels[i]) + " of image " + std::to_string(i) + " is not below " +
              std::to_string(classes) + " classes";
      return false;
    }
  ImageDataset result;
  result.rows = rows;
  result.cols = cols;
  result.bits = bits;
  result.classes = classes;
  result.scale = bits == 4 ? 1.0f / 15.0f : 1.0f / 255.0f;
  const uint8_t* pixel_bytes = labels + images;
  size_t image = 0;
  for (ImageSet* set : {&result.train, &result.test}) {
    set->count = set == &result.train ? n_train : n_test;
    set->pixels_per_image = pixels;
    set->labels.assign(labels + image, labels + image + set->count);
    set->levels.resize(set->count * pixels);
    for (size_t i = 0; i < set->count; ++i, ++image)
      unpack(pixel_bytes + image * packed, bits, pixels, set->levels.data() + i * pixels);
  }
  out = std::move(result);
  return true;
}

void gather_pixels(const ImageSet& set, float scale, const uint32_t* rows, size_t count, float* out) {
  const size_t n = set.pixels_per_image;
  for (size_t r = 0; r < count; ++r) {
    const uint8_t* levels = set.image(rows[r]);
    float* row = out + r * n;
    for (size_t k = 0; k < n; ++k) row[k] = float(levels[k]) * scale;
  }
}

}  // namespace gs::data
