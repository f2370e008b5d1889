package scrape

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// BoardError is the error of a failed listing of a platform's board: a 304
// passes through as ErrNotModified, a 404 says the board is gone by name
// (`greenhouse: board "acme": not found (404)`), anything else is wrapped
// with the platform and the board.
func BoardError(platform, board string, err error) error {
	switch {
	case errors.Is(err, ErrNotModified):
		return err
	case IsStatus(err, http.StatusNotFound):
		return fmt.Errorf("%s: board %q: not found (404)", platform, board)
	}
	return fmt.Errorf("%s: board %q: %w", platform, board, err)
}

// AddLabels appends the labels that are not empty (after trimming) and not
// in list yet.
func AddLabels(list []string, labels ...string) []string {
	for _, l := range labels {
		if l = strings.TrimSpace(l); l != "" && !slices.Contains(list, l) {
			list = append(list, l)
		}
	}
	return list
}

// JoinNonEmpty joins the parts that are not empty with ", " ("Berlin,
// Germany").
func JoinNonEmpty(parts ...string) string {
	keep := make([]string, 0, len(parts))
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			keep = append(keep, p)
		}
	}
	return strings.Join(keep, ", ")
}

// DatePrefix is the date of a timestamp: of an instant written with its
// UTC offset ("2026-07-27T23:30:00-04:00"), the date in UTC ("2026-07-28"),
// so that the same instant written with another offset (the account's time
// zone changed, the API answering in UTC) is the same date; else the
// YYYY-MM-DD it starts with ("2026-08-05 10:10:39 UTC", a date alone, a
// time without a zone), or "" when it starts with no valid date (relative
// text such as "Posted 5 Days Ago"). An implausible date is "" too: a year
// before MinPostedYear or more than two years from now (0001-01-01, a
// 9999-12-31 placeholder), or a time with an offset that is no offset
// ("+25:00").
func DatePrefix(s string) string {
	s = strings.TrimSpace(s)
	if len(s) < 10 {
		return ""
	}
	for _, layout := range instantLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return PlausibleDate(t.UTC())
		}
	}
	t, err := time.Parse(time.DateOnly, s[:10])
	if err != nil || badOffsetRE.MatchString(s) {
		return ""
	}
	return PlausibleDate(t)
}

// MinPostedYear is the earliest year DatePrefix takes for a posting date.
const MinPostedYear = 1990

// badOffsetRE is a time with a numeric offset: one DatePrefix did not read
// as an instant has an offset out of range.
var badOffsetRE = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)? ?[+-]\d{2}:?\d{2}$`)

// PlausibleDate is t's date, or "" when it lies before MinPostedYear or
// more than two years after today.
func PlausibleDate(t time.Time) string {
	if t.Year() < MinPostedYear || t.After(time.Now().AddDate(2, 0, 0)) {
		return ""
	}
	return t.Format(time.DateOnly)
}

// ListedStamp is the update stamp of a posting whose listing carries it
// whole: the platform's update time joined with a digest of every field
// read from the listing. A platform that edits a posting without moving
// its update time (a title fixed in place) still changes the stamp, so the
// posting is read again instead of kept as stored.
//
// A pay figure that is no number (NaN, see Amount) or infinite is digested
// as a marker, since JSON has no such number: the stamp keeps its digest.
func ListedStamp(updated string, r model.Raw) string {
	r.Stamp, r.Complete = "", false
	for i, s := range r.Salary {
		if !finite(s.Min) || !finite(s.Max) {
			r.Salary = slices.Clone(r.Salary)
			r.Salary[i].Min, r.Salary[i].Max = nonFinite(s.Min), nonFinite(s.Max)
		}
	}
	b, err := json.Marshal(r)
	if err != nil {
		return updated
	}
	sum := sha256.Sum256(b)
	return strings.TrimSpace(updated) + ":" + hex.EncodeToString(sum[:8])
}

func finite(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }

// nonFinite is f, or a negative marker (never a figure of pay) for NaN and
// the infinities.
func nonFinite(f float64) float64 {
	switch {
	case math.IsNaN(f):
		return -1
	case math.IsInf(f, 1):
		return -2
	case math.IsInf(f, -1):
		return -3
	}
	return f
}

// instantLayouts are the timestamps with an explicit offset that DatePrefix
// reads as instants (fractions of seconds are accepted after the seconds
// by time.Parse).
var instantLayouts = []string{
	time.RFC3339,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04Z07:00",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05Z0700",
	"2006-01-02 15:04:05 Z07:00",
	"2006-01-02 15:04:05 -0700",
}
