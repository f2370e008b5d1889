// Package model holds the role/skill model of a job posting. The JSON tags
// and field order of Posting are the snapshot file format (README.md, "Snapshot files"):
// change them only on purpose.
package model

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
)

// Posting is one normalized job posting, as stored in a snapshot file.
// Description is plain text, lines separated by "\n"; a snapshot file holds
// it as a list of pieces, one sentence or line each (see Encode), an event
// body as one string.
type Posting struct {
	ID                 string     `json:"id"`
	Source             string     `json:"source"`
	Company            string     `json:"company"`
	Title              string     `json:"title"`
	URL                string     `json:"url"`
	RequisitionID      string     `json:"requisition_id"`
	Role               string     `json:"role"`
	Levels             []string   `json:"levels"`
	Team               string     `json:"team"`
	Locations          []Location `json:"locations"`
	Workplace          string     `json:"workplace"`       // onsite, hybrid, remote or ""
	EmploymentType     string     `json:"employment_type"` // full_time, part_time, contract, temporary, internship or ""
	Language           string     `json:"language"`        // ISO 639-1 of the description (en, de, ...) or "" when unknown
	Salary             []Salary   `json:"salary"`
	Posted             string     `json:"posted"` // YYYY-MM-DD or ""
	Skills             Skills     `json:"skills"`
	Education          Education  `json:"education"`
	MinYearsExperience *int       `json:"min_years_experience"` // null when the posting states none
	Description        string     `json:"description"`
}

// Location is one place a posting is open in.
type Location struct {
	City    string `json:"city,omitempty"`
	Region  string `json:"region,omitempty"`
	Country string `json:"country,omitempty"` // ISO 3166-1 alpha-2 when known
	Remote  bool   `json:"remote,omitempty"`
	// Name is the label as the platform wrote it, kept only when it could
	// not be split into city, region and country.
	Name string `json:"name,omitempty"`
}

// Salary is one stated pay range. Min equals Max for a single value.
type Salary struct {
	Min      float64 `json:"min"`
	Max      float64 `json:"max"`
	Currency string  `json:"currency"` // ISO 4217, e.g. USD
	Period   string  `json:"period"`   // year, month, week, day or hour
}

// Skills are canonical taxonomy names, each list sorted and without repeats;
// a skill appears in at most one list (required before preferred before
// mentioned).
type Skills struct {
	Required  []string `json:"required"`
	Preferred []string `json:"preferred"`
	Mentioned []string `json:"mentioned"`
}

// Education lists degrees (Bachelor's, Master's, PhD) by how they are asked for.
type Education struct {
	Required  []string `json:"required"`
	Preferred []string `json:"preferred"`
}

// Canonical fills nil slices with empty ones so that a posting always encodes
// the same way ([] rather than null).
func (p *Posting) Canonical() {
	p.Levels = nonNil(p.Levels)
	if p.Locations == nil {
		p.Locations = []Location{}
	}
	if p.Salary == nil {
		p.Salary = []Salary{}
	}
	p.Skills.Required = nonNil(p.Skills.Required)
	p.Skills.Preferred = nonNil(p.Skills.Preferred)
	p.Skills.Mentioned = nonNil(p.Skills.Mentioned)
	p.Education.Required = nonNil(p.Education.Required)
	p.Education.Preferred = nonNil(p.Education.Preferred)
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// Encode returns the canonical snapshot bytes of p: 2-space indented JSON,
// keys in struct order, no HTML escaping, trailing newline, the description
// as a list of pieces (one line of the file per sentence). The same posting
// always gives the same bytes.
func Encode(p Posting) ([]byte, error) {
	p.Canonical()
	return appendStored(make([]byte, 0, 1024+len(p.Description)*11/10), &p)
}

// Decode parses snapshot bytes, of this SnapshotFormat or an older one.
func Decode(b []byte) (Posting, error) {
	var p Posting
	if err := json.Unmarshal(b, &p); err != nil {
		return Posting{}, err
	}
	p.Canonical()
	return p, nil
}

// Hash is the hex SHA-256 of the canonical encoding: equal hashes mean equal
// snapshot files.
func Hash(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// Raw is a posting as a platform adapter read it, before normalization.
// Adapters fill what their platform has; normalize derives the rest.
type Raw struct {
	ID    string // the platform's posting id (untrusted)
	Stamp string // the platform's update stamp; "" when it has none

	Title          string
	URL            string
	RequisitionID  string
	Team           string   // team or department as the platform names it
	Locations      []string // location labels as the platform wrote them
	Workplace      string   // the platform's workplace hint ("remote", "hybrid", "onsite", free text) or ""
	EmploymentType string   // the platform's employment type, free text, or ""
	Posted         string   // YYYY-MM-DD or ""

	DescriptionHTML string    // the description as HTML, when the platform gives HTML
	DescriptionText string    // the description as plain text, when it gives no HTML
	Sections        []Section // structured sections from the platform (e.g. Lever lists), if any
	Salary          []Salary  // structured pay ranges from the platform, if any

	// Hints are structured requirement fields the platform gives beside
	// the description; the normalizer reads them where the text is silent.
	// They are not part of the snapshot, and leave a Raw without them
	// marshalled as before (omitzero).
	Hints Hints `json:",omitzero"`

	// Complete is true when the listing already carries the description, so
	// no detail request is needed.
	Complete bool
}

// Hints are a platform's structured requirement fields, as written: the
// schema.org JobPosting's experienceRequirements ("2-4 års erfarenhet",
// "36 months of experience"), educationRequirements ("bachelor
// degree") and qualifications (free text, beside a description).
type Hints struct {
	Experience     []string
	Education      []string
	Qualifications []string
}

// Section is one titled part of a posting, such as "Qualifications".
type Section struct {
	Heading string
	Items   []string // bullets or paragraphs, plain text
}

// Change is one field-level difference between two versions of a posting.
// For list fields (skills, levels, locations, salary) one Change names one
// item added (Old nil) or removed (New nil); scalar fields carry both values.
type Change struct {
	Field string `json:"field"`
	Old   any    `json:"old"`
	New   any    `json:"new"`
}
