package normalize

import "strings"

// dropFrontMatterComments removes the comment lines of a YAML front matter
// (a text that opens with a "---" line, up to the next "---" line): they
// are instructions to whoever edits the file ("# If you are editing this
// file on GitHub, first make sure you are creating a new file"), not the
// posting. The front matter's keys and values stay. A text without front
// matter is returned as it is.
func dropFrontMatterComments(s string) string {
	first, rest, ok := strings.Cut(strings.TrimLeft(s, "\r\n\t "), "\n")
	if !ok || strings.TrimSpace(first) != "---" {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(first)
	b.WriteByte('\n')
	inside := true
	for line := range strings.SplitAfterSeq(rest, "\n") {
		t := strings.TrimSpace(line)
		if inside {
			if t == "---" {
				inside = false
			} else if strings.HasPrefix(t, "#") {
				continue
			}
		}
		b.WriteString(line)
	}
	return b.String()
}
