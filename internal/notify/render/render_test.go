package render

import (
	"strings"
	"testing"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/notify"
)

func TestMoney(t *testing.T) {
	for in, want := range map[float64]string{0: "0", 100000: "100,000", 52.5: "52.50", 1234567.891: "1,234,567.89", -1500: "-1,500", 999: "999"} {
		if got := Money(in); got != want {
			t.Errorf("Money(%v) = %q, want %q", in, got, want)
		}
	}
}

func TestSalaryAndLocation(t *testing.T) {
	if got := Salary(model.Salary{Min: 60, Max: 60, Currency: "EUR", Period: "hour"}); got != "EUR 60/hour" {
		t.Errorf("Salary = %q", got)
	}
	locs := []model.Location{{City: "Los Gatos", Region: "California", Country: "US"}, {Remote: true, Country: "US"}, {Name: "Amsterdam HQ"}, {Remote: true}, {City: "X"}}
	if got := Locations(locs, 4); got != "Los Gatos, California, US; Remote (US); Amsterdam HQ; Remote; +1 more" {
		t.Errorf("Locations = %q", got)
	}
}

func TestEscaping(t *testing.T) {
	const h = "<!channel> & <script>x</script> @here *b* [l](u)\u202e\x00"
	tests := []struct {
		name string
		f    func(string) string
		want string
	}{
		{"mrkdwn", Mrkdwn, "&lt;!channel&gt; &amp; &lt;script&gt;x&lt;/script&gt; @\u2060here *b* [l](u)"},
		{"markdown", Markdown, `\<!channel\> & \<script\>x\</script\> @` + "\u2060" + `here \*b\* \[l\]\(u\)`},
		{"html", HTML, "&lt;!channel&gt; &amp; &lt;script&gt;x&lt;/script&gt; @here *b* [l](u)"},
	}
	for _, tt := range tests {
		if got := tt.f(h); got != tt.want {
			t.Errorf("%s\n got %q\nwant %q", tt.name, got, tt.want)
		}
	}
	if got := MrkdwnLink("https://x.example/a|b>c", "t>"); got != "<https://x.example/a%7Cb%3Ec|t&gt;>" {
		t.Errorf("MrkdwnLink = %q", got)
	}
	if got := MarkdownLink("javascript:alert(1)", "t"); got != "t" {
		t.Errorf("MarkdownLink with a bad scheme = %q", got)
	}
	if got := MarkdownLink("https://x.example/a(b)", "t"); got != "[t](https://x.example/a%28b%29)" {
		t.Errorf("MarkdownLink = %q", got)
	}
}

