package snapshot

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/careers-watcher/careers-watcher/internal/mdtext"
	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/redact"
)

// ReadmeName is the file SourceReadme's output is written to, inside the
// source's snapshot folder.
const ReadmeName = "README.md"

// ReadmePath is the README.md of a source's snapshot folder.
func (s *Store) ReadmePath(source string) string {
	return filepath.Join(s.SourceDir(source), ReadmeName)
}

// ReadmeRowsPath is the cache of a source's README rows (see WriteReadme).
func (s *Store) ReadmeRowsPath(source string) string {
	return filepath.Join(s.Dir, StateDir, "readme", source+".json")
}

// readmeRow is what a source's README.md shows of one posting, with the
// hash of the snapshot it was taken from.
type readmeRow struct {
	Hash    string        `json:"hash"`
	Posting model.Posting `json:"posting"` // only the fields the README shows
}

// readmeFields are the fields of a snapshot file that thin keeps, decoded
// without the rest (the description is skipped, not decoded).
type readmeFields struct {
	ID        string           `json:"id"`
	Company   string           `json:"company"`
	Title     string           `json:"title"`
	URL       string           `json:"url"`
	Levels    []string         `json:"levels"`
	Locations []model.Location `json:"locations"`
	Workplace string           `json:"workplace"`
	Salary    []model.Salary   `json:"salary"`
	Skills    struct {
		Required  []string `json:"required"`
		Preferred []string `json:"preferred"`
	} `json:"skills"`
}

// descriptionMember starts the description in a snapshot file model.Encode
// wrote: its last member, at the top level (two spaces of indent). A
// literal newline is only ever between members (a string holds "\n"
// escaped), so the first match is that member.
var descriptionMember = []byte(",\n  \"description\": ")

// decodeThin is thin(model.Decode(b)) for snapshot bytes, at a fraction of
// the cost. The bytes are the ones a run writes (model.Encode): the
// description, most of a file and not shown, is cut off before the decode
// rather than scanned twice (json.Unmarshal's check, then its skip), so an
// error in it is not seen here; bytes of another layout (no such member)
// are decoded whole.
func decodeThin(b []byte) (model.Posting, error) {
	var f readmeFields
	head := b
	if i := bytes.Index(b, descriptionMember); i >= 0 {
		head = append(b[:i:i], '}')
	}
	if err := json.Unmarshal(head, &f); err != nil {
		return model.Posting{}, err
	}
	p := model.Posting{
		ID: f.ID, Title: f.Title, URL: f.URL, Company: f.Company, Levels: f.Levels,
		Locations: f.Locations, Workplace: f.Workplace, Salary: f.Salary,
		Skills: model.Skills{Required: f.Skills.Required, Preferred: f.Skills.Preferred},
	}
	p.Canonical()
	return thin(p), nil
}

// thin keeps the fields of p that SourceReadme shows.
func thin(p model.Posting) model.Posting {
	return model.Posting{
		ID: p.ID, Title: p.Title, URL: p.URL, Company: p.Company, Levels: p.Levels,
		Locations: p.Locations, Workplace: p.Workplace, Salary: p.Salary,
		Skills: model.Skills{Required: p.Skills.Required, Preferred: p.Skills.Preferred},
	}
}

// WriteReadme rewrites the README.md of a source's snapshot folder (a
// table of its open postings, for reading the repository on a git host)
// when its postings changed (writes: id -> the snapshot bytes written;
// removes: ids removed) or it is missing; idx is the source's index after
// the changes. It returns the paths written (the README and its rows
// cache), none when it was left as it was.
//
// The rows of the table are kept in the state, each with the hash of its
// snapshot: a run that changed ten postings decodes those ten, not every
// snapshot. Rows that do not match the index (a crash, a hand edit) are
// rebuilt from the files.
func (s *Store) WriteReadme(source string, writes map[string][]byte, removes []string, idx Index) ([]string, error) {
	path := s.ReadmePath(source)
	changed := len(writes) > 0 || len(removes) > 0
	if _, err := os.Stat(path); err == nil && !changed {
		return nil, nil
	} else if err == nil && !s.ownReadme(path) {
		return nil, &ForeignReadmeError{Path: path}
	}
	rows := map[string]readmeRow{}
	if b, err := s.readFile(s.ReadmeRowsPath(source)); err == nil {
		json.Unmarshal(b, &rows) // unreadable: rebuilt below
	}
	for id, data := range writes {
		post, err := decodeThin(data)
		if err != nil {
			return nil, err
		}
		hash := idx.Postings[id].Hash // the hash of these bytes, when the index has them
		if hash == "" {
			hash = model.Hash(data)
		}
		rows[id] = readmeRow{Hash: hash, Posting: post}
	}
	for _, id := range removes {
		delete(rows, id)
	}
	if !rowsMatch(rows, idx) {
		postings, err := s.Postings(source)
		if err != nil {
			return nil, err
		}
		rows = make(map[string]readmeRow, len(postings))
		for _, post := range postings {
			if e, ok := idx.Postings[post.ID]; ok {
				rows[post.ID] = readmeRow{Hash: e.Hash, Posting: thin(post)}
			}
		}
	}
	postings := make([]model.Posting, 0, len(rows))
	for _, row := range rows {
		postings = append(postings, row.Posting)
	}
	if err := WriteFile(path, SourceReadme(source, postings)); err != nil {
		return nil, err
	}
	b, err := json.Marshal(rows)
	if err != nil {
		return nil, err
	}
	if err := WriteFile(s.ReadmeRowsPath(source), append(b, '\n')); err != nil {
		return nil, err
	}
	return []string{path, s.ReadmeRowsPath(source)}, nil
}

