package report

import (
	"bufio"
	"bytes"
	"fmt"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// ReadmeName is the file SourceReadme's output is written to, inside the
// source's snapshot folder.
const ReadmeName = "README.md"

// readmeTopSkills is how many skills a README row lists.
const readmeTopSkills = 5

// readmeMaxLocations is how many locations a README row lists.
const readmeMaxLocations = 3

// SourceReadme renders the README.md of a source's snapshot folder: a table
// of the open postings (title linked to the posting's URL, level, location,
// pay, top skills), sorted by title then id. Every value is escaped for
// Markdown (pipes, brackets, backticks, emphasis, HTML, newlines); a URL
// other than http(s) is not linked. The output depends only on the
// arguments (same postings in any order, same bytes): no timestamps.
//
// Top skills are the required skills, then the preferred ones, in the
// posting's order, at most 5.
func SourceReadme(source string, postings []model.Posting) []byte {
	// the sort keys are computed once, not in every comparison
	type keyed struct {
		title string
		p     model.Posting
	}
	ks := make([]keyed, len(postings))
	for i, p := range postings {
		ks[i] = keyed{plain(p.Title), p}
	}
	sort.SliceStable(ks, func(i, j int) bool {
		if ks[i].title != ks[j].title {
			return ks[i].title < ks[j].title
		}
		return ks[i].p.ID < ks[j].p.ID
	})
	ps := make([]model.Posting, len(ks))
	for i, k := range ks {
		ps[i] = k.p
	}
	var buf bytes.Buffer
	w := bufio.NewWriter(&buf)
	fmt.Fprintf(w, "# %s\n\n", mdText(source))
	companies := map[string]bool{}
	var names []string
	for _, p := range ps {
		if c := plain(p.Company); c != "" && !companies[c] {
			companies[c] = true
			names = append(names, c)
		}
	}
	sort.Strings(names)
	intro := fmt.Sprintf("%d open posting", len(ps))
	if len(ps) != 1 {
		intro += "s"
	}
	if len(names) > 0 {
		intro += " at " + strings.Join(names, ", ")
	}
	fmt.Fprintf(w, "%s.\n\n", mdText(intro))
	w.WriteString("Written by careers-watcher with the snapshot files of this folder, one JSON file per open posting; the git history of this folder is the history of the postings. Do not edit: the next run rewrites this file.\n")
	if len(ps) > 0 {
		w.WriteString("\n")
		rows := make([][]string, 0, len(ps))
		for _, p := range ps {
			rows = append(rows, []string{
				mdLink(p.Title, p.URL),
				mdText(strings.Join(uniq(p.Levels), ", ")),
				mdText(locationsCell(p)),
				mdText(payCell(p.Salary)),
				mdText(strings.Join(topSkills(p), ", ")),
			})
		}
		writeMarkdownTable(w, []string{"Title", "Level", "Location", "Pay", "Top skills"}, nil, rows, false)
	}
	w.Flush()
	return buf.Bytes()
}

// Postings reads the open postings of one source from the snapshot
// directory (<snapshotDir>/<source>/*.json), sorted by file name: the input
// of SourceReadme. Files that are not postings (README.md, anything that
// does not decode) are skipped.
func Postings(snapshotDir, source string) ([]model.Posting, error) {
	if source == "" || strings.ContainsAny(source, `/\`) || strings.HasPrefix(source, ".") {
		return nil, fmt.Errorf("report: source %q: not a source folder name", source)
	}
	files, _, err := readSource(filepath.Join(snapshotDir, source))
	if err != nil {
		return nil, err
	}
	out := make([]model.Posting, 0, len(files))
	for _, name := range sortedKeys(files) {
		out = append(out, files[name].posting)
	}
	return out, nil
}

func topSkills(p model.Posting) []string {
	var out []string
	for _, s := range uniq(append(append([]string(nil), p.Skills.Required...), p.Skills.Preferred...)) {
		if len(out) == readmeTopSkills {
			break
		}
		out = append(out, s)
	}
	return out
}

// locationLabel is "Los Gatos, California, US", "Remote (US)" or the
// platform's label.
func locationLabel(l model.Location) string {
	var parts []string
	for _, s := range []string{l.City, l.Region, l.Country} {
		if s = plain(s); s != "" {
			parts = append(parts, s)
		}
	}
	label := strings.Join(parts, ", ")
	if label == "" {
		label = plain(l.Name)
	}
	if l.Remote {
		if label == "" {
			return "Remote"
		}
		if strings.HasPrefix(strings.ToLower(label), "remote") {
			return label
		}
		return "Remote (" + label + ")"
	}
	return label
}

func locationsCell(p model.Posting) string {
	var labels []string
	for _, l := range p.Locations {
		labels = append(labels, locationLabel(l))
	}
	labels = uniq(labels)
	more := 0
	if len(labels) > readmeMaxLocations {
		more = len(labels) - readmeMaxLocations
		labels = labels[:readmeMaxLocations]
	}
	s := strings.Join(labels, "; ")
	if more > 0 {
		s += "; +" + strconv.Itoa(more) + " more"
	}
	if p.Workplace == "hybrid" {
		if s == "" {
			return "Hybrid"
		}
		s += " (hybrid)"
	}
	return s
}

// payCell is "USD 100,000–720,000 / year", ranges joined with "; ".
func payCell(sal []model.Salary) string {
	var out []string
	for _, s := range sal {
		if s.Min <= 0 && s.Max <= 0 {
			continue
		}
		lo, hi := s.Min, s.Max
		if lo <= 0 {
			lo = hi
		}
		if hi < lo {
			hi = lo
		}
		v := strings.TrimSpace(plain(s.Currency) + " " + fmtRange(lo, hi))
		if per := plain(s.Period); per != "" {
			v += " / " + per
		}
		out = append(out, v)
	}
	return strings.Join(uniq(out), "; ")
}
