package corpus

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"sort"
	"strings"
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
// HeldOutBatch is test; a document with split_with takes the side of the
// document it names (the company rule, SPLIT.md); else (batch 0 or 1 in
// the file) the seeded rule of Part.
func PartOf(l *Label) string {
	return partOf(l.Slug, l.Batch, l.SplitWith)
}

func partOf(slug string, batch int, with string) string {
	if batch == HeldOutBatch {
		return "test"
	}
	if with != "" {
		return Part(with)
	}
	return Part(slug)
}

// RoundCap is the most documents, and the most postings, one company may
// add in one round (SPLIT.md).
const RoundCap = 8

// CapSample is the documents a round keeps of one company's candidates:
// all of them when there are at most n, else the first n in the order of
// SHA-256(Seed + ":cap:" + slug) (SPLIT.md). The order does not depend on
// the order of slugs.
func CapSample(slugs []string, n int) []string {
	out := append([]string(nil), slugs...)
	key := func(s string) [32]byte { return sha256.Sum256([]byte(Seed + ":cap:" + s)) }
	sort.Slice(out, func(i, j int) bool {
		a, b := key(out[i]), key(out[j])
		return bytes.Compare(a[:], b[:]) < 0
	})
	if len(out) > n {
		out = out[:n]
	}
	return out
}

// CheckRound checks a round of added documents (round) against the company
// rule and the per-company cap of SPLIT.md, given every label of the corpus
// (all, which holds the round too). A company adds at most RoundCap
// documents and RoundCap postings. All of a company's round documents are
// on one side: the side of the company's anchor, its first document in slug
// order among the documents it had before the round, or, for a company new
// to the corpus, among the round's. A round document other than the anchor
// whose seeded side differs names the anchor in split_with; split_with
// never names anything else. Companies are compared with case and spacing
// ignored.
func CheckRound(round, all []*Label) []error {
	key := func(c string) string { return strings.Join(strings.Fields(strings.ToLower(c)), " ") }
	in := map[string]bool{}
	for _, l := range round {
		in[l.Slug] = true
	}
	byCompany := map[string][]*Label{}
	before := map[string][]string{}
	for _, l := range all {
		if !in[l.Slug] {
			before[key(l.Company)] = append(before[key(l.Company)], l.Slug)
		}
	}
	for _, l := range round {
		byCompany[key(l.Company)] = append(byCompany[key(l.Company)], l)
	}
	var companies []string
	for c := range byCompany {
		companies = append(companies, c)
	}
	sort.Strings(companies)
	var errs []error
	for _, c := range companies {
		ls := byCompany[c]
		posts := 0
		var slugs []string
		for _, l := range ls {
			posts += len(l.Postings)
			slugs = append(slugs, l.Slug)
		}
		sort.Strings(slugs)
		if len(ls) > RoundCap || posts > RoundCap {
			errs = append(errs, fmt.Errorf("corpus: round: company %q adds %d documents, %d postings: at most %d of each (keep CapSample's: %s)",
				ls[0].Company, len(ls), posts, RoundCap, strings.Join(CapSample(slugs, RoundCap), ", ")))
		}
		anchor := slugs[0]
		if b := before[c]; len(b) > 0 {
			sort.Strings(b)
			anchor = b[0]
		}
		side := Part(anchor)
		for _, l := range ls {
			switch {
			case l.Batch == HeldOutBatch:
				// a held-out batch is test whole, by its own rule
			case l.SplitWith != "" && l.SplitWith != anchor:
				errs = append(errs, fmt.Errorf("corpus: round: %s: split_with %q: the company rule names %q (the first document of %q)", l.File, l.SplitWith, anchor, ls[0].Company))
			case PartOf(l) != side:
				errs = append(errs, fmt.Errorf("corpus: round: %s: on the %s side, company %q is on the %s side: add split_with: %s", l.File, PartOf(l), ls[0].Company, side, anchor))
			}
		}
	}
	return errs
}
