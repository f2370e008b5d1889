package report

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"strconv"
	"time"
)

//go:embed report.html.tmpl
var htmlTemplate string

var htmlTmpl = template.Must(template.New("report").Parse(htmlTemplate))

type htmlPage struct {
	Title     string
	Generated string
	Cards     []card
	Sections  []htmlSection
}

type card struct {
	Value string
	Label string
}

type htmlSection struct {
	section
	HCharts []*hchart
	VCharts []*vchart
}

// WriteHTML writes the report as one self-contained HTML file: styles
// inline, charts as inline SVG (bar charts of roles, levels, countries and
// skills; opened and closed postings per week), no script and nothing
// fetched from the network (no fonts, no images, no links to other
// resources). All text goes through html/template, so titles and other
// untrusted values are escaped.
func (r *Report) WriteHTML(w io.Writer) error {
	page := htmlPage{
		Title:     plain(r.title()),
		Generated: r.GeneratedAt.Format("2006-01-02 15:04 UTC"),
	}
	page.Cards = append(page.Cards,
		card{strconv.Itoa(r.Open), "open postings"},
		card{strconv.Itoa(len(r.Roles)), "roles"},
		card{fmtPct(share(r.Remote, r.Open)), "open to remote work"},
	)
	if r.Trend.Available {
		page.Cards = append(page.Cards,
			card{"+" + strconv.Itoa(r.Trend.Opened) + " / −" + strconv.Itoa(r.Trend.Closed), "opened / closed since " + r.Trend.Since.Format(time.DateOnly)})
	}
	charts := r.charts()
	for _, s := range r.sections() {
		hs := htmlSection{section: s}
		for _, c := range charts[s.ID] {
			switch c := c.(type) {
			case *hchart:
				if c != nil {
					hs.HCharts = append(hs.HCharts, c)
				}
			case *vchart:
				if c != nil {
					hs.VCharts = append(hs.VCharts, c)
				}
			}
		}
		page.Sections = append(page.Sections, hs)
	}
	if err := htmlTmpl.Execute(w, page); err != nil {
		return fmt.Errorf("report: html: %w", err)
	}
	return nil
}

// Chart IDs (the data-chart attribute of each <svg>).
const (
	ChartRoles     = "roles"
	ChartLevels    = "levels"
	ChartCountries = "countries"
	ChartSkills    = "skills"
	ChartWeeks     = "weeks"
)

// maxChartBars bounds the bars of the roles, levels and countries charts;
// maxSkillBars those of the skills chart.
const (
	maxChartBars = 15
	maxSkillBars = 20
)

// charts are the charts of each section, by section ID.
func (r *Report) charts() map[string][]any {
	out := map[string][]any{}
	count := func(id, title string, cs []Count) *hchart {
		if len(cs) > maxChartBars {
			cs = cs[:maxChartBars]
		}
		labels := make([]string, len(cs))
		values := make([][]int, len(cs))
		for i, c := range cs {
			labels[i] = c.Name
			values[i] = []int{c.Postings}
		}
		return hchartOf(id, title, labels, values, nil, func(i int) string {
			return strconv.Itoa(cs[i].Postings) + " · " + fmtPct(cs[i].Share)
		})
	}
	out["roles"] = []any{count(ChartRoles, "Open postings by role", r.Roles)}
	out["levels"] = []any{count(ChartLevels, "Open postings by level", r.Levels)}
	out["locations"] = []any{count(ChartCountries, "Open postings by country", r.Countries)}

	top := r.TopSkills(maxSkillBars)
	labels := make([]string, len(top))
	values := make([][]int, len(top))
	for i, s := range top {
		labels[i] = s.Skill
		values[i] = []int{s.Required, s.Preferred, s.Mentioned}
	}
	out["skills"] = []any{hchartOf(ChartSkills, "Most named skills: required, preferred, mentioned", labels, values,
		[]legend{{Class: "req", Label: "required"}, {Class: "pref", Label: "preferred"}, {Class: "ment", Label: "mentioned"}},
		func(i int) string { return strconv.Itoa(top[i].Postings) + " · " + fmtPct(top[i].Share) })}

	if r.Trend.Available && len(r.Trend.Weeks) > 0 {
		labels := make([]string, len(r.Trend.Weeks))
		subs := make([]string, len(r.Trend.Weeks))
		values := make([][]int, len(r.Trend.Weeks))
		for i, w := range r.Trend.Weeks {
			labels[i] = w.Week
			if d, err := time.Parse(time.DateOnly, w.Start); err == nil {
				subs[i] = d.Format("Jan 2")
			}
			values[i] = []int{w.Opened, w.Closed}
		}
		out["trend"] = []any{vchartOf(ChartWeeks, "Postings opened and closed per ISO week", labels, subs, values,
			[]legend{{Class: "open", Label: "opened"}, {Class: "close", Label: "closed"}})}
	}
	return out
}
