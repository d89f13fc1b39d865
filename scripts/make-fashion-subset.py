#!/usr/bin/python3
"""Cut Gradscape's Fashion-MNIST subset (public/data/fashion-mnist-6k.bin) from Debian's
dataset-fashion-mnist package (Xiao, Rasul & Vollgraf 2017), standard library only.

The subset is fixed and class-balanced: the first 600 images of each of the 10 classes of the
training set (6,000) and the first 100 of each class of the test set (1,000), in the order the
source files hold them (already shuffled by Zalando). It stands in for MNIST in the Adam paper's
Section 6.1 and 6.2 experiments (Kingma & Ba 2015).

Pixels are quantised to 4 bits, q = round(p * 15 / 255), two per byte, so that the file fits
the 4 MB budget of public/data without a decompressor: 7,000 x 392 bytes = 2.7 MB. The C++
loader (src/data/image_dataset.cpp) reads q / 15 in [0, 1]. `--bits 8` writes the same subset
with the original 8-bit pixels (5.5 MB; for measuring what the quantisation costs, not committed).

Layout (little-endian), documented again in src/data/image_dataset.hpp:
  offset  size  field
       0     8  magic "GSIMAGES"
       8     4  version (1)
      12     4  train count
      16     4  test count
      20     4  rows (28)
      24     4  cols (28)
      28     4  bits per pixel (4 or 8)
      32     4  classes (10)
      36     -  labels: train count + test count bytes (train first)
       -     -  pixels: per image ceil(rows * cols * bits / 8) bytes, train first; with 4 bits the
                pixel 2k is the low nibble of byte k and pixel 2k + 1 its high nibble.
Usage: scripts/make-fashion-subset.py [--bits 4|8] [--source DIR] [--out FILE]
"""
import argparse
import gzip
import struct
import sys

MAGIC = b"GSIMAGES"
VERSION = 1
TRAIN_PER_CLASS = 600
TEST_PER_CLASS = 100
CLASSES = 10


def read_idx(path, magic, dims):
    with gzip.open(path, "rb") as f:
        data = f.read()
    header = struct.unpack(">" + "I" * (1 + dims), data[: 4 * (1 + dims)])
    if header[0] != magic:
        sys.exit(f"{path}: bad IDX magic {header[0]:#x}")
    return header[1:], data[4 * (1 + dims):]


def load(source, split):
    (count,), labels = read_idx(f"{source}/{split}-labels-idx1-ubyte.gz", 0x801, 1)
    (n, rows, cols), pixels = read_idx(f"{source}/{split}-images-idx3-ubyte.gz", 0x803, 3)
    if n != count or len(labels) != count or len(pixels) != n * rows * cols:
        sys.exit(f"{source}/{split}: inconsistent image and label files")
    size = rows * cols
    return rows, cols, [(labels[i], pixels[i * size:(i + 1) * size]) for i in range(count)]


def balanced(examples, per_class):
    taken = [0] * CLASSES
    out = []
    for label, image in examples:
        if taken[label] < per_class:
            taken[label] += 1
            out.append((label, image))
    if taken != [per_class] * CLASSES:
        sys.exit(f"not enough images per class: {taken}")
    return out


def pack(image, bits):
    if bits == 8:
        return bytes(image)
    levels = [(p * 15 + 127) // 255 for p in image]
    return bytes(levels[k] | (levels[k + 1] << 4) for k in range(0, len(levels), 2))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bits", type=int, choices=(4, 8), default=4)
    parser.add_argument("--source", default="/usr/share/datasets/fashion-mnist")
    parser.add_argument("--out", default="public/data/fashion-mnist-6k.bin")
    args = parser.parse_args()
    rows, cols, train = load(args.source, "train")
    _, _, test = load(args.source, "t10k")
    train = balanced(train, TRAIN_PER_CLASS)
    test = balanced(test, TEST_PER_CLASS)
    header = MAGIC + struct.pack("<7I", VERSION, len(train), len(test), rows, cols, args.bits, CLASSES)
    labels = bytes(label for label, _ in train + test)
    pixels = b"".join(pack(image, args.bits) for _, image in train + test)
    with open(args.out, "wb") as f:
        f.write(header + labels + pixels)
    print(f"{args.out}: {len(train)} train + {len(test)} test images, {args.bits}-bit, "
          f"{len(header) + len(labels) + len(pixels)} bytes")


if __name__ == "__main__":
    main()
