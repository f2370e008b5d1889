package config

import (
	"errors"
	"fmt"
	"strings"

	yaml4 "go.yaml.in/yaml/v4"
)

// syntaxProblem parses data again with yaml v4, whose load errors carry the
// position of the problem as well as that of its context, and returns the
// line of the problem and a message naming the context's line. ok is false
// when v4 finds no syntax error with a position.
func syntaxProblem(data []byte) (line int, msg string, ok bool) {
	var le *yaml4.LoadError
	if err := safeUnmarshal4(data); !errors.As(err, &le) || le.Mark.Line == 0 || le.Message == "" {
		return 0, "", false
	}
	msg = le.Message
	m := le.Mark
	ctx := le.ContextMsg != "" && le.ContextMark.Line > 0
	// a tab that indents a line is where the scanner found it, though the
	// context is the value on the line before
	tab := strings.Contains(msg, "tab character")
	if ctx && !tab && (strings.HasPrefix(le.ContextMsg, "while scanning") || strings.HasPrefix(le.ContextMsg, "while parsing a flow")) {
		// an unclosed quote, bracket or key: the mistake is where it
		// opened, the parser noticed it later
		m = le.ContextMark
	}
	line = m.Line
	if atEnd(data, m.Index) {
		// noticed at the end of the file: the last line with something
		line = lastLine(data)
	}
	var notes []string
	if ctx && !tab && le.ContextMark.Line != line && !atEnd(data, le.ContextMark.Index) {
		notes = append(notes, fmt.Sprintf("%s from line %d", le.ContextMsg, le.ContextMark.Line))
	}
	if strings.HasPrefix(msg, "did not find expected key") || strings.HasPrefix(msg, "did not find expected '-' indicator") ||
		strings.HasPrefix(msg, "mapping values are not allowed") {
		notes = append(notes, fmt.Sprintf("check the indentation of line %d", line))
	}
	if len(notes) > 0 {
		msg += " (" + strings.Join(notes, "; ") + ")"
	}
	return line, msg, true
}

// atEnd reports whether only white space follows offset i of data.
func atEnd(data []byte, i int) bool {
	return i >= 0 && i <= len(data) && strings.TrimSpace(string(data[i:])) == ""
}

// lastLine is the number of the last line of data that is not blank (1
// when there is none).
func lastLine(data []byte) int {
	lines := strings.Split(string(data), "\n")
	for i := len(lines) - 1; i >= 0; i-- {
		if strings.TrimSpace(lines[i]) != "" {
			return i + 1
		}
	}
	return 1
}

// safeUnmarshal4 is yaml v4's Unmarshal into a node, a panic turned into
// an error (a validator reports, never crashes).
func safeUnmarshal4(data []byte) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("yaml: %v", r)
		}
	}()
	var n yaml4.Node
	return yaml4.Unmarshal(data, &n)
}
