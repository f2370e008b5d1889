package corpus

import (
	"context"
	"fmt"
	"html"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

var tagRE = regexp.MustCompile(`(?s)<[^>]*>`)
var blockEndRE = regexp.MustCompile(`(?i)</(p|li|h[1-6]|div|ul|ol|tr)>|<br\s*/?>`)
var liRE = regexp.MustCompile(`(?i)<li[^>]*>`)
var hRE = regexp.MustCompile(`(?is)<h[1-6][^>]*>(.*?)</h[1-6]>`)

var wsRE = regexp.MustCompile(`\s+`)

func htmlToText(s string) string {
	if !strings.Contains(s, "<") && strings.Contains(s, "&lt;") {
		s = html.UnescapeString(s)
	}
	s = wsRE.ReplaceAllString(s, " ")
	s = liRE.ReplaceAllString(s, "• ")
	s = blockEndRE.ReplaceAllString(s, "\n")
	s = tagRE.ReplaceAllString(s, "")
	return html.UnescapeString(s)
}

func textToP(s string) string {
	var b strings.Builder
	for _, l := range strings.Split(s, "\n") {
		if strings.TrimSpace(l) == "" {
			continue
		}
		b.WriteString("<p>" + html.EscapeString(l) + "</p>")
	}
	return b.String()
}

func textToBr(s string) string {
	var ls []string
	for _, l := range strings.Split(s, "\n") {
		ls = append(ls, html.EscapeString(l))
	}
	return "<p>" + strings.Join(ls, "<br>") + "</p>"
}

// plainText is a description as plain lines: its text, or its HTML as text.
func plainText(r model.Raw) string {
	if r.DescriptionHTML != "" {
		return htmlToText(r.DescriptionHTML)
	}
	return r.DescriptionText
}

// flatten joins the non-empty lines of s with sep: the text keeps its
// words and marks ("- ", "• ", "1. ", "## ") but loses every line break.
func flatten(s, sep string) string {
	var ls []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			ls = append(ls, l)
		}
	}
	return strings.Join(ls, sep)
}

func variants(r model.Raw) map[string]model.Raw {
	out := map[string]model.Raw{}
	if r.DescriptionHTML != "" {
		v := r
		v.DescriptionHTML = html.EscapeString(r.DescriptionHTML)
		out["html-escaped"] = v
		v = r
		v.DescriptionHTML, v.DescriptionText = "", htmlToText(r.DescriptionHTML)
		out["html-to-text"] = v
		v = r
		v.DescriptionHTML = textToBr(htmlToText(r.DescriptionHTML))
		out["html-to-br"] = v
		v = r
		v.DescriptionHTML = hRE.ReplaceAllString(r.DescriptionHTML, "<p><strong>$1</strong></p>")
		out["h-to-strong"] = v
	} else if r.DescriptionText != "" {
		v := r
		v.DescriptionText, v.DescriptionHTML = "", textToP(r.DescriptionText)
		out["text-to-p"] = v
		v = r
		v.DescriptionText, v.DescriptionHTML = "", textToBr(r.DescriptionText)
		out["text-to-br"] = v
	}
	if text := plainText(r); text != "" {
		// the whole description on one line of text, as scrapers, JSON-LD
		// description fields and aggregators give it; and the same with a
		// bullet between the lines
		v := r
		v.DescriptionHTML, v.DescriptionText = "", flatten(text, " ")
		out["flat-line"] = v
		v = r
		v.DescriptionHTML, v.DescriptionText = "", flatten(text, " • ")
		out["flat-bullets"] = v
		v = r
		v.DescriptionHTML, v.DescriptionText = "<p>"+html.EscapeString(flatten(text, " "))+"</p>", ""
		out["flat-one-p"] = v
	}
	return out
}

