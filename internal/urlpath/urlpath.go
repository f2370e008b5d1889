// Package urlpath escapes the path segments of the URLs the watcher builds
// from untrusted values (a platform's id or slug in a request, a posting's
// id or source name in a page of the web server).
package urlpath

import (
	"fmt"
	"net/url"
	"strings"
)

// Segment escapes one path segment: url.PathEscape, and a '+' as %2B
// (which PathEscape leaves: a server that reads its path as form data
// reads a space, and the board "a+b" became "a b").
//
// Segment does not protect against a dot value: "." and ".." come out as
// %2E and %2E%2E, which a WHATWG URL parser (colly's, a browser's) reads
// as the dot segments themselves, so "/v1/boards/"+Segment("..")+"/jobs"
// is sent as /v1/jobs. Callers refuse such values first: the config
// refuses a board key, tenant or site for which Dot is true (see
// scrape.Board.Validate), and SegmentChecked returns an error for them.
func Segment(s string) string {
	switch s {
	case ".":
		return "%2E"
	case "..":
		return "%2E%2E"
	}
	return strings.ReplaceAll(url.PathEscape(s), "+", "%2B")
}

// Dot reports whether s is a dot segment as a WHATWG URL parser reads one:
// ".", "..", or either written with %2e (".%2e", "%2E%2e", ...). Such a
// value in a path names the resource itself or its parent.
func Dot(s string) bool {
	switch strings.ToLower(s) {
	case ".", "%2e", "..", ".%2e", "%2e.", "%2e%2e":
		return true
	}
	return false
}

// SegmentChecked is Segment for a value that is not known to be checked:
// an error for a dot value (see Dot), which no escaping keeps from being
// read as a dot segment.
func SegmentChecked(s string) (string, error) {
	if Dot(s) {
		return "", fmt.Errorf("path segment %q is a dot segment (it names the parent resource)", s)
	}
	return Segment(s), nil
}
