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

// Part is "test" or "dev" for a document slug: the first 8 bytes of
// SHA-256(seed + ":" + slug), read as a big-endian fraction of 2^64, below
// TestShare is test. A document added later lands by the same rule, and no
// document ever moves.
func Part(slug string) string {
	sum := sha256.Sum256([]byte(Seed + ":" + slug))
	if float64(binary.BigEndian.Uint64(sum[:8]))/(1<<64) < TestShare {
		return "test"
	}
	return "dev"
}
