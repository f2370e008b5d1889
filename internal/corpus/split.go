package corpus

import (
	"crypto/sha256"
	"encoding/binary"
)

// Seed of the dev/test split, drawn once at random (od -N8 /dev/urandom)
// on 2026-12-01 and frozen: see SPLIT.md. Never change it.
const Seed = "aec07cfbff335b50"

// TestShare is the part of the documents that goes to the test part.
const TestShare = 0.40

// HeldOutBatch is the batch whose documents are all in the test part:
// fresh postings added on 2026-12-01, after tuning on the corpus began,
// labelled from the text and never seen by anyone tuning (SPLIT.md).
const HeldOutBatch = 2

// Part is "test" or "dev" for a document slug of batch 1 (the seeded rule):
// the first 8 bytes of SHA-256(seed + ":" + slug), read as a big-endian
// fraction of 2^64, below TestShare is test. A batch-1 document added later
// lands by the same rule, and no document ever moves. Documents of
// HeldOutBatch are test whatever their slug: use PartOf for a label.
func Part(slug string) string {
	sum := sha256.Sum256([]byte(Seed + ":" + slug))
	if float64(binary.BigEndian.Uint64(sum[:8]))/(1<<64) < TestShare {
		return "test"
	}
	return "dev"
}

// PartOf is the part of a label's document: every document of
// HeldOutBatch is test; batch 1 (batch 0 or 1 in the file) follows the
// seeded rule of Part.
func PartOf(l *Label) string {
	return partOf(l.Slug, l.Batch)
}

func partOf(slug string, batch int) string {
	if batch == HeldOutBatch {
		return "test"
	}
	return Part(slug)
}
