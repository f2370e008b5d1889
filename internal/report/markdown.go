package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// WriteMarkdown writes the report as GitHub Flavored Markdown: a heading per
// section and pipe tables. Untrusted text (titles, teams, locations, skills)
// is escaped so that it renders literally.
func (r *Report) WriteMarkdown(w io.Writer) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# %s\n", mdText(r.title()))
	for _, s := range r.sections() {
		fmt.Fprintf(bw, "\n## %s\n", mdText(s.Title))
		for _, p := range s.Paras {
			fmt.Fprintf(bw, "\n%s\n", mdText(p))
		}
		for _, t := range s.Tables {
			bw.WriteString("\n")
			if t.Caption != "" {
				fmt.Fprintf(bw, "**%s**\n\n", mdText(t.Caption))
			}
			if t.Note != "" {
				fmt.Fprintf(bw, "%s\n\n", mdText(t.Note))
			}
			if len(t.Rows) == 0 {
				bw.WriteString("(none)\n")
				continue
			}
			writeMarkdownTable(bw, t.Head, t.Right, t.Rows, true)
			if t.More > 0 {
				fmt.Fprintf(bw, "\n… and %d more\n", t.More)
			}
		}
	}
	return bw.Flush()
}

// writeMarkdownTable writes a pipe table; escape says whether the cells are
// plain text to escape (false: already Markdown).
func writeMarkdownTable(w *bufio.Writer, head []string, right []bool, rows [][]string, escape bool) {
	cell := func(s string) string {
		if escape {
			s = mdText(s)
		}
		if s == "" {
			return " "
		}
		return s
	}
	var b strings.Builder
	b.WriteString("|")
	for _, h := range head {
		b.WriteString(" " + mdText(h) + " |")
	}
	b.WriteString("\n|")
	for i := range head {
		if i < len(right) && right[i] {
			b.WriteString("---:|")
		} else {
			b.WriteString("---|")
		}
	}
	b.WriteString("\n")
	for _, r := range rows {
		b.WriteString("|")
		for i := range head {
			c := ""
			if i < len(r) {
				c = r[i]
			}
			b.WriteString(" " + cell(c) + " |")
		}
		b.WriteString("\n")
	}
	w.WriteString(b.String())
}
