package model

import (
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// The same characters can be written two ways in Unicode: "ü" as one code
// point (NFC, what most boards send) or as "u" and a combining diaeresis
// (NFD: macOS-authored text, some CMS migrations). The watcher reads text
// in NFC only, so that a board that switches forms changes no posting
// (neither its bytes nor its model: "Zürich" in NFD is still the city).
// Already-NFC text is returned as it is, without a copy.

// NFCRaw is r with every text field in NFC: what the normalizer reads.
// The id, the link and the update stamp stay as the platform wrote them
// (an id names a file; a link's bytes are the platform's). The slices of
// r are not modified: a field that changes gets a new slice.
func NFCRaw(r Raw) Raw {
	r.Title = nfc(r.Title)
	r.RequisitionID = nfc(r.RequisitionID)
	r.Team = nfc(r.Team)
	r.Locations = nfcList(r.Locations)
	r.Workplace = nfc(r.Workplace)
	r.EmploymentType = nfc(r.EmploymentType)
	r.Posted = nfc(r.Posted)
	r.DescriptionHTML = nfc(r.DescriptionHTML)
	r.DescriptionText = nfc(r.DescriptionText)
	copied := false
	for i, s := range r.Sections {
		h, items := nfc(s.Heading), nfcList(s.Items)
		if h == s.Heading && sameSlice(items, s.Items) {
			continue
		}
		if !copied {
			r.Sections, copied = append([]Section(nil), r.Sections...), true
		}
		r.Sections[i] = Section{Heading: h, Items: items}
	}
	for i, s := range r.Salary {
		if c, p := nfc(s.Currency), nfc(s.Period); c != s.Currency || p != s.Period {
			r.Salary = append([]Salary(nil), r.Salary...)
			r.Salary[i].Currency, r.Salary[i].Period = c, p
		}
	}
	r.Hints.Experience = nfcList(r.Hints.Experience)
	r.Hints.Education = nfcList(r.Hints.Education)
	r.Hints.Qualifications = nfcList(r.Hints.Qualifications)
	return r
}

// NFCPosting is p with every text field in NFC (see NFCRaw; the id and
// the link stay as they are). A posting stored before the watcher read
// text in NFC may hold NFD: compared in NFC, the form alone is no change.
func NFCPosting(p Posting) Posting {
	p.Company = nfc(p.Company)
	p.Title = nfc(p.Title)
	p.RequisitionID = nfc(p.RequisitionID)
	p.Role = nfc(p.Role)
	p.Levels = nfcList(p.Levels)
	p.Team = nfc(p.Team)
	for i, l := range p.Locations {
		n := Location{City: nfc(l.City), Region: nfc(l.Region), Country: nfc(l.Country), Remote: l.Remote, Name: nfc(l.Name)}
		if n != l {
			p.Locations = append([]Location(nil), p.Locations...)
			p.Locations[i] = n
		}
	}
	p.Workplace = nfc(p.Workplace)
	p.EmploymentType = nfc(p.EmploymentType)
	p.Language = nfc(p.Language)
	for i, s := range p.Salary {
		if c, per := nfc(s.Currency), nfc(s.Period); c != s.Currency || per != s.Period {
			p.Salary = append([]Salary(nil), p.Salary...)
			p.Salary[i].Currency, p.Salary[i].Period = c, per
		}
	}
	p.Posted = nfc(p.Posted)
	p.Skills.Required = nfcList(p.Skills.Required)
	p.Skills.Preferred = nfcList(p.Skills.Preferred)
	p.Skills.Mentioned = nfcList(p.Skills.Mentioned)
	p.Education.Required = nfcList(p.Education.Required)
	p.Education.Preferred = nfcList(p.Education.Preferred)
	p.Description = nfc(p.Description)
	return p
}

func nfc(s string) string {
	if nfcQuick(s) {
		return s
	}
	return norm.NFC.String(s)
}

// nfcQuick reports whether norm.NFC.String(s) is s by its own quick
// check, reading the ASCII runs of s eight bytes at a time: the check
// starts afresh at every ASCII byte (NFC, a starter with which nothing
// composes), so each run of other bytes is checked alone (QuickSpanString)
// and the text between them, most of a description, at the speed of a
// memory scan instead of a byte at a time. Text that is not valid UTF-8
// is left to norm.NFC.String.
func nfcQuick(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for i := 0; ; {
		i = asciiEnd(s, i)
		if i == len(s) {
			return true
		}
		k := i + 1
		for k < len(s) && s[k] >= utf8.RuneSelf {
			k++
		}
		if norm.NFC.QuickSpanString(s[i:k]) != k-i {
			return false
		}
		i = k
	}
}

// asciiEnd is the place of the first byte of s from i on that is not
// ASCII, or len(s).
func asciiEnd(s string, i int) int {
	for ; i+8 <= len(s); i += 8 {
		w := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		if w&0x8080808080808080 != 0 {
			break
		}
	}
	for ; i < len(s) && s[i] < utf8.RuneSelf; i++ {
	}
	return i
}

// NFCID is a platform's id in NFC, so that one written decomposed one day
// and composed the next is one id; an id that is not valid UTF-8 is as it
// is (its bytes are the key's %XX business, see PostingKey).
func NFCID(id string) string {
	if !utf8.ValidString(id) || norm.NFC.IsNormalString(id) {
		return id
	}
	return norm.NFC.String(id)
}

// nfcList is list in NFC: list itself when it is already, else a copy.
func nfcList(list []string) []string {
	var out []string
	for i, s := range list {
		n := nfc(s)
		if n == s && out == nil {
			continue
		}
		if out == nil {
			out = append(make([]string, 0, len(list)), list[:i]...)
		}
		out = append(out, n)
	}
	if out == nil {
		return list
	}
	return out
}

// sameSlice reports whether a and b are the same slice (not a copy).
func sameSlice(a, b []string) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}
