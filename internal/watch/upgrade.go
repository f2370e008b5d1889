package watch

import (
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/scrape"
)

// sameSource reports whether two versions of a posting say the same thing
// in what the platform gave as it was: title, link, requisition id, team,
// posting date, company, and the words of the description. Everything else
// (role, levels, skills, education, years, pay and places read from text,
// workplace, employment type, language) is what the normalizer made of it.
// After a normalizer upgrade, a posting whose source says the same is a
// quiet rewrite, never a posting.changed: this holds for platforms with no
// update stamp too, where the stamp cannot tell. Text is compared in
// Unicode NFC: a posting stored in NFD, before the normalizer read text in
// NFC, says the same. dayLeeway: the stored version's posted date may
// have been read in the board's offset (see samePosted).
func sameSource(a, b model.Posting, dayLeeway bool) bool {
	a, b = model.NFCPosting(a), model.NFCPosting(b)
	return a.Title == b.Title && a.URL == b.URL && a.RequisitionID == b.RequisitionID &&
		a.Team == b.Team && samePosted(a.Posted, b.Posted, dayLeeway) && a.Company == b.Company &&
		sameWords(a.Description, b.Description)
}

// sameAcrossInterfaces reports whether two versions of a posting read
// through two interfaces of one platform (an Eightfold tenant's apply and
// pcsx, see scrape.Stateful's Reshaped) say the same thing: what
// sameSource compares, except what the interface shapes (the link's form,
// the posted date read from another time field, the company and a team
// that one interface leaves out: Eightfold's apply lists a business unit,
// which stands in for a missing department, pcsx none). A posting whose
// title, requisition, team (named by both) or description words differ
// really changed:
// the run that switches reports it, so that a tenant that answers through
// one interface and then the other mutes no change.
func sameAcrossInterfaces(a, b model.Posting) bool {
	return a.Title == b.Title && a.RequisitionID == b.RequisitionID &&
		(a.Team == b.Team || a.Team == "" || b.Team == "") && sameWords(a.Description, b.Description)
}

// sameWords compares two texts word by word, ignoring case, punctuation and
// layout: a renderer that now keeps a list's line breaks, or spaces a
// heading differently, changes no word.
func sameWords(a, b string) bool {
	wa, wb := words(a), words(b)
	for {
		x, okA := wa()
		y, okB := wb()
		if okA != okB {
			return false
		}
		if !okA {
			return true
		}
		if x != y {
			return false
		}
	}
}

// words iterates the lower-cased runs of letters and digits of s, in NFC
// (a posting stored before text was NFC, or read through an interface
// that decomposes accents, has the same words).
func words(s string) func() (string, bool) {
	s = norm.NFC.String(s)
	return func() (string, bool) {
		start := strings.IndexFunc(s, isWordRune)
		if start < 0 {
			s = ""
			return "", false
		}
		s = s[start:]
		end := strings.IndexFunc(s, func(r rune) bool { return !isWordRune(r) })
		if end < 0 {
			end = len(s)
		}
		w := strings.ToLower(s[:end])
		s = s[end:]
		return w, true
	}
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// samePosted reports whether two posting dates can be the same
// publication instant: equal, or, with dayLeeway, one day apart, as the
// same instant is read in UTC (scrape.DatePrefix, since normalizer rules
// 56) where older rules took the date in the board's own offset. Only an
// upgrade asks; the leeway is given only where the stored version may
// predate that (an index without posted_utc, snapshot.Index.PostedUTC:
// reread16 M3, a real one-day change in an upgrade run was silenced).
func samePosted(a, b string, dayLeeway bool) bool {
	if a == b {
		return true
	}
	// a placeholder date older rules kept (0001-01-01, 9999-12-31) is no
	// date now (scrape.PlausibleDate)
	if t, err := time.Parse(time.DateOnly, a); err == nil && b == "" && scrape.PlausibleDate(t) == "" {
		return true
	}
	if !dayLeeway {
		return false
	}
	x, errA := time.Parse(time.DateOnly, a)
	y, errB := time.Parse(time.DateOnly, b)
	if errA != nil || errB != nil {
		return false
	}
	d := x.Sub(y)
	return d == 24*time.Hour || d == -24*time.Hour
}
