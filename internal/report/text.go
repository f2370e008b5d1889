package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// WriteText writes the report as plain text for a terminal: titled sections
// and aligned tables. Untrusted text is made one line, without control
// characters.
func (r *Report) WriteText(w io.Writer) error {
	bw := bufio.NewWriter(w)
	title := plain(r.title())
	fmt.Fprintf(bw, "%s\n%s\n", title, strings.Repeat("=", utf8.RuneCountInString(title)))
	for _, s := range r.sections() {
		fmt.Fprintf(bw, "\n%s\n%s\n", s.Title, strings.Repeat("-", utf8.RuneCountInString(s.Title)))
		for _, p := range s.Paras {
			fmt.Fprintf(bw, "%s\n", plain(p))
		}
		for _, t := range s.Tables {
			bw.WriteString("\n")
			if t.Caption != "" {
				fmt.Fprintf(bw, "%s\n", plain(t.Caption))
			}
			if t.Note != "" {
				fmt.Fprintf(bw, "%s\n", plain(t.Note))
			}
			if len(t.Rows) == 0 {
				bw.WriteString("  (none)\n")
				continue
			}
			writeTextTable(bw, t)
			if t.More > 0 {
				fmt.Fprintf(bw, "  ... and %d more\n", t.More)
			}
		}
	}
	return bw.Flush()
}

// writeTextTable writes a table with columns padded to their widths
// (counted in runes), numbers aligned right.
func writeTextTable(w *bufio.Writer, t table) {
	rows := make([][]string, 0, len(t.Rows)+1)
	rows = append(rows, t.Head)
	for _, r := range t.Rows {
		cells := make([]string, len(r))
		for i, c := range r {
			cells[i] = plain(c)
		}
		rows = append(rows, cells)
	}
	width := make([]int, len(t.Head))
	for _, r := range rows {
		for i, c := range r {
			if i < len(width) {
				width[i] = max(width[i], utf8.RuneCountInString(c))
			}
		}
	}
	for _, r := range rows {
		var b strings.Builder
		b.WriteString("  ")
		for i, c := range r {
			if i >= len(width) {
				break
			}
			pad := strings.Repeat(" ", width[i]-utf8.RuneCountInString(c))
			if i > 0 {
				b.WriteString("  ")
			}
			if i < len(t.Right) && t.Right[i] {
				b.WriteString(pad + c)
			} else {
				b.WriteString(c + pad)
			}
		}
		w.WriteString(strings.TrimRight(b.String(), " ") + "\n")
	}
}
