// Package diff compares two versions of a posting field by field. It is pure:
// no I/O, deterministic output.
package diff

import (
	"slices"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// Postings returns the changes from old to new, in a fixed field order.
// Scalars give one Change with both values; lists give one Change per item
// added (Old nil) or removed (New nil), so that "PyTorch became required"
// reads as exactly that. The description gives one Change with both texts.
// Both are compared in Unicode NFC (model.NFCPosting): a posting stored in
// NFD is not changed by the same characters in NFC.
func Postings(old, new model.Posting) []model.Change {
	old, new = model.NFCPosting(old), model.NFCPosting(new)
	var out []model.Change
	scalar := func(field, a, b string) {
		if a != b {
			out = append(out, model.Change{Field: field, Old: a, New: b})
		}
	}
	scalar("title", old.Title, new.Title)
	scalar("company", old.Company, new.Company)
	scalar("url", old.URL, new.URL)
	scalar("requisition_id", old.RequisitionID, new.RequisitionID)
	scalar("role", old.Role, new.Role)
	out = append(out, items("levels", old.Levels, new.Levels)...)
	scalar("team", old.Team, new.Team)
	out = append(out, items("locations", old.Locations, new.Locations)...)
	scalar("workplace", old.Workplace, new.Workplace)
	scalar("employment_type", old.EmploymentType, new.EmploymentType)
	out = append(out, items("salary", old.Salary, new.Salary)...)
	scalar("posted", old.Posted, new.Posted)
	out = append(out, items("skills.required", old.Skills.Required, new.Skills.Required)...)
	out = append(out, items("skills.preferred", old.Skills.Preferred, new.Skills.Preferred)...)
	out = append(out, items("skills.mentioned", old.Skills.Mentioned, new.Skills.Mentioned)...)
	out = append(out, items("education.required", old.Education.Required, new.Education.Required)...)
	out = append(out, items("education.preferred", old.Education.Preferred, new.Education.Preferred)...)
	if !equalInt(old.MinYearsExperience, new.MinYearsExperience) {
		out = append(out, model.Change{Field: "min_years_experience", Old: intOrNil(old.MinYearsExperience), New: intOrNil(new.MinYearsExperience)})
	}
	scalar("description", old.Description, new.Description)
	return out
}

// Fields lists the distinct field names of changes, in order.
func Fields(changes []model.Change) []string {
	var out []string
	for _, c := range changes {
		if !slices.Contains(out, c.Field) {
			out = append(out, c.Field)
		}
	}
	return out
}

// items compares two lists by value: removed items first, then added ones,
// each in its list's order.
func items[T comparable](field string, a, b []T) []model.Change {
	inA, inB := contains(a), contains(b)
	var out []model.Change
	for _, x := range a {
		if !inB(x) {
			out = append(out, model.Change{Field: field, Old: x})
		}
	}
	for _, x := range b {
		if !inA(x) {
			out = append(out, model.Change{Field: field, New: x})
		}
	}
	return out
}

// contains is a membership test of list: a scan for a short list, a set
// for a long one, so that comparing two lists of a board's making (tens of
// thousands of location labels) is not quadratic (16,000 took 1.4 s).
func contains[T comparable](list []T) func(T) bool {
	if len(list) <= 16 {
		return func(x T) bool { return slices.Contains(list, x) }
	}
	set := make(map[T]struct{}, len(list))
	for _, x := range list {
		set[x] = struct{}{}
	}
	return func(x T) bool { _, ok := set[x]; return ok }
}

func equalInt(a, b *int) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}

func intOrNil(p *int) any {
	if p == nil {
		return nil
	}
	return *p
}
