package model

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"unicode"
	"unicode/utf8"
)

// SnapshotFormat is the version of the snapshot file encoding. It is part
// of the normalizer's fingerprint (normalize.Normalizer.Version), so that a
// change of it makes the next run rewrite every stored posting once, quietly.
//
//	1: the description as one JSON string.
//	2: the description as a list of pieces (DescriptionPieces).
const SnapshotFormat = 2

// DescriptionPieces splits a description into the pieces stored in a
// snapshot file: one piece per sentence, each ending with what separates it
// from the next (the space after a sentence, or the newline that ends a
// line). Joining the pieces with "" gives s back exactly, so a posting whose
// description changed by one sentence changes one line of its file.
// The empty text has no pieces.
func DescriptionPieces(s string) []string {
	out := []string{}
	start := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == '\n':
			out = append(out, s[start:i])
			start = i
		case r == '。' || r == '！' || r == '？':
			for i < len(s) && s[i] == ' ' {
				i++
			}
			if i < len(s) && s[i] != '\n' {
				out = append(out, s[start:i])
				start = i
			}
		case r == '.' || r == '!' || r == '?':
			if end, ok := sentenceEnd(s, i); ok && end-start >= minPiece {
				out = append(out, s[start:end])
				start = end
				i = end
			}
		}
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}

// minPiece keeps "1. ", "e.g. " and "Dr. " with what follows.
const minPiece = 12

// sentenceEnd reports whether the sentence mark just before s[i] ends a
// sentence: after it come optional closing quotes or brackets, one or more
// spaces, then something other than a lowercase letter or a newline (which
// ends the piece anyway). end is where the next sentence starts.
func sentenceEnd(s string, i int) (end int, ok bool) {
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !strings.ContainsRune(`"')]’”»`, r) {
			break
		}
		i += size
	}
	j := i
	for j < len(s) && s[j] == ' ' {
		j++
	}
	if j == i || j == len(s) || s[j] == '\n' {
		return 0, false
	}
	if r, _ := utf8.DecodeRuneInString(s[j:]); unicode.IsLower(r) {
		return 0, false
	}
	return j, true
}

// text is the description as a snapshot file holds it: a JSON list of
// pieces (DescriptionPieces). It decodes from the list and from the one
// string of SnapshotFormat 1 (older files, the git history, event bodies).
type text string

func (t text) MarshalJSON() ([]byte, error) {
	return marshalNoEscape(DescriptionPieces(string(t)))
}

func (t *text) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case len(b) > 0 && b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*t = text(s)
	case len(b) > 0 && b[0] == '[':
		var pieces []string
		if err := json.Unmarshal(b, &pieces); err != nil {
			return err
		}
		*t = text(strings.Join(pieces, ""))
	case string(b) == "null":
		*t = ""
	default:
		return errors.New("description: want a string or a list of strings")
	}
	return nil
}

func marshalNoEscape(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// plainPosting is Posting without its methods.
type plainPosting Posting

// stored is the snapshot file form of a Posting: every field as Posting has
// it, but the description (the outer field hides the embedded one, and
// comes last, where Posting has it) as a list of pieces.
type stored struct {
	plainPosting
	Description text `json:"description"`
}

// UnmarshalJSON reads a posting whose description is either one string
// (event bodies, snapshot files of SnapshotFormat 1) or a list of pieces
// (snapshot files since SnapshotFormat 2). Posting has no MarshalJSON:
// json.Marshal writes the description as one string (event bodies); Encode
// writes the snapshot form.
func (p *Posting) UnmarshalJSON(b []byte) error {
	var s stored
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	*p = Posting(s.plainPosting)
	p.Description = string(s.Description)
	return nil
}
