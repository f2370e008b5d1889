package gitrepo

import (
	"path"
	"slices"
	"strings"
)

// interest matches, in one pass over names in index order, the names of
// interest for a commit of some paths: the paths and their parent
// directories (exact), and the names below a path (path + "/").
//
// It holds the callers' strings, not copies: the paths themselves, their
// parent directories as substrings of them (path.Dir of a clean path
// allocates nothing), and "below" as the path with the slash implied. A
// recovery's commit names every file of the folder, and copies (two byte
// slices a path and one a parent directory per path) were about 475 bytes
// a path, the largest part of a commit's heap.
type interest struct {
	exact []string // the paths and their parent directories, sorted, unique
	below []string // the paths, sorted as path + "/" sorts, unique
	x, b  int
	open  []string // the paths the current name is below, shortest first
}

func newInterest(rels []string) *interest {
	in := &interest{exact: make([]string, 0, len(rels)), below: make([]string, 0, len(rels))}
	var dirs []string
	prev := "."
	for _, rel := range rels {
		in.exact = append(in.exact, rel)
		in.below = append(in.below, rel)
		d := path.Dir(rel)
		if d == prev {
			continue // the same folder as the path before: its parents are in
		}
		prev = d
		for ; d != "." && d != "/"; d = path.Dir(d) {
			dirs = append(dirs, d)
		}
	}
	in.exact = append(in.exact, dirs...)
	slices.Sort(in.exact)
	in.exact = slices.Clip(slices.Compact(in.exact))
	slices.SortFunc(in.below, compareSlashed)
	in.below = slices.Clip(slices.Compact(in.below))
	return in
}

// compareSlashed compares a + "/" with b + "/" (without making them).
func compareSlashed(a, b string) int {
	n := min(len(a), len(b))
	if c := strings.Compare(a[:n], b[:n]); c != 0 {
		return c
	}
	switch {
	case len(a) == len(b):
		return 0
	case len(a) < len(b):
		if b[n] < '/' {
			return 1
		}
		return -1 // '/' before b[n], or a + "/" a prefix of b + "/"
	default:
		if a[n] < '/' {
			return -1
		}
		return 1
	}
}

// slashedAtMost reports whether p + "/" <= name.
func slashedAtMost(p string, name []byte) bool {
	n := min(len(p), len(name))
	if s := string(name[:n]); p[:n] != s {
		return p[:n] < s
	}
	if len(name) <= len(p) {
		return false // name is p or a prefix of it: before p + "/"
	}
	return name[len(p)] > '/' || name[len(p)] == '/'
}

// isBelow reports whether name starts with p + "/".
func isBelow(name []byte, p string) bool {
	return len(name) > len(p) && name[len(p)] == '/' && string(name[:len(p)]) == p
}

// match reports whether name is of interest; names come in index order.
func (in *interest) match(name []byte) bool {
	for in.x < len(in.exact) && in.exact[in.x] < string(name) {
		in.x++
	}
	if in.x < len(in.exact) && in.exact[in.x] == string(name) {
		return true
	}
	// A name past a prefix that it does not start with is past every
	// name below it: the names below a prefix are one run of the order.
	for len(in.open) > 0 && !isBelow(name, in.open[len(in.open)-1]) {
		in.open = in.open[:len(in.open)-1]
	}
	for in.b < len(in.below) && slashedAtMost(in.below[in.b], name) {
		if isBelow(name, in.below[in.b]) {
			in.open = append(in.open, in.below[in.b])
		}
		in.b++
	}
	return len(in.open) > 0
}