func TestSafeURL(t *testing.T) {
	for in, want := range map[string]string{
		"https://a.example/x?y=1": "https://a.example/x?y=1",
		"http://a.example":        "http://a.example",
		"javascript:alert(1)":     "",
		"//a.example/x":           "",
		"https://a.example/x y":   "",
		"https://a.example/<x>":   "https://a.example/%3Cx%3E",
		"":                        "",
	} {
		if got := SafeURL(in); got != want {
			t.Errorf("SafeURL(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestValue(t *testing.T) {
	five := 5
	tests := []struct {
		field string
		v     any
		want  string
	}{
		{"title", "a\nb", "a b"},
		{"salary", model.Salary{Min: 1, Max: 2, Currency: "USD", Period: "year"}, "USD 1-2/year"},
		{"salary", map[string]any{"min": 1.0, "max": 2.0, "currency": "USD", "period": "year"}, "USD 1-2/year"},
		{"locations", model.Location{City: "Berlin", Country: "DE"}, "Berlin, DE"},
		{"locations", map[string]any{"remote": true}, "Remote"},
		{"min_years_experience", &five, "5"},
		{"min_years_experience", 5.0, "5"},
		{"x", []string{"a"}, `["a"]`},
		{"x", nil, ""},
	}
	for _, tt := range tests {
		if got := Value(tt.field, tt.v); got != tt.want {
			t.Errorf("Value(%s, %#v) = %q, want %q", tt.field, tt.v, got, tt.want)
		}
	}
}

func TestDigest(t *testing.T) {
	p := &model.Posting{ID: "1", Company: "Netflix", Title: "ML Engineer", Levels: []string{"L5", "L6"}, URL: "https://x.example/1"}
	evs := []notify.Event{
		{Type: notify.SourceFailed, Data: notify.Data{Source: "nf", Error: "status 503"}},
		{Type: notify.PostingRemoved, Data: notify.Data{Source: "nf", Posting: p}},
		{Type: notify.PostingAdded, Data: notify.Data{Source: "nf", Posting: p}},
		{Type: notify.PostingChanged, Data: notify.Data{Source: "nf", Posting: p, Changes: []model.Change{{Field: "description", Old: "a", New: "b"}, {Field: "levels", New: "L6"}}}},
		{Type: notify.PostingAdded, Data: notify.Data{Source: "nf", Posting: p}},
	}
	d := NewDigest("nf", evs, More("", "nf"))
	if d.Header != "nf: 2 added, 1 changed, 1 removed, source failed" || d.Company != "Netflix" || d.Total != 5 {
		t.Errorf("digest %q %q %d", d.Header, d.Company, d.Total)
	}
	var kinds []string
	for _, it := range d.Items {
		kinds = append(kinds, it.Kind)
	}
	if strings.Join(kinds, ",") != "added,added,changed,removed,failed" {
		t.Errorf("order %v", kinds)
	}
	if got := d.Changed[0].Changes[0].String() + "; " + d.Changed[0].Changes[1].String(); got != "description changed (+1 -1 sentence); levels +L6" {
		t.Errorf("changes %q", got)
	}
	c := d.Cut(3)
	if len(c.Items) != 3 || len(c.Added) != 2 || len(c.Changed) != 1 || len(c.Removed) != 0 || len(c.Other) != 0 || c.Omitted != 2 || len(d.Items) != 5 {
		t.Errorf("cut %+v", c)
	}
	if More("https://github.com/me/jobs/tree/main/snapshots/", "nf") != "https://github.com/me/jobs/tree/main/snapshots/nf" || More("", "nf") != "the snapshot folder nf/" {
		t.Error("More")
	}
	if got := EventLine(evs[3]); got != "changed: ML Engineer [L5/L6] (description, levels)" {
		t.Errorf("EventLine = %q", got)
	}
	if got := EventLine(evs[0]); got != "source failed: nf: status 503" {
		t.Errorf("EventLine = %q", got)
	}
}

func TestTemplates(t *testing.T) {
	d := NewDigest("nf", []notify.Event{{Type: notify.PostingAdded, Data: notify.Data{Source: "nf", Posting: &model.Posting{Title: "<b>", URL: "https://x.example"}}}}, "")
	tt, err := ParseText("t", `{{.Source}} {{range .Added}}{{mrkdwn .Title}}|{{markdown .Title}}|{{html .Title}}|{{truncate 2 "abc"}}|{{money 1234.5}}{{end}}`)
	if err != nil {
		t.Fatal(err)
	}
	out, err := Or(tt, d, func() string { return "default" })
	if err != nil || out != "nf &lt;b&gt;|\\<b\\>|&lt;b&gt;|a…|1,234.50" {
		t.Errorf("out %q err %v", out, err)
	}
	ht, err := ParseHTML("h", `<a href="{{.More}}">{{range .Added}}{{.Title}}{{end}}</a>`)
	if err != nil {
		t.Fatal(err)
	}
	if out, err := ht.Execute(d); err != nil || out != `<a href="">&lt;b&gt;</a>` {
		t.Errorf("html out %q err %v", out, err)
	}
	for _, src := range []string{"{{.Nope}}", "{{range .Items}}{{end}}  ", `{{range $i, $_ := .Items}}{{end}}{{template "x"}}`} {
		bad, err := ParseText("bad", src)
		if err != nil {
			continue // a parse error is reported by New
		}
		if out, err := Or(bad, d, func() string { return "default" }); out != "default" || err == nil {
			t.Errorf("%q: out %q err %v", src, out, err)
		}
	}
	big, _ := ParseText("big", `{{range $i, $x := .Items}}{{end}}{{define "r"}}{{.}}{{.}}{{.}}{{.}}{{.}}{{.}}{{.}}{{.}}{{.}}{{.}}{{end}}`+strings.Repeat(`{{template "r" "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}}`, 1000))
	if _, err := big.Execute(d); err == nil {
		t.Error("output over MaxOutput accepted")
	}
	if p, err := ParseText("none", "  "); p != nil || err != nil {
		t.Error("empty template should be none")
	}
	if _, err := ParseText("x", "{{"); err == nil || !strings.HasPrefix(err.Error(), "template x:") {
		t.Errorf("parse error %v", err)
	}
}

func TestSample(t *testing.T) {
	e := Sample("nf", time.Unix(1764100000, 0))
	if e.ID == "" || e.Type != notify.PostingAdded || e.Data.Posting == nil {
		t.Errorf("sample %+v", e)
	}
	if _, err := notify.Body(e); err != nil {
		t.Error(err)
	}
}