// readmeMark is in every README.md SourceReadme wrote, since the first.
const readmeMark = "Written by careers-watcher"

// ForeignReadmeError says that a source's folder holds a README.md the
// watcher did not write (a data repository's own notes): it is kept, not
// rewritten (review s32 F8: it was replaced without a word).
type ForeignReadmeError struct{ Path string }

func (e *ForeignReadmeError) Error() string {
	return fmt.Sprintf("%s was not written by careers-watcher: kept, the table of postings not written (move it away to get the table)", e.Path)
}

// ownReadme says whether the README.md at path is one SourceReadme wrote:
// its mark in the first 256 KiB (after the title and the intro line), or
// no regular file (a link is not followed; it is replaced, as before) or
// one that cannot be read (rewritten, as before).
func (s *Store) ownReadme(path string) bool {
	if fi, err := os.Lstat(path); err != nil || !fi.Mode().IsRegular() {
		return true
	}
	f, err := os.Open(path)
	if err != nil {
		return true
	}
	defer f.Close()
	head := make([]byte, 256<<10)
	n, _ := io.ReadFull(f, head)
	return bytes.Contains(head[:n], []byte(readmeMark))
}

// rowsMatch reports whether the rows are exactly the index's postings, each
// from the snapshot the index has.
func rowsMatch(rows map[string]readmeRow, idx Index) bool {
	if len(rows) != len(idx.Postings) {
		return false
	}
	for id, e := range idx.Postings {
		if row, ok := rows[id]; !ok || row.Hash != e.Hash {
			return false
		}
	}
	return true
}

// readmeTopSkills is how many skills a README row lists.
const readmeTopSkills = 5

// readmeMaxLocations is how many locations a README row lists.
const readmeMaxLocations = 3

// What a README row shows of a board's own text at most, in runes: a
// board's title, company, level or place can be as long as its answer
// (a 250 KB title made a 250 KB row). The snapshot file keeps the text
// whole; the row is cut with an ellipsis (redact.CutText), and a URL
// longer than readmeMaxURL is shown as text, not linked.
const (
	readmeMaxTitle = 200
	readmeMaxCell  = 120
	readmeMaxURL   = 2048
)

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
		p.Title = redact.CutText(p.Title, readmeMaxTitle)
		if len(p.URL) > readmeMaxURL {
			p.URL = ""
		}
		ks[i] = keyed{mdtext.Plain(p.Title), p}
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
	fmt.Fprintf(w, "# %s\n\n", mdtext.Text(source))
	companies := map[string]bool{}
	var names []string
	for _, p := range ps {
		if c := mdtext.Plain(redact.CutText(p.Company, readmeMaxCell)); c != "" && !companies[c] {
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
	fmt.Fprintf(w, "%s.\n\n", mdtext.Text(intro))
	w.WriteString(readmeMark + " with the snapshot files of this folder, one JSON file per open posting; the git history of this folder is the history of the postings. Do not edit: the next run rewrites this file.\n")
	if len(ps) > 0 {
		w.WriteString("\n")
		rows := make([][]string, 0, len(ps))
		for _, p := range ps {
			rows = append(rows, []string{
				mdtext.Link(p.Title, p.URL),
				mdtext.Text(redact.CutText(strings.Join(mdtext.Uniq(p.Levels), ", "), readmeMaxCell)),
				mdtext.Text(locationsCell(p)),
				mdtext.Text(payCell(p.Salary)),
				mdtext.Text(redact.CutText(strings.Join(topSkills(p), ", "), readmeMaxCell*2)),
			})
		}
		mdtext.Table(w, []string{"Title", "Level", "Location", "Pay", "Top skills"}, nil, rows, false)
	}
	w.Flush()
	return buf.Bytes()
}

func topSkills(p model.Posting) []string {
	var out []string
	for _, s := range mdtext.Uniq(append(append([]string(nil), p.Skills.Required...), p.Skills.Preferred...)) {
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
		if s = mdtext.Plain(s); s != "" {
			parts = append(parts, s)
		}
	}
	label := strings.Join(parts, ", ")
	if label == "" {
		label = mdtext.Plain(l.Name)
	}
	label = redact.CutText(label, readmeMaxCell)
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
	labels = mdtext.Uniq(labels)
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
		v := strings.TrimSpace(redact.CutText(mdtext.Plain(s.Currency), readmeMaxCell) + " " + mdtext.Range(lo, hi))
		if per := redact.CutText(mdtext.Plain(s.Period), readmeMaxCell); per != "" {
			v += " / " + per
		}
		out = append(out, v)
	}
	return strings.Join(mdtext.Uniq(out), "; ")
}
