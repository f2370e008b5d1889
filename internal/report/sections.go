package report

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// maxRows bounds the rows of a count table in the text, Markdown and HTML
// forms (the JSON form has every row).
const maxRows = 30

// maxSkillRows bounds the skills listed per category.
const maxSkillRows = 15

// section is one part of the rendered report; text, Markdown and HTML all
// render the same sections.
type section struct {
	ID     string // HTML anchor
	Title  string
	Paras  []string // plain text (untrusted parts included): escape when rendering
	Tables []table
}

type table struct {
	Caption string
	Note    string // a line under the caption
	Head    []string
	Right   []bool // right-aligned columns
	Rows    [][]string
	More    int // rows left out
}

// IsRight says whether column i is right-aligned.
func (t table) IsRight(i int) bool { return i < len(t.Right) && t.Right[i] }

func countTable(caption, name string, cs []Count) table {
	t := table{Caption: caption, Head: []string{name, "Postings", "Share"}, Right: []bool{false, true, true}}
	for i, c := range cs {
		if i == maxRows {
			t.More = len(cs) - maxRows
			break
		}
		t.Rows = append(t.Rows, []string{c.Name, strconv.Itoa(c.Postings), fmtPct(c.Share)})
	}
	return t
}

func (r *Report) sections() []section {
	var out []section

	sum := section{ID: "summary", Title: "Summary"}
	sum.Paras = append(sum.Paras,
		fmt.Sprintf("Generated %s. Open postings: %d, in %s.", r.GeneratedAt.Format("2006-01-02 15:04 UTC"), r.Open, plural(len(r.Sources), "source")))
	sum.Tables = append(sum.Tables, countTable("", "Source", r.Sources))
	out = append(out, sum)

	out = append(out, r.trendSection())
	// A table of one category that no posting states ("(none)" only, or
	// no row) says nothing: it is left out, and so is a section left with
	// no table.
	if stated(r.Roles) {
		out = append(out, section{ID: "roles", Title: "Roles", Tables: []table{countTable("", "Role", r.Roles)}})
	}
	if stated(r.Levels) {
		out = append(out, section{ID: "levels", Title: "Levels",
			Paras:  []string{"A posting with several levels (L5/L6) counts once in each."},
			Tables: []table{countTable("", "Level", r.Levels)}})
	}
	if stated(r.Teams) {
		out = append(out, section{ID: "teams", Title: "Teams", Tables: []table{countTable("", "Team", r.Teams)}})
	}
	loc := section{ID: "locations", Title: "Locations",
		Paras: []string{fmt.Sprintf("Open to remote work: %s (%s). A posting open in several places counts once in each.",
			plural(r.Remote, "posting"), fmtPct(share(r.Remote, r.Open)))}}
	for _, c := range []struct {
		caption, name string
		cs            []Count
	}{{"Countries", "Country", r.Countries}, {"Cities", "City", r.Cities}, {"Workplace", "Workplace", r.Workplaces}} {
		if stated(c.cs) {
			loc.Tables = append(loc.Tables, countTable(c.caption, c.name, c.cs))
		}
	}
	if len(loc.Tables) > 0 || r.Remote > 0 {
		out = append(out, loc)
	}

	sk := section{ID: "skills", Title: "Skills by category",
		Paras: []string{"Postings naming each skill, and in which list: required, preferred (nice to have) or mentioned elsewhere in the posting."}}
	for _, c := range r.SkillCategories {
		if c.Postings == 0 || len(c.Skills) == 0 {
			continue // an empty category
		}
		t := table{Caption: fmt.Sprintf("%s: %s, %s", c.Category, plural(c.Postings, "posting"), fmtPct(c.Share)),
			Head:  []string{"Skill", "Postings", "Share", "Required", "Preferred", "Mentioned"},
			Right: []bool{false, true, true, true, true, true}}
		for i, s := range c.Skills {
			if i == maxSkillRows {
				t.More = len(c.Skills) - maxSkillRows
				break
			}
			t.Rows = append(t.Rows, []string{s.Skill, strconv.Itoa(s.Postings), fmtPct(s.Share),
				strconv.Itoa(s.Required), strconv.Itoa(s.Preferred), strconv.Itoa(s.Mentioned)})
		}
		sk.Tables = append(sk.Tables, t)
	}
	if len(sk.Tables) == 0 {
		sk.Paras = append(sk.Paras, "No skills named.")
	}
	out = append(out, sk)

	pay := section{ID: "pay", Title: "Pay",
		Paras: []string{"Stated ranges, per currency and period as stated. From: min / median / max of the ranges' lower bounds; To: the same of their upper bounds. " +
			"Monthly, weekly, daily and hourly rows also get a yearly equivalent of the medians (× 12, 52, 260 or 2,080), labelled as such."}}
	if len(r.Pay.ByRole) == 0 {
		pay.Paras = append(pay.Paras, "No posting states pay.")
	} else {
		pay.Tables = append(pay.Tables, payTable("By role", r.Pay.ByRole, false), payTable("By role and level", r.Pay.ByRoleLevel, true))
	}
	out = append(out, pay)
	out = append(out, r.postingsSection())
	if len(r.Notes) > 0 {
		out = append(out, section{ID: "notes", Title: "Notes", Paras: r.Notes})
	}
	return out
}

