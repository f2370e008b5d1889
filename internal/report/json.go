package report

import (
	"encoding/json"
	"io"
)

// WriteJSON writes the report as JSON (see the package comment for the
// keys): 2-space indented, keys in a fixed order, trailing newline, no HTML
// escaping of "<", ">" and "&".
func (r *Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}
