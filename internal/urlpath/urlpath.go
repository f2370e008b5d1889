// Package urlpath escapes the path segments of the URLs the watcher builds
// from untrusted values (a platform's id or slug in a request, a posting's
// id or source name in a page of the web server).
package urlpath

import (
	"net/url"
	"strings"
)

// Segment escapes one path segment: url.PathEscape, a '+' as %2B (which
// PathEscape leaves: a server that reads its path as form data reads a
// space, and the board "a+b" became "a b"), and a value that is a whole
// dot segment ("." or "..") as %2E, so that a value can never name the
// parent resource of the path it is put in.
func Segment(s string) string {
	switch s {
	case ".":
		return "%2E"
	case "..":
		return "%2E%2E"
	}
	return strings.ReplaceAll(url.PathEscape(s), "+", "%2B")
}
