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

func nfc(s string) string { return norm.NFC.String(s) }

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