func payTable(caption string, rows []PayRow, level bool) table {
	t := table{Caption: caption}
	t.Head = []string{"Role"}
	if level {
		t.Head = append(t.Head, "Level")
	}
	t.Head = append(t.Head, "Pay in", "Postings", "From: min / median / max", "To: min / median / max", "Yearly equivalent")
	for i := range t.Head {
		t.Right = append(t.Right, t.Head[i] == "Postings")
	}
	for _, p := range rows {
		row := []string{p.Role}
		if level {
			row = append(row, p.Level)
		}
		yearly := ""
		if p.Yearly != nil {
			yearly = "≈ " + fmtRange(p.Yearly.Min.Median, p.Yearly.Max.Median) + " / year"
		}
		row = append(row, payLabel(p.Currency, p.Period), strconv.Itoa(p.Postings), fmtStats(p.Min), fmtStats(p.Max), yearly)
		t.Rows = append(t.Rows, row)
	}
	return t
}

func (r *Report) trendSection() section {
	t := r.Trend
	s := section{ID: "trend", Title: "Trend"}
	if !t.Available {
		s.Paras = []string{"No trend: the snapshots have no git history (see the notes)."}
		return s
	}
	head := t.Head
	if len(head) > 12 {
		head = head[:12]
	}
	if head == "" { // the database's versions: the history ends now
		s.Paras = append(s.Paras, fmt.Sprintf("From %s to now: %s changed the postings. Open postings %d → %d: %d opened, %d closed.",
			t.Since.Format(time.DateOnly), plural(t.Commits, "write"), t.Start, t.End, t.Opened, t.Closed))
	} else {
		s.Paras = append(s.Paras, fmt.Sprintf("From %s to commit %s: %s changed the snapshots. Open postings %d → %d: %d opened, %d closed.",
			t.Since.Format(time.DateOnly), head, plural(t.Commits, "commit"), t.Start, t.End, t.Opened, t.Closed))
	}
	wk := table{Caption: "Opened and closed per ISO week", Note: "Weeks with nothing opened or closed are left out.",
		Head: []string{"Week", "Monday", "Opened", "Closed", "Net"}, Right: []bool{false, false, true, true, true}}
	for _, w := range t.Weeks {
		if w.Opened == 0 && w.Closed == 0 {
			continue
		}
		wk.Rows = append(wk.Rows, []string{w.Week, w.Start, strconv.Itoa(w.Opened), strconv.Itoa(w.Closed), fmtSigned(w.Opened - w.Closed)})
	}
	s.Tables = append(s.Tables, wk)
	if len(t.Sources) > 1 || len(t.Sources) == 1 && !t.Sources[0].Start.Equal(t.Since) {
		src := table{Caption: "By source", Head: []string{"Source", "Since", "Open at start", "Opened", "Closed", "Open now"}, Right: []bool{false, false, true, true, true, true}}
		for _, ts := range t.Sources {
			src.Rows = append(src.Rows, []string{ts.Source, ts.Start.Format(time.DateOnly), strconv.Itoa(ts.StartPostings),
				strconv.Itoa(ts.Opened), strconv.Itoa(ts.Closed), strconv.Itoa(ts.EndPostings)})
		}
		s.Tables = append(s.Tables, src)
	}
	for _, x := range []struct {
		caption string
		list    []SkillTrend
	}{{"Rising skills", t.Rising}, {"Falling skills", t.Falling}} {
		tb := table{Caption: x.caption, Note: "Share of open postings naming the skill (required, preferred or mentioned) at the start of the window and now; change in percentage points. Only a change larger than one posting's share of the smaller of the two counts is listed.", Head: []string{"Skill", "Category", "Start", "Now", "Change"}, Right: []bool{false, false, true, true, true}}
		for _, st := range x.list {
			tb.Rows = append(tb.Rows, []string{st.Skill, st.Category,
				fmt.Sprintf("%d (%s)", st.StartPostings, fmtPct(st.StartShare)),
				fmt.Sprintf("%d (%s)", st.EndPostings, fmtPct(st.EndShare)),
				fmtPoints(st.Change)})
		}
		if len(tb.Rows) == 0 {
			tb.Rows = append(tb.Rows, []string{"(none)", "", "", "", ""})
		}
		s.Tables = append(s.Tables, tb)
	}
	return s
}

// title of the report, with the sources.
func (r *Report) title() string {
	names := make([]string, len(r.Sources))
	for i, s := range r.Sources {
		names[i] = s.Name
	}
	if len(names) == 0 {
		return "careers-watcher report"
	}
	return "careers-watcher report: " + strings.Join(names, ", ")
}

// stated says whether a count table has a row other than "(none)" or
// "(unspecified)".
func stated(cs []Count) bool {
	for _, c := range cs {
		if c.Name != none && c.Name != "(unspecified)" {
			return true
		}
	}
	return false
}

// maxPostingRows bounds the postings listed per source in the text,
// Markdown and HTML forms (the JSON form has every one).
const maxPostingRows = 200

// postingsSection lists the open postings of each source.
func (r *Report) postingsSection() section {
	s := section{ID: "postings", Title: "Open postings"}
	for _, sp := range r.Postings {
		t := table{Caption: fmt.Sprintf("%s: %s", sp.Source, plural(len(sp.Postings), "open posting")),
			Head: []string{"Title", "Level", "Location", "Pay", "Link"}}
		for i, p := range sp.Postings {
			if i == maxPostingRows {
				t.More = len(sp.Postings) - maxPostingRows
				break
			}
			t.Rows = append(t.Rows, []string{truncate(p.Title, 70), strings.Join(p.Levels, ", "), p.Location, p.Pay, p.URL})
		}
		s.Tables = append(s.Tables, t)
	}
	if len(s.Tables) == 0 {
		s.Paras = append(s.Paras, "No source.")
	}
	return s
}
