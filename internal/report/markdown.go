package report

import (
	"bufio"
	"fmt"
	"io"
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
