// The Fashion-MNIST subset file (public/data/fashion-mnist-6k.bin) and its loader.
#include <gtest/gtest.h>

#include <cstring>

#include "data/image_dataset.hpp"
#include "data_test_support.hpp"

namespace gs {
namespace {

std::string with_u32(std::string bytes, size_t offset, uint32_t value) {
  for (int k = 0; k < 4; ++k) bytes[offset + k] = char((value >> (8 * k)) & 0xff);
  return bytes;
}

TEST(DataImages, CommittedSubsetIsBalancedAndFourBit) {
  const std::string& bytes = test::fashion_bytes();
  EXPECT_LE(bytes.size(), 4u * 1024 * 1024) << "public/data has a 4 MB budget";
  data::ImageDataset d;
  std::string error;
  ASSERT_TRUE(data::parse_image_dataset(test::as_bytes(bytes), d, error)) << error;
  EXPECT_EQ(d.rows, 28u);
  EXPECT_EQ(d.cols, 28u);
  EXPECT_EQ(d.bits, 4u);
  EXPECT_EQ(d.classes, 10u);
  ASSERT_EQ(d.train.count, 6000u);
  ASSERT_EQ(d.test.count, 1000u);
  size_t train_per_class[10] = {}, test_per_class[10] = {};
  for (uint8_t y : d.train.labels) ++train_per_class[y];
  for (uint8_t y : d.test.labels) ++test_per_class[y];
  for (int c = 0; c < 10; ++c) {
    EXPECT_EQ(train_per_class[c], 600u) << "class " << c;
    EXPECT_EQ(test_per_class[c], 100u) << "class " << c;
  }
  uint8_t top = 0;
  size_t zeros = 0;
  for (uint8_t q : d.train.levels) {
    top = std::max(top, q);
    zeros += q == 0;
  }
  EXPECT_EQ(top, 15);
  const double zero_fraction = double(zeros) / double(d.train.levels.size());
  EXPECT_GT(zero_fraction, 0.3);  // Fashion-MNIST's background
  EXPECT_LT(zero_fraction, 0.7);
}

TEST(DataImages, GatherScalesLevelsToUnitInterval) {
  data::ImageDataset d;
  std::string error;
  ASSERT_TRUE(data::parse_image_dataset(test::as_bytes(test::fashion_bytes()), d, error)) << error;
  const uint32_t rows[2] = {5, 0};
  std::vector<float> out(2 * 784);
  data::gather_pixels(d.train, d.scale, rows, 2, out.data());
  for (size_t k = 0; k < 784; ++k) {
    EXPECT_EQ(out[k], float(d.train.image(5)[k]) * (1.0f / 15.0f));
    EXPECT_EQ(out[784 + k], float(d.train.image(0)[k]) * (1.0f / 15.0f));
    EXPECT_GE(out[k], 0.0f);
    EXPECT_LE(out[k], 1.0f);
  }
}

struct BadBytes {
  const char* name;
  std::string bytes;
  const char* message;
};

TEST(DataImages, RejectsBadOrTruncatedBytes) {
  const std::string& good = test::fashion_bytes();
  std::string bad_magic = good;
  bad_magic[0] = 'X';
  std::string bad_label = good;
  bad_label[data::kImageHeaderBytes + 3] = char(10);
  const BadBytes cases[] = {
      {"empty", "", "truncated: 0 bytes, shorter than the 36-byte header"},
      {"header cut", good.substr(0, 20), "truncated: 20 bytes"},
      {"bad magic", bad_magic, "bad magic"},
      {"version", with_u32(good, 8, 2), "unsupported version 2"},
      {"no train images", with_u32(good, 12, 0), "train and test counts must be in [1, 100000], got 0 and 1000"},
      {"rows", with_u32(good, 20, 65), "rows and cols must be in [1, 64], got 65 and 28"},
      {"bits", with_u32(good, 28, 3), "bits per pixel must be 4 or 8, got 3"},
      {"classes", with_u32(good, 32, 1), "classes must be in [2, 256], got 1"},
      {"pixels cut", good.substr(0, good.size() - 1), "truncated: 2751035 bytes, the header describes 2751036"},
      {"trailing", good + "x", "trailing bytes: 2751037 bytes"},
      {"label", bad_label, "label 10 of image 3 is not below 10 classes"},
  };
  for (const auto& c : cases) {
    data::ImageDataset d;
    std::string error;
    EXPECT_FALSE(data::parse_image_dataset(test::as_bytes(c.bytes), d, error)) << c.name;
    EXPECT_NE(error.find(c.message), std::string::npos) << c.name << ": " << error;
    EXPECT_EQ(error.rfind("image data: ", 0), 0u) << c.name << ": " << error;
  }
}

TEST(DataImages, ReadsEightBitPixels) {
  std::string bytes(data::kImageHeaderBytes, '\0');
  std::memcpy(bytes.data(), data::kImageMagic, 8);
  const uint32_t header[7] = {1, 1, 1, 2, 2, 8, 3};
  for (int k = 0; k < 7; ++k) bytes = with_u32(bytes, 8 + 4 * k, header[k]);
  bytes += std::string{char(2), char(1)};
  bytes += std::string{char(0), char(255), char(128), char(1), char(7), char(8), char(9), char(10)};
  data::ImageDataset d;
  std::string error;
  ASSERT_TRUE(data::parse_image_dataset(test::as_bytes(bytes), d, error)) << error;
  EXPECT_EQ(d.scale, 1.0f / 255.0f);
  EXPECT_EQ(d.train.labels[0], 2);
  EXPECT_EQ(d.test.labels[0], 1);
  EXPECT_EQ(d.train.levels, (std::vector<uint8_t>{0, 255, 128, 1}));
  EXPECT_EQ(d.test.levels, (std::vector<uint8_t>{7, 8, 9, 10}));
}

}  // namespace
}  // namespace gs