// TestFormatVariants re-renders every dev posting's description in the
// other forms boards and scrapers give the same text (plain-text lines as
// <p> paragraphs or <br> lines; a page's HTML escaped once more, flattened
// to plain lines, or to <br> lines; headings as bold paragraphs; the
// whole text on one line, as plain text, with a bullet between its
// lines, or in one <p>) and
// scores the skills against the same labels: the model should not depend
// on the form. The floors are a ratchet under today's figures (2026-12-03,
// rules 102), on the dev part only (the test part is only measured, by
// TestCorpus). "-v" prints the table, and the postings that lost a skill.
func TestFormatVariants(t *testing.T) {
	// The dev part grew by 35 text postings in round s23 (two batches;
	// security postings naming tools the taxonomy lacks, 16 of them
	// already on one line): the unchanged forms' F1 fell 0.917 -> 0.886 on
	// all 434 dev postings, the text forms' 0.915 -> 0.877, and with them
	// the variants' (normalizer bb8d5c113480, the same before and after):
	// text-to-p and text-to-br 0.912 -> 0.874, flat-line 0.898 -> 0.855,
	// flat-bullets 0.899 -> 0.868, flat-one-p 0.892 -> 0.850. The drop
	// against the unchanged form grew for the flattened forms (flat-line
	// 0.019 -> 0.031, flat-one-p 0.025 -> 0.036: the new dev postings with
	// headings lose more when flattened), not for the text forms (0.003).
	// Those five floors were set just under the new figures, as after
	// round s21.
	floors := map[string]float64{
		"text-to-p": 0.865, "text-to-br": 0.865, "html-escaped": 0.91, "h-to-strong": 0.90,
		"html-to-br": 0.88, "html-to-text": 0.86,
		// the whole description on one line: 0.901, 0.901, 0.901 at
		// rules 104 (2026-12-04); 0.662, 0.727, 0.662 before the line
		// was read for its lost breaks (flatPieces). The dev part then
		// grew by 25 postings (round s21, markdown posts whose headings a
		// flattened line loses): 0.888, 0.892, 0.888 at rules 108.
		// Round s24 (2026-12-04) added 48 dev text postings (security and
		// Latin American postings from two scrapers' stores, 21 of them
		// already one paragraph, the rest with headings a flattened line
		// loses). At the same normalizer (eb92c62d2de2) the figures on the
		// 434 old dev postings alone are unchanged (flat-line 0.873,
		// flat-one-p 0.868, flat-bullets 0.886); on all 482 they are
		// 0.835, 0.831, 0.868: the drop comes from the new documents only
		// (their unchanged form scores 0.783 against the old ones' 0.907).
		// flat-line and flat-one-p were set just under the new figures.
		// Round s24's second batch added 7 dev text postings: at the same
		// normalizer (9bac879c0eb3) the 482 earlier dev postings alone
		// give flat-line 0.839, text-to-p and text-to-br 0.878 (unchanged
		// by the batch); all 489 give 0.829 and 0.868: the drop comes from
		// the new documents only. Those three floors were set just under.
		"flat-line": 0.825, "flat-bullets": 0.865, "flat-one-p": 0.825,
	}
	labels, errs := Load("testdata")
	if len(errs) > 0 {
		t.Fatalf("corpus: %v", errs)
	}
	// the unchanged form of every posting is TestCorpus's evaluation
	// (sharedEval: the same documents through the same adapters and the
	// same normalizer), not normalized a second time; a posting it lacks,
	// or a slug and id it holds twice, is normalized here
	se, n := sharedEval()
	shared := map[string]Result{}
	twice := map[string]bool{}
	for _, r := range se.Results {
		k := r.Slug + "\x00" + r.Label.ID
		if _, ok := shared[k]; ok {
			twice[k] = true
		}
		shared[k] = r
	}
	orig := map[string]*Metrics{}
	per := map[string]*Metrics{}
	diffs := map[string][]string{}
	for _, l := range labels {
		if PartOf(l) != "dev" {
			continue
		}
		raws, err := Raws(context.Background(), "testdata", l)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range l.Postings {
			r, ok := raws[p.ID]
			if !ok {
				continue
			}
			base, ok := shared[l.Slug+"\x00"+p.ID]
			if !ok || twice[l.Slug+"\x00"+p.ID] {
				base = Score(l.Slug, l.Format, l.Company, p, n.Normalize(l.Slug, l.Company, r))
			}
			for name, v := range variants(r) {
				if orig[name] == nil {
					orig[name], per[name] = &Metrics{}, &Metrics{}
				}
				orig[name].Add(base)
				res := Score(l.Slug, l.Format, l.Company, p, n.Normalize(l.Slug, l.Company, v))
				per[name].Add(res)
				if res.TP < base.TP {
					diffs[name] = append(diffs[name], fmt.Sprintf("%s %s: TP %d -> %d, %v", l.Slug, p.ID, base.TP, res.TP, res.SkillDiff))
				}
			}
		}
	}
	var names []string
	for k := range per {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		t.Logf("%-14s dev postings %3d  F1 %.3f -> %.3f  misplaced %.3f -> %.3f  mentioned %d -> %d", k, per[k].Postings, orig[k].F1(), per[k].F1(), orig[k].MisplacedRate(), per[k].MisplacedRate(), orig[k].Mentioned, per[k].Mentioned)
	}
	for _, k := range names {
		if f := per[k].F1(); f < floors[k] {
			t.Errorf("%s: skills F1 %.3f under its floor %.2f", k, f, floors[k])
		}
		if !testing.Verbose() {
			continue
		}
		for _, d := range diffs[k] {
			t.Logf("%s: %s", k, d)
		}
	}
	if len(per) != len(floors) {
		t.Errorf("variants %v, floors for %d", names, len(floors))
	}
}
